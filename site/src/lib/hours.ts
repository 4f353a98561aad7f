/** The counters' opening hours: one module for the site, the reports and the CMS (@kotae/content, decision 0036). */
export * from '@kotae/content/hours'
