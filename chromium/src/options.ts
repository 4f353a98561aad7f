/**
 * Where Debian's Chromium is and the flags every Kotae launch uses. No browser library is imported
 * here, so a caller can check for Chromium (the purge does, before it deletes anything) without
 * loading playwright-core; `@kotae/chromium/launch` starts it.
 */
import fs from 'node:fs'

/** `CHROME_PATH`, else Debian's package (apt-get install chromium); never a downloaded browser. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROME_PATH || '/usr/bin/chromium'
}

export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium fonts-noto-cjk'

/** Headless, and nothing fetched from outside: no background networking, component updates or sync. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

/** The path if the executable is there, else null (a bench may skip its browser part). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = chromiumPath(env)
  return fs.existsSync(file) ? file : null
}

/** The launch options for playwright-core or puppeteer-core; throws, naming the path and the fix, when Chromium is missing. */
export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): {
  executablePath: string
  args: string[]
} {
  const executablePath = findChromium(env)
  if (!executablePath) throw new Error(`Chromium not found at ${chromiumPath(env)}: ${CHROMIUM_INSTALL_HINT}`)
  return { executablePath, args: [...CHROMIUM_ARGS] }
}

/** A phone-sized page (an iPhone-class screen, touch, Japanese locale and time): the e2e tests' and the site benches'. */
export const PHONE_CONTEXT = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
}
