/**
 * Prints a page (the reports, the purge certificate) to PDF with Debian's Chromium through
 * playwright-core (never a downloaded browser): A4, page numbers in the footer. Offline: the page is
 * set as content and every request it might make is refused.
 */
import fs from 'node:fs'

import { chromium } from 'playwright-core'

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'

export async function printPdf(html: string): Promise<Buffer> {
  if (!fs.existsSync(CHROME_PATH))
    throw new Error(`Chromium not found at ${CHROME_PATH}: apt-get install -y chromium fonts-noto-cjk`)
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
  try {
    const page = await browser.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-family:'Noto Sans CJK JP',sans-serif;font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    })
  } finally {
    await browser.close()
  }
}
