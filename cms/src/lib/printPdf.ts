/**
 * Prints a page (the reports, the purge certificate) to PDF with Debian's Chromium through
 * playwright-core (never a downloaded browser): A4, page numbers in the footer. Offline: the page is
 * set as content and every request it might make is refused.
 */
import { launchChromium } from '@kotae/chromium/launch'

export async function printPdf(html: string): Promise<Buffer> {
  const browser = await launchChromium()
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
