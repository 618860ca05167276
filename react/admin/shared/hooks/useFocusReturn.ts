import { useRef } from 'react'
import type { RefObject } from 'react'

/** Gives focus back to where it was before a dialog opened, or to `fallback` if that is gone. */
export function useFocusReturn(fallback: RefObject<HTMLElement>) {
  const before = useRef<HTMLElement | null>(null)

  return {
    remember: () => {
      before.current = document.activeElement as HTMLElement | null
    },
    restore: () => {
      const target = before.current

      before.current = null
      // After the dialog's own close has run, so its focus handling cannot take it back.
      setTimeout(() => {
        if (
          target &&
          document.body.contains(target) &&
          !target.hasAttribute('disabled')
        )
          target.focus()
        else fallback.current?.focus()
      })
    },
  }
}
