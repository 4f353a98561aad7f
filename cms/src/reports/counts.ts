/**
 * The report's counting done by the database (decision 0011): per JST
 * half-hour, the telephony figures and the call logs' sums per category come back as a few rows
 * (`TelephonySlotAggregate`, `CallSlotAggregate` of @kotae/analytics); what cannot be summed — the
 * 一次完了 repeat check and FAQ usage, which need each call's caller, time and FAQ list — is
 * counted in JavaScript: on SQLite from one concatenated string per group or range (`group_concat`),
 * on PostgreSQL from a COPY stream of the calls, read as it arrives (decision 0020). Why not rows:
 * handing a million rows to JavaScript through a driver was most of the old report's time (about
 * 4 µs a row); a string or a COPY message is read in place in a fraction of that.
 *
 * Definitions are the KPI files' (see aggregate.ts in analytics): instants are whole epoch
 * milliseconds (PostgreSQL compares its timestamps directly), thresholds are the accumulator's
 * options passed as parameters, a wait is valid only when it is ≥ 0. Groups are JST half-hours
 * (the same boundaries as UTC ones, Japan being UTC+9), so each lies in one slot and one JST day.
 */
import {
  DAY_MS,
  HALF_HOUR_MS,
  type CallSlotAggregate,
  type FaqUsageAggregate,
  type InstantRange,
  type RepeatCheckCall,
  type ResolvedReportOptions,
  type TelephonySlotAggregate,
} from '@kotae/analytics'
import { OUTBOUND_CHANNELS } from '@kotae/content/contracts/calls'

import { CopyRows, FieldReader, type Fields } from './fieldReader'
import { literal, type RowReader } from './rows'

const iso = (ms: number) => new Date(ms).toISOString()
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))

/** SQL that differs between the two databases in the reads both share (scanOf). */
function dialectOf(db: RowReader) {
  const pg = db.dialect === 'postgres'
  return {
    /** SQLite without statistics would pick another index for some of these scans. */
    indexed: (name: string) => (pg ? '' : ` INDEXED BY ${name}`),
    /** SQLite: read the table by rowid range, not through a time index. */
    byRowid: pg ? '' : ' NOT INDEXED',
  }
}

/** SQLite expressions of the SQLite-only reads (PostgreSQL's are written in its own branches). */
const sqlite = {
  /**
   * A timestamp column as whole epoch milliseconds, rounded from julianday (exact to far below a
   * millisecond for these dates).
   */
  ms: (c: string) => `CAST(round((julianday(${c}) - 2440587.5) * 86400000) AS INTEGER)`,
  /** The bucket number of an epoch-ms value (buckets of `ms`, a divisor of 30 minutes). */
  bucket: (x: string, ms: number) => `${x} / ${ms}`,
  /** The caller hash's last 16 hex digits: 64 bits of an HMAC, as good as the whole to tell callers apart. */
  tail16: (x: string) => `substr(${x}, -16)`,
  /**
   * A FROM subquery computed once per row: SQLite would otherwise copy its expressions into every
   * place the outer query uses them (LIMIT -1 keeps it a co-routine; the conversions were half the time).
   */
  perRow: (select: string) => `(${select} LIMIT -1)`,
}

/**
 * [from, to) split into windows of `windowMs` (a multiple of 30 minutes) on half-hour boundaries;
 * the query for the next window is sent before the current one is handed over.
 */
export async function* windows<T>(
  from: number,
  to: number,
  windowMs: number,
  ask: (a: number, b: number) => Promise<T>,
): AsyncGenerator<T> {
  const steps = Math.max(1, Math.round(windowMs / HALF_HOUR_MS))
  const next = (a: number) => Math.min(to, (Math.floor(a / HALF_HOUR_MS) + steps) * HALF_HOUR_MS)
  const send = (a: number) => {
    const p = ask(a, next(a))
    p.catch(() => {}) // awaited below; only keeps an abandoned prefetch from being "unhandled"
    return p
  }
  let a = from
  let pending = a < to ? send(a) : null
  while (pending) {
    const result = await pending
    a = next(a)
    pending = a < to ? send(a) : null
    yield result
  }
}

export interface CountOptions {
  range: InstantRange
  options: ResolvedReportOptions
  /** Group by buckets of this many ms (the accumulator's bucketMs: in or out of hours is the same across one). */
  bucketMs: number
  /** Window length in ms, a multiple of 30 minutes; when longer, rows are grouped by half-hour in SQL. */
  windowMs: number
  /**
   * Read by ranges of this many row ids instead (grouped by half-hour), the period's rows found by
   * their time: on SQLite an in-order read of the table, where reading through the time index cost
   * a table lookup per row (three times the time). Ids grow with time; ids out of order only cost
   * reading more.
   */
  idChunk?: number
}

/** The scan of `table` for rows whose `time` is in [from, to): by time windows, or by id ranges. */
function scanOf(
  db: RowReader,
  table: string,
  time: string,
  timeIndex: string,
  from: number,
  to: number,
  { windowMs, idChunk, bucketMs }: Pick<CountOptions, 'windowMs' | 'idChunk' | 'bucketMs'>,
) {
  const d = dialectOf(db)
  if (!idChunk)
    return {
      from: `${table} x${d.indexed(timeIndex)} WHERE x.${time} >= ? AND x.${time} < ?`,
      grouped: windowMs > bucketMs,
      each: <T>(ask: (params: unknown[]) => Promise<T>) =>
        windows(from, to, windowMs, (a, b) => ask([iso(a), iso(b)])),
    }
  return {
    from: `${table} x${d.byRowid} WHERE x.id >= ? AND x.id < ? AND x.${time} >= ? AND x.${time} < ?`,
    grouped: true,
    each: async function* <T>(ask: (params: unknown[]) => Promise<T>): AsyncGenerator<T> {
      const [bounds] = await db.rows(
        `SELECT MIN(x.id), MAX(x.id) FROM ${table} x${d.indexed(timeIndex)} WHERE x.${time} >= ? AND x.${time} < ?`,
        [iso(from), iso(to)],
      )
      if (!bounds || bounds[0] === null || bounds[0] === undefined) return
      const last = num(bounds[1])
      const send = (a: number) => {
        const p = ask([a, Math.min(last + 1, a + idChunk), iso(from), iso(to)])
        p.catch(() => {}) // awaited below; only keeps an abandoned prefetch from being "unhandled"
        return p
      }
      let pending: Promise<T> | null = send(num(bounds[0]))
      for (let a = num(bounds[0]); pending; a += idChunk) {
        const result: T = await pending
        pending = a + idChunk <= last ? send(a + idChunk) : null
        yield result
      }
    },
  }
}

/** Telephony records offered in the range, one aggregate per JST half-hour that has any. */
export async function* telephonySlots(
  db: RowReader,
  { range, options, windowMs, idChunk, bucketMs }: CountOptions,
): AsyncGenerator<TelephonySlotAggregate[]> {
  const params: unknown[] = []
  const bind = (v: unknown) => (params.push(v), '?')
  const queues = options.queues
  // Waits are whole ms: wait ≤ N s ⇔ ms ≤ ⌊1000 N⌋, wait < N s ⇔ ms < ⌈1000 N⌉.
  const thresholds = [
    Math.floor(options.serviceLevelSeconds * 1000),
    Math.ceil(options.shortAbandonSeconds * 1000),
  ]
  const scan = scanOf(
    db,
    'telephony_records',
    'offered_at',
    'telephony_records_offered_at_idx',
    range.start,
    range.end,
    { windowMs, idChunk, bucketMs },
  )
  const bucketed = scan.grouped
  let text: string
  if (db.dialect === 'postgres') {
    // Timestamps compared and subtracted as timestamps (intervals are exact µs); one conversion per group.
    // Functions: each use binds its own parameters, in text order (template parts run left to right).
    const q = () =>
      queues === null ? 'true' : queues.length ? `x.queue IN (${queues.map(bind).join(', ')})` : 'false'
    const withWait = () => `${q()} AND x.answered_at >= x.offered_at`
    const gone = 'COALESCE(x.abandoned_at, x.ended_at)'
    text = `SELECT round(date_part('epoch', MIN(x.offered_at)) * 1000)::float8, COUNT(*), COUNT(*) FILTER (WHERE ${q()}),
        COUNT(*) FILTER (WHERE ${q()} AND x.answered_at IS NOT NULL), COUNT(*) FILTER (WHERE ${withWait()}),
        (date_part('epoch', SUM(x.answered_at - x.offered_at) FILTER (WHERE ${withWait()})) * 1000)::float8,
        COUNT(*) FILTER (WHERE ${withWait()} AND x.answered_at - x.offered_at <= make_interval(secs => ${bind(thresholds[0]! / 1000)})),
        COUNT(*) FILTER (WHERE ${q()} AND x.answered_at IS NULL AND ${gone} >= x.offered_at AND ${gone} - x.offered_at < make_interval(secs => ${bind(thresholds[1]! / 1000)}))
      FROM ${scan.from}
      ${bucketed ? `GROUP BY date_bin('${bucketMs / 60_000} minutes', x.offered_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')` : ''}`
  } else {
    // An empty queue list counts nothing (`queue IN ()` is not SQL).
    const q =
      queues === null
        ? '1'
        : queues.length
          ? `CASE WHEN x.queue IN (${queues.map(bind).join(', ')}) THEN 1 ELSE 0 END`
          : '0'
    // Per record: q counted queue, o offered, a answered (null when unanswered), g abandoned or ended, in ms.
    const rows =
      sqlite.perRow(`SELECT ${q} AS q, ${sqlite.ms('x.offered_at')} AS o, ${sqlite.ms('x.answered_at')} AS a,
        CASE WHEN x.answered_at IS NULL THEN ${sqlite.ms('COALESCE(x.abandoned_at, x.ended_at)')} END AS g
      FROM ${scan.from}`)
    const when = (cond: string, then = '1') => `SUM(CASE WHEN ${cond} THEN ${then} ELSE 0 END)`
    const withWait = 'q = 1 AND a >= o'
    // The two thresholds come first in the text, then the queues and the window.
    params.unshift(...thresholds)
    text = `SELECT MIN(o), COUNT(*), SUM(q), ${when('q = 1 AND a IS NOT NULL')}, ${when(withWait)},
        ${when(withWait, 'a - o')}, ${when(`${withWait} AND a - o <= ?`)},
        ${when('q = 1 AND a IS NULL AND g >= o AND g - o < ?')}
      FROM ${rows} x${bucketed ? ` GROUP BY ${sqlite.bucket('o', bucketMs)}` : ''}`
  }
  for await (const rows of scan.each((window) => db.rows(text, [...params, ...window]))) {
    const out: TelephonySlotAggregate[] = []
    for (const r of rows) {
      const total = num(r[1])
      if (!total) continue
      const offered = num(r[2])
      const answered = num(r[3])
      const short = num(r[7])
      out.push({
        at: num(r[0]),
        offered,
        answered,
        answeredWithWait: num(r[4]),
        waitSeconds: num(r[5]) / 1000,
        answeredWithin: num(r[6]),
        shortAbandoned: short,
        abandoned: offered - answered - short,
        otherQueues: total - offered,
      })
    }
    yield out
  }
}

/**
 * SQLite: the calls of one scan grouped by category and JST half-hour: CallSlotAggregate's counts
 * and sums (columns 0–6: category id, first start in ms, calls, logged resolved, with a valid span,
 * Σ talk, Σ handle) and the group's calls as a list `id:start ms:resolved[:caller hash tail],…`
 * (column 7) for the repeat check and FAQ usage. The hash is the call's own `caller_hash` (copied
 * from its telephony record when the import links them), so no second read joins it in.
 * (PostgreSQL streams the calls instead and adds the same sums in CallSlotSums.)
 */
function callsSelect(
  _db: RowReader,
  options: ResolvedReportOptions,
  bucketMs: number,
  from: string,
): { text: string; params: unknown[] } {
  const params: unknown[] = []
  const bind = (v: unknown) => (params.push(v), '?')
  const resolved = options.resolvedOutcomes.length
    ? `x.outcome IN (${options.resolvedOutcomes.map(bind).join(', ')})`
    : '0'
  const outbound = `x.channel IN (${OUTBOUND_CHANNELS.map(bind).join(', ')})`
  // Per call: id, category id, s/e talk start and end in ms, hold and after-call work (≥ 0), r logged resolved, h hash tail.
  const rows =
    sqlite.perRow(`SELECT x.id, x.category_id AS cat, ${sqlite.ms('x.talk_started_at')} AS s, ${sqlite.ms('x.talk_ended_at')} AS e, ${sqlite.tail16('x.caller_hash')} AS h,
      CASE WHEN x.hold_seconds > 0 THEN x.hold_seconds ELSE 0 END AS hold, CASE WHEN x.after_call_work_seconds > 0 THEN x.after_call_work_seconds ELSE 0 END AS acw,
      CASE WHEN ${resolved} THEN 1 ELSE 0 END AS r, CASE WHEN ${outbound} THEN 1 ELSE 0 END AS ob
    FROM ${from}`)
  const talk = options.holdInsideTalkSpan ? 'max(0, (e - s) / 1000.0 - hold)' : '(e - s) / 1000.0'
  // Hold inside the span: talk + hold is the span, whatever hold was logged (aht.ts).
  const handle = options.holdInsideTalkSpan ? '(e - s) / 1000.0 + acw' : `${talk} + hold + acw`
  const text = `SELECT cat, MIN(s), COUNT(*), SUM(r), SUM(CASE WHEN e >= s THEN 1 ELSE 0 END),
      SUM(CASE WHEN e >= s THEN ${talk} ELSE 0 END), SUM(CASE WHEN e >= s THEN ${handle} ELSE 0 END),
      group_concat(id || ':' || s || ':' || r || COALESCE(':' || h, ''), ','), ob
    FROM ${rows} x GROUP BY cat, ob, ${sqlite.bucket('s', bucketMs)}`
  return { text, params }
}

export interface PerCallCounts {
  slots: CallSlotAggregate[]
  faq: FaqUsageAggregate
}

/** One call-slot row of callsSelect (columns 0–6), null for an empty group. */
function callSlotOf(r: unknown[], slugs: ReadonlyMap<number, string>): CallSlotAggregate | null {
  const count = num(r[2])
  if (!count) return null
  const category = r[0] === null || r[0] === undefined ? null : (slugs.get(Number(r[0])) ?? null)
  return {
    at: num(r[1]),
    category,
    calls: count,
    loggedResolved: num(r[3]),
    callsWithTalk: num(r[4]),
    talkSeconds: num(r[5]),
    handleSeconds: num(r[6]),
    outbound: num(r[8]) === 1,
  }
}

/**
 * The call logs, for the half-hour sums and for what needs each call: the 一次完了 repeat check
 * (caller, category, time, logged outcome of calls with a caller hash and a category, up to
 * repeatWindowDays after the period) and FAQ usage (each call's FAQ list, calls in the period).
 *
 * `repeat` is called for each call the repeat check needs, with one object reused from call to call
 * (a million short-lived objects were a third of the garbage collector's time): read it, do not keep it.
 *
 * SQLite: by ranges of `chunk` call ids, two results per range (the grouped calls with their lists,
 * and the range's FAQ links by the parent index), joined here. Why by id: these are in-order range
 * scans, where looking up each call's FAQ links one by one was most of the report's database time.
 * Call ids grow with time, so a period's ids are one range; ids out of order only cost reading more.
 * PostgreSQL: see perCallStreamed.
 */
export async function* perCall(
  db: RowReader,
  { range, options, bucketMs }: Pick<CountOptions, 'range' | 'options' | 'bucketMs'>,
  categories: ReadonlyMap<number, string>,
  repeat: (call: Readonly<RepeatCheckCall>) => void,
  /** Call ids per read (SQLite); on PostgreSQL, the least call ids per read of FAQ links. */
  chunk: number,
): AsyncGenerator<PerCallCounts> {
  if (db.copy)
    return yield* perCallStreamed(db, db.copy.bind(db), range, options, bucketMs, categories, repeat, chunk)
  const repeatEnd = range.end + options.repeatWindowDays * DAY_MS
  // The same id-range scan as the half-hour counts, over the period plus the repeat window.
  const scan = scanOf(db, 'calls', 'talk_started_at', 'calls_talk_started_at_idx', range.start, repeatEnd, {
    windowMs: Number.MAX_SAFE_INTEGER,
    idChunk: chunk,
    bucketMs,
  })
  const calls = callsSelect(db, options, bucketMs, scan.from)
  // Lists of numbers (and hash tails) joined by ',' and ':', parsed below without a string per field.
  const faqsText = `SELECT group_concat(r.parent_id || ':' || r.faqs_id || ':' || COALESCE(r."order", 0), ',')
    FROM calls_rels r INDEXED BY calls_rels_parent_idx WHERE r.parent_id >= ? AND r.parent_id < ? AND r.path = 'faqsUsed' AND r.faqs_id IS NOT NULL`
  const reads = scan.each(async (params) => {
    const [a, b] = params as [number, number]
    const [callRows, faqRows] = await Promise.all([
      db.rows(calls.text, [...calls.params, ...params]),
      db.rows(faqsText, [a, b]),
    ])
    return { a, callRows, faqRows }
  })
  const call: RepeatCheckCall = { caller: 0, category: '', at: 0, loggedResolved: false }
  for await (const { a, callRows, faqRows } of reads) {
    // 1 for calls of the period (their FAQs count).
    const inPeriod = new Uint8Array(chunk)
    const slots: CallSlotAggregate[] = []
    for (const r of callRows) {
      const slot = callSlotOf(r, categories)
      if (!slot) continue
      slots.push(slot)
      // Calls the centre made count on their own line only: not in the repeat check nor FAQ usage.
      if (slot.outbound) continue
      const { category } = slot
      for (const l = FieldReader.ofList([[r[7]]]); l.more(); ) {
        const k = l.number() - a
        const at = l.number()
        const loggedResolved = l.number() === 1
        // The caller key (52 bits of the hash tail) when the call has a hash; calls without one are not checked.
        const key = l.followed() ? l.callerKey() : Number.NaN
        if (at < range.end) inPeriod[k] = 1
        if (category !== null && !Number.isNaN(key)) {
          call.caller = key
          call.category = category
          call.at = at
          call.loggedResolved = loggedResolved
          repeat(call)
        }
      }
    }
    const faq = new FaqRows()
    faq.add(FieldReader.ofList(faqRows))
    yield { slots, faq: faq.count((parent) => inPeriod[parent - a] === 1) }
  }
}

/**
 * PostgreSQL: three reads on three connections, overlapping. The half-hour sums are one grouped
 * query; the calls the repeat check and FAQ usage need are streamed (`RowReader.copy`: one COPY,
 * counted as its rows arrive, not one aggregated string handed over at the end, which left the
 * report waiting on the query and then on JavaScript); the period's FAQ links follow, streamed the
 * same way for the range of ids the calls stream saw in the period.
 */
async function* perCallStreamed(
  _db: RowReader,
  copy: NonNullable<RowReader['copy']>,
  range: InstantRange,
  options: ResolvedReportOptions,
  bucketMs: number,
  categories: ReadonlyMap<number, string>,
  repeat: (call: Readonly<RepeatCheckCall>) => void,
  /** Call ids per read of FAQ links (at least). */
  linkReadIds: number,
): AsyncGenerator<PerCallCounts> {
  const repeatEnd = range.end + options.repeatWindowDays * DAY_MS
  const [from, to] = [literal(iso(range.start)), literal(iso(repeatEnd))]
  const resolved = options.resolvedOutcomes.length
    ? `x.outcome IN (${options.resolvedOutcomes.map(literal).join(', ')})`
    : 'false'
  // Per call: id, start ms, logged resolved, category id, talk span in seconds (a float from an
  // exact interval), hold and after-call work as stored, outbound (1/0), caller hash tail (last: read to the row's end).
  const outbound = `x.channel IN (${OUTBOUND_CHANNELS.map(literal).join(', ')})`
  const stream =
    copy(`SELECT x.id, round(date_part('epoch', x.talk_started_at) * 1000)::int8, CASE WHEN ${resolved} THEN 1 ELSE 0 END,
      x.category_id, date_part('epoch', x.talk_ended_at - x.talk_started_at), x.hold_seconds, x.after_call_work_seconds,
      CASE WHEN ${outbound} THEN 1 ELSE 0 END, right(x.caller_hash, 16)
    FROM calls x WHERE x.talk_started_at >= ${from} AND x.talk_started_at < ${to}`)
  const sums = new CallSlotSums(range.start, repeatEnd, bucketMs, categories, options.holdInsideTalkSpan)
  const outboundSums = new CallSlotSums(
    range.start,
    repeatEnd,
    bucketMs,
    categories,
    options.holdInsideTalkSpan,
  )
  const call: RepeatCheckCall = { caller: 0, category: '', at: 0, loggedResolved: false }
  // The ids of the period's calls (their FAQs count), as a growing list; a bitmap once all are known.
  let ids = new Int32Array(1 << 16)
  let n = 0
  let lo = Infinity
  let hi = -Infinity
  // FAQ links are read while the calls stream, for ids up to the highest period id seen so far
  // (ids grow with time, so that is most of them); each id interval is read once, one read after
  // another on one more connection (a report must not take the pool from the operators' desk), and
  // its rows are counted once every period id is known (a call's links are all in one read).
  const reads: FaqRows[] = []
  const plan = new LinkReadPlan(linkReadIds, LINK_READS)
  let linkReads: Promise<void> = Promise.resolve()
  const readLinks = ([a, b]: [number, number]) => {
    const faq = new FaqRows()
    reads.push(faq)
    linkReads = linkReads.then(async () => {
      for await (const block of copy(`SELECT r.parent_id, r.faqs_id, COALESCE(r."order", 0) FROM calls_rels r
        WHERE r.parent_id >= ${literal(a)} AND r.parent_id <= ${literal(b)} AND r.path = 'faqsUsed' AND r.faqs_id IS NOT NULL`))
        faq.add(new CopyRows(block))
    })
    linkReads.catch(() => {}) // awaited below
  }
  let lastCat = Number.NaN
  let lastSlug: string | undefined
  for await (const block of stream) {
    for (const l = new CopyRows(block); l.more(); ) {
      const id = l.number()
      const at = l.number()
      const loggedResolved = l.number() === 1
      const cat = l.number() // NaN when null
      const [span, hold, acw] = [l.number(), l.number(), l.number()]
      if (l.number() === 1) {
        // Calls the centre made count on their own line only: not in the repeat check nor FAQ usage.
        outboundSums.add(at, cat, loggedResolved, span, hold, acw)
        l.skip()
        continue
      }
      sums.add(at, cat, loggedResolved, span, hold, acw)
      if (at < range.end) {
        if (n === ids.length) {
          const grown = new Int32Array(n * 2)
          grown.set(ids)
          ids = grown
        }
        ids[n++] = id
        if (id < lo) lo = id
        if (id > hi) hi = id
      }
      if (l.nextIsNull()) {
        l.skip()
        continue
      }
      if (cat !== lastCat) [lastCat, lastSlug] = [cat, categories.get(cat)]
      if (lastSlug === undefined) {
        l.skip()
        continue
      }
      call.caller = l.callerKey()
      call.category = lastSlug
      call.at = at
      call.loggedResolved = loggedResolved
      repeat(call)
    }
    if (n) {
      const next = plan.next(lo, hi)
      if (next) readLinks(next)
    }
  }
  if (n) plan.rest(lo, hi).forEach(readLinks)
  yield {
    slots: [...sums.slots(), ...outboundSums.slots().map((slot) => ({ ...slot, outbound: true }))],
    faq: { faqs: [], callsWithFaq: 0 },
  }
  await linkReads
  if (!n) return
  const inPeriod = new Uint8Array(hi - lo + 1)
  for (let i = 0; i < n; i++) inPeriod[ids[i]! - lo] = 1
  for (const faq of reads)
    yield {
      slots: [],
      faq: faq.count((parent) => parent >= lo && parent <= hi && inPeriod[parent - lo] === 1),
    }
}

/**
 * CallSlotAggregate's sums per category and JST half-hour, from calls one by one: what callsSelect
 * counts in SQL, for the calls PostgreSQL streams anyway (a second scan of the table for the sums
 * cost more server time than adding them up here). Same definitions: a span is valid when ≥ 0,
 * hold and after-call work count when > 0, talk excludes hold when it lies inside the span.
 */
class CallSlotSums {
  private readonly index = new Map<number, number>()
  private readonly names: (string | null)[] = [null]
  private readonly buckets: number
  private readonly calls: Float64Array
  private readonly resolved: Float64Array
  private readonly withTalk: Float64Array
  private readonly talk: Float64Array
  private readonly handle: Float64Array
  private lastCat = Number.NaN
  private lastIndex = 0

  constructor(
    private readonly start: number,
    end: number,
    private readonly bucketMs: number,
    categories: ReadonlyMap<number, string>,
    private readonly holdInsideTalkSpan: boolean,
  ) {
    // Row 0 holds calls without a category (or of one without a slug), as callSlotOf reads them.
    for (const [id, slug] of categories) {
      this.index.set(id, this.names.length)
      this.names.push(slug)
    }
    this.buckets = Math.ceil((end - start) / bucketMs)
    const cells = this.buckets * this.names.length
    this.calls = new Float64Array(cells)
    this.resolved = new Float64Array(cells)
    this.withTalk = new Float64Array(cells)
    this.talk = new Float64Array(cells)
    this.handle = new Float64Array(cells)
  }

  add(at: number, category: number, loggedResolved: boolean, span: number, hold: number, acw: number): void {
    if (category !== this.lastCat) [this.lastCat, this.lastIndex] = [category, this.index.get(category) ?? 0]
    const k = this.lastIndex * this.buckets + Math.floor((at - this.start) / this.bucketMs)
    this.calls[k]!++
    if (loggedResolved) this.resolved[k]!++
    if (!(span >= 0)) return
    const h = Math.max(hold, 0)
    const talk = this.holdInsideTalkSpan ? Math.max(0, span - h) : span
    this.withTalk[k]!++
    this.talk[k]! += talk
    this.handle[k]! += (this.holdInsideTalkSpan ? span : talk + h) + Math.max(acw, 0)
  }

  slots(): CallSlotAggregate[] {
    const out: CallSlotAggregate[] = []
    for (let c = 0; c < this.names.length; c++)
      for (let h = 0; h < this.buckets; h++) {
        const k = c * this.buckets + h
        if (!this.calls[k]) continue
        out.push({
          at: this.start + h * this.bucketMs,
          category: this.names[c]!,
          calls: this.calls[k]!,
          loggedResolved: this.resolved[k]!,
          callsWithTalk: this.withTalk[k]!,
          talkSeconds: this.talk[k]!,
          handleSeconds: this.handle[k]!,
        })
      }
    return out
  }
}

/** PostgreSQL: FAQ links are read in at most this many parts while the calls stream (each of at least `linkReadIds` ids). */
const LINK_READS = 8

/**
 * Which call-id intervals to read FAQ links for while the period's ids are still arriving: one
 * contiguous range [from, to] grows as the highest id seen grows; at the end, the ids below its
 * start and above its end. So each id is read once, and [lowest, highest] is read whole.
 */
export class LinkReadPlan {
  private from = Number.POSITIVE_INFINITY
  private to = Number.NEGATIVE_INFINITY
  private reads = 0

  constructor(
    private readonly minIds: number,
    private readonly maxReads: number,
  ) {}

  /** With the period's lowest and highest id so far: an interval to read now, or null. */
  next(lo: number, hi: number): [number, number] | null {
    if (this.reads >= this.maxReads) return null
    const start = this.from === Number.POSITIVE_INFINITY ? lo : this.to + 1
    if (hi - start + 1 < this.minIds) return null
    if (this.from === Number.POSITIVE_INFINITY) this.from = lo
    this.to = hi
    this.reads++
    return [start, hi]
  }

  /** After the last id: what is left of [lo, hi] (up to two intervals). */
  rest(lo: number, hi: number): [number, number][] {
    if (this.from === Number.POSITIVE_INFINITY) return [[lo, hi]]
    const out: [number, number][] = []
    if (lo < this.from) out.push([lo, this.from - 1])
    if (hi > this.to) out.push([this.to + 1, hi])
    return out
  }
}

/** FAQ links (call, FAQ, order) of one read, counted as addFaqsUsed does: each call's list in order, each FAQ once. */
class FaqRows {
  private parents = new Float64Array(1024)
  private faqs = new Float64Array(1024)
  private orders = new Float64Array(1024)
  private n = 0
  private sorted = true

  /** Reads `parent:faq:order` entries, keeping those whose call `counts` (all when not given). */
  add(l: Fields, counts?: (parent: number) => boolean): void {
    while (l.more()) {
      const parent = l.number()
      const faq = l.number()
      const order = l.number()
      if (counts && !counts(parent)) continue
      const n = this.n
      if (n === this.parents.length) this.grow()
      const { parents, orders } = this
      if (n && (parents[n - 1]! > parent || (parents[n - 1] === parent && orders[n - 1]! > order)))
        this.sorted = false
      parents[n] = parent
      this.faqs[n] = faq
      orders[n] = order
      this.n = n + 1
    }
  }

  private grow(): void {
    for (const name of ['parents', 'faqs', 'orders'] as const) {
      const grown = new Float64Array(this[name].length * 2)
      grown.set(this[name])
      this[name] = grown
    }
  }

  /** The usage of the calls that `counts` (all when not given). */
  count(counts?: (parent: number) => boolean): FaqUsageAggregate {
    const { parents, faqs, orders, n } = this
    // Rows come in index order (by call, then as inserted); sort by call and order only when they do not.
    let idx: ArrayLike<number> | null = null
    if (!this.sorted)
      idx = Array.from({ length: n }, (_, i) => i).sort(
        (x, y) => parents[x]! - parents[y]! || orders[x]! - orders[y]!,
      )
    const at = (i: number) => (idx ? idx[i]! : i)
    const usage = new Map<number, { faqId: string; count: number; first: number }>()
    let callsWithFaq = 0
    for (let i = 0; i < n; ) {
      const parent = parents[at(i)]!
      let j = i + 1
      while (j < n && parents[at(j)] === parent) j++
      if (counts && !counts(parent)) {
        i = j
        continue
      }
      callsWithFaq++
      for (let m = i; m < j; m++) {
        const faq = faqs[at(m)]!
        let seen = false
        for (let q = i; q < m && !seen; q++) seen = faqs[at(q)] === faq
        if (seen) continue
        let c = usage.get(faq)
        if (!c) usage.set(faq, (c = { faqId: String(faq), count: 0, first: 0 }))
        c.count++
        if (m === i) c.first++
      }
      i = j
    }
    return { callsWithFaq, faqs: [...usage.values()] }
  }
}
