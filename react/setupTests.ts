// styleguide's Table sizes its rows with react-virtualized's AutoSizer, which measures 0×0 in
// jsdom and then renders no rows: give elements a size.
Object.defineProperties(window.HTMLElement.prototype, {
  offsetHeight: { get: () => 800, configurable: true },
  offsetWidth: { get: () => 1200, configurable: true },
})

// styleguide's InputSearch and Pagination pick a layout with window.matchMedia (absent in jsdom).
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  })
}

// styleguide's Modal scrolls the window when it opens; jsdom does not implement scrolling.
window.scroll = () => undefined
window.scrollTo = () => undefined
