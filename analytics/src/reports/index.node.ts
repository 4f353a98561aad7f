// Everything in index.ts plus the renderers that produce bytes (iconv-lite, exceljs).
export * from './index'
export { renderCsv, type CsvEncoding } from './csv.node.ts'
export { renderXlsx } from './xlsx.node.ts'
