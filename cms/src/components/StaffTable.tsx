import type { ReactNode } from 'react'

/** A cell of the admin views' tables: top-aligned, a thin rule under each row. */
const cell = {
  verticalAlign: 'top',
  padding: '0.4rem 0.5rem',
  borderBottom: '1px solid var(--theme-elevation-150, #ddd)',
} as const
const aligned = { left: { ...cell, textAlign: 'left' }, right: { ...cell, textAlign: 'right' } } as const

/**
 * A table of the admin views (稼働状況, AI の説明, 読み上げ確認, the dashboard's figures): an
 * optional caption, one row of column headings, then the rows, keyed by `rowKey`. With
 * `rowHeaders` the first cell of each row heads it (a screen reader reads it with every other cell
 * of the row). `align` gives a column's alignment (default left; figures right).
 */
export function StaffTable<R>({
  caption,
  columns,
  align = [],
  rows,
  rowKey,
  cells,
  rowHeaders = false,
  testId,
}: {
  caption?: ReactNode
  columns: readonly ReactNode[]
  align?: readonly ('left' | 'right')[]
  rows: readonly R[]
  rowKey: (row: R) => string
  /** The row's cells, one per column. */
  cells: (row: R) => ReactNode[]
  rowHeaders?: boolean
  testId?: string
}) {
  const style = (i: number) => aligned[align[i] ?? 'left']
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid={testId}>
      {caption && (
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '0.25rem 0' }}>{caption}</caption>
      )}
      <thead>
        <tr>
          {columns.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table's life; a heading may be an element
            <th key={i} scope="col" style={style(i)}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {cells(row).map((value, i) =>
              i === 0 && rowHeaders ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per fixed column
                <th key={i} scope="row" style={style(i)}>
                  {value}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per fixed column
                <td key={i} style={style(i)}>
                  {value}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
