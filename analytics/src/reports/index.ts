// Pure: the report's sections, headings, CSV text and the PDF's HTML page. Bytes (CSV encodings, XLSX) are in index.node.ts.
export {
  buildSections,
  reportHeading,
  cellKind,
  formatCell,
  SECTION_TITLES,
  UNCATEGORIZED_LABEL,
  type Section,
  type Table,
  type Column,
  type ColumnKind,
  type Cell,
  type ReportLabels,
  type RenderOptions,
  type ReportHeading,
} from './sections'
export { renderCsvText } from './csv'
export { reportCharts, reportHtml, type ReportPageOptions, type TrendPoint } from './page'
export { esc } from './svg'
export { periodLabel, type PeriodLabelStyle } from './period-label'
