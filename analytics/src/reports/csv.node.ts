/**
 * renderCsv: the CSV text as bytes. 'utf-8-bom' (default) is UTF-8 with a BOM, which Excel needs to
 * open UTF-8 without garbling; 'shift_jis' is Windows-31J (cp932), for older Excel and city systems.
 * Characters Shift_JIS lacks (rare in category names) become '?'.
 */
import { encodeText } from '@kotae/content/csv/encoding'

import type { Report } from '../kpi/report'
import { renderCsvText } from './csv'
import type { RenderOptions } from './sections'

export type CsvEncoding = 'utf-8-bom' | 'shift_jis'

export function renderCsv(report: Report, options: RenderOptions & { encoding?: CsvEncoding } = {}): Buffer {
  return encodeText(renderCsvText(report, options), options.encoding === 'shift_jis' ? 'shift_jis' : 'utf8')
}
