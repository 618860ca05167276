import React from 'react'
import { Button } from 'vtex.styleguide'

interface Props {
  /** The page shown, from 1. */
  page: number
  /** Whether a page follows this one. */
  hasNext: boolean
  onPage: (page: number) => void
  previousLabel: string
  nextLabel: string
}

/** Previous and Next under a short table paged by number (run history, a run's findings). */
export function PageButtons({
  page,
  hasNext,
  onPage,
  previousLabel,
  nextLabel,
}: Props) {
  return (
    <div className="flex justify-end mt3">
      <div className="mr3">
        <Button
          size="small"
          variation="tertiary"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {previousLabel}
        </Button>
      </div>
      <Button
        size="small"
        variation="tertiary"
        disabled={!hasNext}
        onClick={() => onPage(page + 1)}
      >
        {nextLabel}
      </Button>
    </div>
  )
}
