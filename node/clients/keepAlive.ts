import type { Agent } from 'http'

import { HttpAgentSingleton } from '@vtex/api/lib/HttpClient/middlewares/request/HttpAgentSingleton'

/**
 * @vtex/api's axios turns TCP keep-alive on at 60 s for every request, and its shared agent
 * turns it back to 1 s each time the socket goes back to the pool: two `setsockopt` calls per
 * request that change nothing (5 % of the worker's CPU in an event burst, measured with
 * `--cpu-prof`). With the agent on the same 60 s, Node sees no change and makes no call.
 */
export function alignKeepAlive() {
  // Node's Agent reads this field in keepSocketAlive; agentkeepalive's typings leave it out.
  const agent = HttpAgentSingleton.getHttpAgent() as unknown as Agent & {
    keepAliveMsecs: number
  }

  agent.keepAliveMsecs = 60_000
}
