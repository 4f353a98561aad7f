/**
 * npm run rankings:record — rewrites search-indexer/test/rankings.json with the engine's current
 * answers to the dev questions (rankings.ts). Rerun it only after a change that is meant to change
 * rankings (content, questions, analyzer, weights), and say so in the commit.
 */
import fs from 'node:fs'

import { RANKINGS_FILE, currentRankings, formatRankings } from './rankings'

const r = await currentRankings()
fs.writeFileSync(RANKINGS_FILE, formatRankings(r))
console.log(`${RANKINGS_FILE}: ${r.desk.length} desk and ${r.site.length} site answers`)
