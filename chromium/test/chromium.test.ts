import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { launchChromium } from '../src/launch'
import { CHROMIUM_ARGS, chromiumLaunchOptions, chromiumPath, findChromium } from '../src/options'

describe('chromium options', () => {
  it('uses CHROME_PATH, else Debian’s /usr/bin/chromium', () => {
    expect(chromiumPath({ CHROME_PATH: '/opt/chrome' })).toBe('/opt/chrome')
    expect(chromiumPath({})).toBe('/usr/bin/chromium')
  })

  it('names the missing path and how to install Chromium', () => {
    const missing = path.join(os.tmpdir(), 'kotae-no-chromium-here')
    expect(findChromium({ CHROME_PATH: missing })).toBeNull()
    expect(() => chromiumLaunchOptions({ CHROME_PATH: missing })).toThrow(
      `Chromium not found at ${missing}: apt-get install -y chromium fonts-noto-cjk`,
    )
  })

  it('starts headless with nothing fetched from outside', () => {
    const file = fs.realpathSync(process.execPath) // any file that exists stands in for the browser
    const options = chromiumLaunchOptions({ CHROME_PATH: file })
    expect(options.executablePath).toBe(file)
    expect(options.args).toEqual([...CHROMIUM_ARGS])
    expect(options.args).toEqual(
      expect.arrayContaining(['--headless', '--disable-background-networking', '--disable-component-update']),
    )
  })
})

describe('launchChromium', () => {
  it('opens a page in the real browser', async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      await page.setContent('<p lang="ja">答え</p>')
      expect(await page.textContent('p')).toBe('答え')
    } finally {
      await browser.close()
    }
  }, 60_000)
})
