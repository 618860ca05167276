import { Coalescer } from '../coalesce'

describe('given a coalescer whose task starts another one', () => {
  describe('when a caller waits for it to be idle', () => {
    it('should resolve only after the task and the one it started have ended', async () => {
      const coalescer = new Coalescer<string>(1)
      const ended: string[] = []
      let later: Promise<string> | undefined

      coalescer.run('a/1', async () => {
        // Like a withdrawal evaluating its product's siblings in the background.
        later = coalescer.run('a/2', async () => {
          await new Promise((resolve) => setTimeout(resolve, 20))
          ended.push('a/2')

          return 'sibling'
        })
        ended.push('a/1')

        return 'first'
      })

      await coalescer.idle()

      expect(ended).toEqual(['a/1', 'a/2'])
      await expect(later).resolves.toBe('sibling')
    })

    it("should not wait for another tenant's tasks", async () => {
      const coalescer = new Coalescer<string>(1)
      let release: () => void = () => undefined
      const other = coalescer.run(
        'b/1',
        () =>
          new Promise<string>((resolve) => {
            release = () => resolve('b')
          })
      )

      let ownDone = false

      coalescer.run('a/1', async () => {
        ownDone = true

        return 'a'
      })

      await coalescer.idle((key) => key.startsWith('a/'))

      expect(ownDone).toBe(true)
      release()
      await expect(other).resolves.toBe('b')
    })
  })
})
