import React from 'react'
import { render } from '@vtex/test-tools/react'

import { AdminPage } from '../admin/shared/components/AdminPage'

// Inside VTEX Admin the app's pages are in Admin's own menu (admin/navigation.json): a page that
// also drew its sections as tabs would repeat that menu on every page.
describe('given a page of the app', () => {
  it('should show its title and content, and no navigation of its own', () => {
    const page = render(
      <AdminPage subtitle="Exposures">
        <p>content</p>
      </AdminPage>
    )

    expect(page.getByText('Marketplace Stock Gate')).toBeInTheDocument()
    expect(page.getByText('content')).toBeInTheDocument()
    for (const section of ['Overview', 'Settings', 'Reconciliation'])
      expect(page.queryByText(section)).toBeNull()
    expect(page.queryAllByRole('button')).toHaveLength(0)
  })
})
