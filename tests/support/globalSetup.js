// Compiles node/ into .run/ once for the whole jest run: test files that start real workers in
// parallel must not rebuild (and delete) it under each other.
module.exports = async () => {
  require('../../runtime/build.js').build({ quiet: true })
  process.env.MSG_RUN_BUILT = '1'
}
