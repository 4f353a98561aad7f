import fs from 'node:fs'

import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium (apt-get install chromium); never a downloaded browser. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROME_PATH))
    throw new Error(`Chromium not found at ${CHROME_PATH}: apt-get install -y chromium fonts-noto-cjk`)
  return chromium.launch({
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
}
