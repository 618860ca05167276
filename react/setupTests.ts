// styleguide's Table sizes its rows with react-virtualized's AutoSizer, which measures 0×0 in
// jsdom and then renders no rows: give elements a size.
Object.defineProperties(window.HTMLElement.prototype, {
  offsetHeight: { get: () => 800, configurable: true },
  offsetWidth: { get: () => 1200, configurable: true },
})
