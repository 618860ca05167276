// The styleguide ships no index typings; the IO typings tarball cannot be installed here.
declare module 'vtex.styleguide'
declare module '@vtex/styleguide'
