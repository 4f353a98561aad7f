import type { ReactNode } from 'react'

import { StaffTable } from './StaffTable'

/** A column of figures: its header and each row's value (right-aligned). */
export type FigureColumn<R> = { header: ReactNode; value: (row: R) => ReactNode }

/**
 * The admin's table of figures (the dashboard's tables beside its charts): a {@link StaffTable}
 * whose rows are headed by their label and whose figures are right-aligned, so a screen reader
 * names each figure by its row and column.
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
    <StaffTable
      caption={caption}
      testId={testId}
      rows={rows}
      rowKey={rowKey}
      rowHeaders
      columns={[rowHeader, ...columns.map((c) => c.header)]}
      align={['left', ...columns.map(() => 'right' as const)]}
      cells={(row) => [rowLabel(row), ...columns.map((c) => c.value(row))]}
    />
  )
}
