import type { ReactNode } from 'react'

/** A cell of the admin views' tables: top- and left-aligned, a thin rule under each row. */
const cell = {
  verticalAlign: 'top',
  padding: '0.4rem 0.5rem',
  borderBottom: '1px solid var(--theme-elevation-150, #ddd)',
  textAlign: 'left',
} as const

/**
 * A table of the admin views (稼働状況, AI の説明, 読み上げ確認): an optional caption, one row of
 * column headings, then the rows, keyed by `rowKey`. With `rowHeaders` the first cell of each row
 * heads it (a screen reader reads it with every other cell of the row).
 */
export function StaffTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  cells,
  rowHeaders = false,
  testId,
}: {
  caption?: ReactNode
  columns: readonly string[]
  rows: readonly R[]
  rowKey: (row: R) => string
  /** The row's cells, one per column. */
  cells: (row: R) => ReactNode[]
  rowHeaders?: boolean
  testId?: string
}) {
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid={testId}>
      {caption && (
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '0.25rem 0' }}>{caption}</caption>
      )}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" style={cell}>
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
                <th key={columns[i]} scope="row" style={cell}>
                  {value}
                </th>
              ) : (
                <td key={columns[i]} style={cell}>
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
