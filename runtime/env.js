// The environment IO gives a worker, for a local run (see shared notes, recipe A).
const manifest = require('../manifest.json')

function workerEnv({ emulatorUrl, port }) {
  const appId = `${manifest.vendor}.${manifest.name}@${manifest.version}`

  return {
    VTEX_APP_ID: appId,
    VTEX_APP_NAME: manifest.name,
    VTEX_APP_VENDOR: manifest.vendor,
    VTEX_APP_VERSION: manifest.version,
    VTEX_REGION: 'local',
    VTEX_IO: 'true',
    VTEX_ACCOUNT: 'marketplacea',
    VTEX_WORKSPACE: 'master',
    HTTP_PROXY: emulatorUrl,
    HTTPS_PROXY: emulatorUrl,
    http_proxy: emulatorUrl,
    https_proxy: emulatorUrl,
    NO_PROXY: 'localhost,127.0.0.1',
    no_proxy: 'localhost,127.0.0.1',
    PORT: String(port),
  }
}

module.exports = { workerEnv }
