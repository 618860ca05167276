import React, { useRef } from 'react'
import {
  ButtonWithIcon,
  Dropdown,
  IconCaretLeft,
  IconCaretRight,
} from 'vtex.styleguide'

import { useAccessibleNames } from '../hooks/useAccessibleNames'

interface Props {
  from: number
  to: number
  total: number
  /** "of", between the range and the total. */
  textOf: string
  rowsLabel: string
  previousLabel: string
  nextLabel: string
  pageSize: number
  pageSizes: number[]
  onPageSize: (size: number) => void
  onPrevious: () => void
  onNext: () => void
}

/**
 * The table's pager. Not the styleguide's Pagination: that one draws its range and its rows
 * label in a grey below 4.5:1 on white (WCAG AA). The styleguide's buttons and select take no
 * name: they get theirs from `useAccessibleNames`.
 */
export function Pager({
  from,
  to,
  total,
  textOf,
  rowsLabel,
  previousLabel,
  nextLabel,
  pageSize,
  pageSizes,
  onPageSize,
  onPrevious,
  onNext,
}: Props) {
  const box = useRef<HTMLDivElement>(null)

  useAccessibleNames(box, [
    ['[data-testid="page-previous"]', previousLabel],
    ['[data-testid="page-next"]', nextLabel],
    ['[data-testid="page-size"]', rowsLabel],
  ])

  return (
    <div className="flex flex-row items-center justify-between pt5" ref={box}>
      <div className="flex flex-row items-center">
        <span className="mr4 c-muted-1 t-small" aria-hidden="true">
          {rowsLabel}
        </span>
        <Dropdown
          size="small"
          options={pageSizes.map((size) => ({
            value: String(size),
            label: String(size),
          }))}
          value={String(pageSize)}
          onChange={(_: unknown, value: string) => onPageSize(Number(value))}
          selectTestId="page-size"
        />
      </div>
      <div className="flex flex-row items-center">
        <span className="c-muted-1 t-small" data-testid="page-range">
          {`${from} - ${to} ${textOf} ${total}`}
        </span>
        <span className="ml4">
          <ButtonWithIcon
            icon={<IconCaretLeft />}
            variation="secondary"
            size="small"
            disabled={from <= 1}
            onClick={onPrevious}
            testId="page-previous"
          />
        </span>
        <span className="ml2">
          <ButtonWithIcon
            icon={<IconCaretRight />}
            variation="secondary"
            size="small"
            disabled={to >= total}
            onClick={onNext}
            testId="page-next"
          />
        </span>
      </div>
    </div>
  )
}
