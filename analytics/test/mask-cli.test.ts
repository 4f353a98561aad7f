import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const here = path.dirname(fileURLToPath(import.meta.url))

describe('npm run mask (the CLI)', () => {
  it('masks as the CMS does: published numbers and the city hall’s address stay, a caller’s go', {
    timeout: 60_000,
  }, () => {
    const input = [
      '市役所は東広島市西条栄町8番29号、電話082-420-0925、総合フリーダイヤル0120-95-0178',
      '本人の携帯090-3318-2290、暗証番号は4821',
    ].join('\n')
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, '../src/cli/mask.ts')], {
      input,
      encoding: 'utf8',
      cwd: path.join(here, '..'),
    })
    expect(out.split('\n')).toEqual([
      '市役所は東広島市西条栄町8番29号、電話082-420-0925、総合フリーダイヤル0120-95-0178',
      '本人の携帯［電話番号］、暗証番号は［暗証番号］',
      '',
    ])
  })
})
