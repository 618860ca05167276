import { useEffect } from 'react'
import type { RefObject } from 'react'

/**
 * Names the controls a styleguide component renders without one and gives no prop for (the
 * Pagination's icon-only buttons), so a screen reader can say what they are.
 * Runs after every render: the component may render those elements again.
 */
export function useAccessibleNames(
  ref: RefObject<HTMLElement>,
  names: Array<[selector: string, name: string]>
) {
  useEffect(() => {
    for (const [selector, name] of names) {
      ref.current
        ?.querySelectorAll(selector)
        .forEach((el) => el.setAttribute('aria-label', name))
    }
  })
}
