// Everything here runs in Node and in the browser. Node-only parts (streaming CSV, encodings, XLSX)
// are the subpaths '@kotae/analytics/telephony.node' and '@kotae/analytics/reports.node'.
export * from './pii'
export * from './time'
export * from './records'
export * from './kpi'
export * from './telephony'
export * from './reports'
export * from './gap'
export * from './transcripts'
