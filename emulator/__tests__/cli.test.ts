import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { DEMO_APP_KEY } from '../auth/credentials'

const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

/** Starts `tsx emulator/main.ts` and resolves with the address it prints. */
function launch(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['emulator/main.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })

    let out = ''

    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)

      if (match) resolve({ child, url: match[1] })
    })
    child.on('exit', (code) =>
      reject(new Error(`emulator exited with ${code}: ${out}`))
    )
  })
}

function request(
  url: string,
  method: string,
  body?: unknown
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        headers: {
          'X-VTEX-API-AppKey': DEMO_APP_KEY.appKey,
          'X-VTEX-API-AppToken': DEMO_APP_KEY.appToken,
          'content-type': 'application/json',
        },
      },
      (res) => {
        let text = ''

        res.on('data', (c: Buffer) => {
          text += c.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      }
    )

    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })

describe('given the CLI with --port 0 --data <file>', () => {
  const file = path.join(os.tmpdir(), `emulator-cli-${process.pid}.json`)

  afterAll(() => fs.rmSync(file, { force: true }))

  describe('when state changes and the process is stopped with SIGTERM', () => {
    it('should save on the way out and load the file on the next start', async () => {
      const first = await launch([
        '--port',
        '0',
        '--data',
        file,
        '--seed',
        'demo',
      ])

      const inventory = `${first.url}/api/logistics/pvt/inventory/skus/1/warehouses/wh-b?an=marketplacea`

      expect(
        (
          await request(inventory, 'PUT', {
            quantity: 4,
            unlimitedQuantity: false,
            leadTime: '00:00:00',
          })
        ).status
      ).toBe(200)
      expect(await stop(first.child)).toBe(0)
      expect(fs.existsSync(file)).toBe(true)
      const second = await launch(['--port', '0', '--data', file])

      try {
        const read = await request(
          `${second.url}/api/logistics/pvt/inventory/skus/1?an=marketplacea`,
          'GET'
        )

        expect(JSON.parse(read.text)).toMatchObject({
          skuId: '1',
          balance: [{ warehouseId: 'wh-b', totalQuantity: 4 }],
        })
      } finally {
        await stop(second.child)
      }
    })
  })
})
