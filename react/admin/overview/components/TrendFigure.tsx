import React, { useEffect, useRef, useState } from 'react'

/** The chart's width: its box's, measured on mount and on resize (jsdom has none: a default). */
export function useWidth(fallback = 480) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(fallback)

  useEffect(() => {
    const measure = () => {
      const measured = ref.current?.offsetWidth ?? 0

      setWidth(measured > 0 ? measured : fallback)
    }

    measure()
    window.addEventListener('resize', measure)

    return () => window.removeEventListener('resize', measure)
  }, [fallback])

  return { ref, width }
}

/**
 * One chart with its text equivalent: the drawing is hidden from screen readers, which read the
 * table (visually hidden) and the summary instead; the title names both.
 */
export function TrendFigure({
  testId,
  title,
  summary,
  empty,
  columns,
  rows,
  chart,
}: {
  testId: string
  title: string
  summary?: string
  /** Said instead of the chart and the table when there is nothing to draw. */
  empty: string | null
  columns: string[]
  rows: Array<{ key: string; cells: string[] }>
  chart: (width: number) => React.ReactNode
}) {
  const { ref, width } = useWidth()

  return (
    <figure className="ma0 mb5" data-testid={testId}>
      <figcaption className="t-heading-6 mb2">{title}</figcaption>
      {summary && <p className="t-small c-on-base mt0 mb2">{summary}</p>}
      {empty ? (
        <p className="t-small c-muted-1 mt0">{empty}</p>
      ) : (
        <>
          <div ref={ref} aria-hidden="true" className="w-100">
            {chart(width)}
          </div>
          <table className="clip" data-testid={`${testId}-table`}>
            <caption>{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    )
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  )
}
