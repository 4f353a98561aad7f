/**
 * The city's settings for one recording system (`--mapping m.json`), all optional:
 *  - speakers: label → role, added to the labels every system uses (オペレーター, お客様, operator, caller…);
 *    diarized labels (SPEAKER_00) need it, else their turns are 'unknown';
 *  - fileName: a regular expression on the file name with named groups callId, agent and startedAt
 *    (VTT, SRT and JSON files without ids of their own); default: the name without extension is the call id;
 *  - csv: the header of each CSV column;
 *  - agents: PBX agent id → Kotae operator e-mail (as the telephony mapping);
 *  - audioUri: a template (`{callId}`, `{file}`) for where the recording is kept: only then is a path stored.
 */
import { z } from 'zod'

import type { Speaker } from './types'

const role = z.enum(['operator', 'caller'])

export const transcriptMappingSchema = z
  .object({
    speakers: z.record(z.string().min(1).max(60), role).default({}),
    fileName: z
      .string()
      .max(300)
      .refine((s) => {
        try {
          new RegExp(s, 'u')
          return true
        } catch {
          return false
        }
      }, 'not a regular expression')
      .optional(),
    csv: z
      .object({
        callId: z.string().min(1).default('call_id'),
        speaker: z.string().min(1).default('speaker'),
        start: z.string().min(1).default('start'),
        end: z.string().min(1).default('end'),
        text: z.string().min(1).default('text'),
        agent: z.string().min(1).default('agent'),
        startedAt: z.string().min(1).default('started_at'),
      })
      .strict()
      .default({
        callId: 'call_id',
        speaker: 'speaker',
        start: 'start',
        end: 'end',
        text: 'text',
        agent: 'agent',
        startedAt: 'started_at',
      }),
    agents: z.record(z.string().min(1), z.string().min(1)).default({}),
    toleranceSeconds: z.number().min(0).max(3600).default(120),
    audioUri: z.string().min(1).max(500).optional(),
  })
  .strict()

export type TranscriptMapping = z.infer<typeof transcriptMappingSchema>

export const DEFAULT_TRANSCRIPT_MAPPING: TranscriptMapping = transcriptMappingSchema.parse({})

/** The labels recording systems use for the two sides (compared case- and width-insensitively). */
const KNOWN: Record<string, 'operator' | 'caller'> = Object.fromEntries([
  ...[
    'オペレーター',
    'オペレータ',
    'op',
    'operator',
    'agent',
    '担当',
    '担当者',
    '係員',
    '受付',
    'スタッフ',
    '応対者',
  ].map((l) => [l, 'operator' as const]),
  ...['お客様', 'お客さま', '客', 'caller', 'customer', '相談者', '市民', '発信者', '利用者', '通話者'].map(
    (l) => [l, 'caller' as const],
  ),
])

const norm = (label: string) => label.normalize('NFKC').trim().toLowerCase()

/** The role of a speaker label, or null when the label is none the system or the mapping knows. */
export function speakerRole(label: string, mapping: TranscriptMapping): Speaker | null {
  const n = norm(label)
  for (const [l, r] of Object.entries(mapping.speakers)) if (norm(l) === n) return r
  return KNOWN[n] ?? null
}

/** Labels that name a speaker without saying which side (diarization's SPEAKER_00, 話者1): turns of an unknown role. */
export const isAnonymousSpeakerLabel = (label: string) =>
  /^(speaker[ _-]?\d{1,2}|spk[ _-]?\d{1,2}|話者\s*\d{1,2}|[A-D])$/i.test(label.normalize('NFKC').trim())
