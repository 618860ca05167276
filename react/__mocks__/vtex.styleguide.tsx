// Tests render the real styleguide components from npm (same major as the IO app).
export * from '@vtex/styleguide'
