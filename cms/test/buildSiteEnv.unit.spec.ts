import { describe, expect, it } from 'vitest'

import { withoutConditions } from '../src/publish/buildSite'

describe('the NODE_OPTIONS a site build inherits', () => {
  it('drops --conditions in each spelling and keeps every other option', () => {
    expect(withoutConditions('--conditions=production --max-old-space-size=4096')).toBe(
      '--max-old-space-size=4096',
    )
    expect(withoutConditions('--import=/guard/preload.mjs --conditions production -C=x')).toBe(
      '--import=/guard/preload.mjs',
    )
    expect(withoutConditions('-C production  --import=/p.mjs')).toBe('--import=/p.mjs')
    expect(withoutConditions(undefined)).toBe('')
  })
})
