import { useEffect, useRef } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Keeps keyboard focus inside an open dialog and gives it back to what opened it. The
 * styleguide's Modal renders in a portal and does not trap focus (it never turns on its modal
 * library's trap), so Tab would walk out to the page behind the overlay. Put the returned ref on
 * an element inside the modal: the trap covers the whole modal box around it (its buttons too),
 * and marks that box as a dialog named by `labelId`.
 */
export function useFocusTrap<T extends HTMLElement = HTMLDivElement>(
  isOpen: boolean,
  labelId?: string
) {
  const ref = useRef<T>(null)

  useEffect(() => {
    if (!isOpen) return undefined
    const opener = document.activeElement as HTMLElement | null
    const box = () =>
      (ref.current?.closest('.vtex-modal__modal') as HTMLElement | null) ??
      ref.current

    const focusables = () =>
      Array.from(box()?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])

    const onKeyDown = (event: KeyboardEvent) => {
      const within = box()

      if (event.key !== 'Tab' || !within) return
      const list = focusables()

      if (list.length === 0) return
      const first = list[0]
      const last = list[list.length - 1]
      const active = document.activeElement
      const inside = active instanceof Node && within.contains(active)

      if (event.shiftKey && (active === first || !inside)) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (active === last || !inside)) {
        event.preventDefault()
        first.focus()
      }
    }

    let marked: HTMLElement | null = null
    // The portal's content is there after the modal's own mount: mark and focus it then.
    const start = setTimeout(() => {
      const within = box()

      if (!within) return
      marked = within
      within.setAttribute('role', 'dialog')
      within.setAttribute('aria-modal', 'true')
      if (labelId) within.setAttribute('aria-labelledby', labelId)
      const active = document.activeElement

      if (!(active instanceof Node && within.contains(active)))
        focusables()[0]?.focus()
    })

    document.addEventListener('keydown', onKeyDown, true)

    return () => {
      clearTimeout(start)
      document.removeEventListener('keydown', onKeyDown, true)
      // Back to the opener, unless the page already moved focus somewhere on purpose (focus
      // still in the closing modal, on the page's body or on a removed node was not moved).
      const now = document.activeElement
      const leftBehind =
        !now ||
        now === document.body ||
        !document.body.contains(now) ||
        (marked?.contains(now) ?? false)

      if (opener && document.body.contains(opener) && leftBehind) opener.focus()
    }
  }, [isOpen, labelId])

  return ref
}
