import { describe, expect, it } from 'vitest'

import * as api from '@kotae/analytics'
import * as reportsNode from '@kotae/analytics/reports.node'
import * as telephonyNode from '@kotae/analytics/telephony.node'

// The CMS and the command-line tools import only through the package's entry points.
describe('package entry points', () => {
  it('exports time, KPIs, telephony, reports and pii from the root', () => {
    for (const name of [
      'maskPii',
      'hashCaller',
      'jstHalfHourSlot',
      'formatWarekiDate',
      'computeReport',
      'createReportAccumulator',
      'linkCallsToTelephony',
      'REPORT_KPI_KEYS',
      'parseTelephonyMapping',
      'buildSections',
      'periodLabel',
    ])
      expect(typeof (api as Record<string, unknown>)[name], name).not.toBe('undefined')
  })
  it('exports the Node-only renderers and parser from their subpaths', () => {
    expect(typeof reportsNode.renderXlsx).toBe('function')
    expect(typeof reportsNode.renderCsv).toBe('function')
    expect(typeof telephonyNode.importTelephonyCsv).toBe('function')
    expect(typeof telephonyNode.parseTelephonyCsv).toBe('function')
  })
  it('keeps the Node-only code out of the root entry', () => {
    expect((api as Record<string, unknown>).renderXlsx).toBeUndefined()
    expect((api as Record<string, unknown>).importTelephonyCsv).toBeUndefined()
  })
})
