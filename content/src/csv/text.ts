/**
 * The one CSV writer (FAQ export, reports): rows → text through csv-stringify, CRLF line ends
 * (RFC 4180, what Excel writes), every cell through the formula guard. A cell is quoted when it
 * holds a comma, a quote or a line break, or starts or ends with white space (kept as written).
 * Browser-safe: no Buffer, no iconv (bytes are encoding.ts's).
 */
import { stringify } from 'csv-stringify/sync'

import { guardFormula } from './formulaGuard'

export function csvText(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(guardFormula)),
    { record_delimiter: '\r\n', quoted_match: /^\s|\s$/ },
  )
}
