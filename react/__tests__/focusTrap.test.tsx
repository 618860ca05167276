import React, { useState } from 'react'
import { render, act } from '@vtex/test-tools/react'
import { fireEvent } from '@testing-library/react'

import { ConfirmModal } from '../admin/shared/components/ConfirmModal'

// A page with a button that opens the admin's confirmation dialog, and one control behind it.
function Page() {
  const [open, setOpen] = useState(false)

  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Behind the dialog</button>
      <ConfirmModal
        title="Withdraw 3 products?"
        confirmLabel="Withdraw"
        onConfirm={() => setOpen(false)}
        onClose={() => setOpen(false)}
        busy={false}
        testId="confirm"
        isOpen={open}
      >
        <input aria-label="Note" />
      </ConfirmModal>
    </div>
  )
}

const tick = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

async function opened() {
  const page = render(<Page />)
  const opener = page.getByText('Open')

  opener.focus()
  fireEvent.click(opener)
  await tick()
  const dialog = page.getByRole('dialog')

  return { page, opener, dialog }
}

describe('given the confirmation dialog opened from a button', () => {
  it('should be a modal dialog named by its title, with focus inside it', async () => {
    const { dialog } = await opened()

    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleName('Withdraw 3 products?')
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
  })

  it('should keep Tab and Shift+Tab inside the dialog', async () => {
    const { page, dialog } = await opened()
    const inside = Array.from(
      dialog.querySelectorAll<HTMLElement>('button, input')
    )

    const first = inside[0]
    const last = inside[inside.length - 1]

    last.focus()
    fireEvent.keyDown(last, { key: 'Tab' })
    expect(document.activeElement).toBe(first)

    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(last)

    // Focus that got behind the overlay (a click) comes back in with the next Tab.
    page.getByText('Behind the dialog').focus()
    fireEvent.keyDown(document.activeElement as Element, { key: 'Tab' })
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
  })

  it('should give focus back to the button that opened it when it closes', async () => {
    const { page, opener } = await opened()

    fireEvent.click(page.getByText('Cancel'))
    await tick()

    expect(document.activeElement).toBe(opener)
  })
})
