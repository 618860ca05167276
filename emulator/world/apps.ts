import fs from 'node:fs'
import path from 'node:path'

import { post } from '../server/delivery'
import type { Emu } from './emu'
import type { Reply } from '../server/http'
import { badRequest, json } from '../server/http'

/**
 * The app's install and uninstall, as IO plays them. IO's `apps` sender sends the `setup`
 * event to every app subscribed to it when an app is installed or updated in a workspace, with
 * the installed app in `to` (vtex-apps/availability-notify subscribes in its service.json and
 * reads `To.Id`, `To.Registry`); the other documented key is `linked` (vtex-apps/cybersource).
 * No uninstall event is documented or used by VTEX's own apps: uninstalling removes the app's
 * routes, so IO's router answers 404 for them (the scheduler's calls included).
 *
 * Emulator-only control API: `POST /_emulator/apps/install {workspace?, version?}` delivers
 * `setup` to the worker, `POST /_emulator/apps/uninstall {workspace?}` removes the app.
 */

interface AppManifest {
  vendor: string
  name: string
  version: string
}

const root = path.resolve(__dirname, '../..')
const readJson = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T

export const appManifest = () => readJson<AppManifest>('manifest.json')
export const appName = (m = appManifest()) => `${m.vendor}.${m.name}`

/** The service.json handlers subscribed to `apps` with this key. */
function handlersFor(key: string): string[] {
  const service = readJson<{
    events?: Record<string, { sender?: string; keys?: string[] }>
  }>('node/service.json')

  return Object.entries(service.events ?? {})
    .filter(([, e]) => e.sender === 'apps' && (e.keys ?? []).includes(key))
    .map(([id]) => id)
}

// Workspaces the app is uninstalled from; installed everywhere else, as on the demo account.
const uninstalled = new WeakMap<Emu, Set<string>>()
const removedFrom = (emu: Emu) => {
  let set = uninstalled.get(emu)

  if (!set) {
    set = new Set()
    uninstalled.set(emu, set)
  }

  return set
}

export const isInstalled = (emu: Emu, app: string, workspace: string) =>
  app !== appName() || !removedFrom(emu).has(workspace)

async function install(emu: Emu, workspace: string, version: string) {
  removedFrom(emu).delete(workspace)
  const { serviceUrl, account, credential } = emu.effects.config
  const id = `${appName()}@${version}`
  const deliveries = []

  for (const handler of handlersFor('setup')) {
    const status = await post(
      `${serviceUrl.replace(/\/$/, '')}/${account}/${workspace}/_events`,
      // The registry's value is not documented; the app reads only `to.id`.
      { to: { id, registry: 'smartcheckout' } },
      {
        'x-event-handler-id': handler,
        'x-event-key': 'setup',
        'x-event-sender': 'apps',
        'x-vtex-account': account,
        'x-vtex-workspace': workspace,
        'x-vtex-credential': credential,
      }
    ).catch((error: Error) => error.message)

    deliveries.push({ handler, status })
  }

  return { app: id, workspace, event: 'setup', deliveries }
}

export async function appLifecycle(
  emu: Emu,
  action: string,
  body: Record<string, unknown>
): Promise<Reply> {
  const workspace =
    typeof body.workspace === 'string' && body.workspace
      ? body.workspace
      : 'master'

  if (action === 'install') {
    const version =
      typeof body.version === 'string' && body.version
        ? body.version
        : appManifest().version

    return json(200, await install(emu, workspace, version))
  }

  if (action === 'uninstall') {
    removedFrom(emu).add(workspace)

    // No event: the platform sends none (see above).
    return json(200, { app: appName(), workspace, event: null })
  }

  return badRequest('action must be install or uninstall')
}
