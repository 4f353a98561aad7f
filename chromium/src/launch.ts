/** Starts Debian's Chromium through playwright-core with Kotae's options (./options.ts). */
import { type Browser, chromium } from 'playwright-core'

import { chromiumLaunchOptions } from './options'

export function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(env))
}
