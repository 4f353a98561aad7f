import type { ReactNode } from 'react'

const cell = { padding: '0.25rem 0.5rem' } as const
const right = { ...cell, textAlign: 'right' } as const

/** A column of figures: its header and each row's value (right-aligned). */
export type FigureColumn<R> = { key: string; header: ReactNode; value: (row: R) => ReactNode }

/**
 * The admin's table of figures (the dashboard's tables beside its charts): one row header per row
 * (`<th scope="row">`), then right-aligned figures, so a screen reader names each figure by its row
 * and column.
 */
export function FigureTable<R>({
  rowHeader,
  rows,
  rowKey,
  rowLabel,
  columns,
  caption,
  testId,
}: {
  /** The header of the first column (what the rows are). */
  rowHeader: ReactNode
  rows: readonly R[]
  rowKey: (row: R) => string
  rowLabel: (row: R) => ReactNode
  columns: readonly FigureColumn<R>[]
  caption?: ReactNode
  testId?: string
}) {
  return (
    <table style={{ width: '100%' }} data-testid={testId}>
      {caption && <caption style={{ textAlign: 'left' }}>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key} style={right}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row" style={cell}>
              {rowLabel(row)}
            </th>
            {columns.map((c) => (
              <td key={c.key} style={right}>
                {c.value(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
