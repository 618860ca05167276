import React from 'react'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'

import { paths } from '../../shared/paths'
import runDetailMessages from '../../runDetail/messages'

/** A run's detail as a real link: keyboard, middle-click and a new tab work; a plain click navigates in place. */
export function RunLink({ id, when }: { id: string; when: string }) {
  const intl = useIntl()
  const { navigate } = useRuntime()

  return (
    <a
      href={paths.run(id)}
      className="c-link"
      aria-label={intl.formatMessage(runDetailMessages.open, { when })}
      data-testid={`run-link-${id}`}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        navigate({ to: paths.run(id) })
      }}
    >
      {when}
    </a>
  )
}
