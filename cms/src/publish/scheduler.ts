/**
 * Debounced, one-at-a-time rebuilds. A request starts a quiet period; each further request
 * restarts it, but never past `maxWaitMs` after the first one, so steady editing still goes live
 * within a minute. One build runs at a time; requests that arrive during a build queue exactly
 * one more build (after its own quiet period), which reads everything changed so far.
 *
 * Hand-written because the one rule that matters here (a debounce that also queues behind a
 * running async job) is not what the common debounce helpers do: they would start a second
 * build beside the first.
 */
export type RebuildScheduler = {
  /** Ask for a rebuild (debounced). */
  request(reason?: string): void
  /** Build now, skipping the quiet period (still one at a time). */
  now(reason?: string): Promise<void>
  /** Resolves when nothing is pending or running. */
  idle(): Promise<void>
  stop(): void
}

export type SchedulerOptions = {
  quietMs: number
  maxWaitMs: number
  build: (reasons: string[]) => Promise<void>
  onError?: (error: unknown) => void
}

export function createRebuildScheduler(options: SchedulerOptions): RebuildScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined
  let firstPendingAt: number | undefined
  let pending: string[] = []
  let running: Promise<void> | undefined
  let stopped = false
  const idleWaiters: (() => void)[] = []

  const settleIdle = () => {
    if (running || timer || pending.length) return
    for (const w of idleWaiters.splice(0)) w()
  }

  const arm = () => {
    if (stopped || running || !pending.length) return settleIdle()
    const waited = Date.now() - (firstPendingAt ?? Date.now())
    const delay = Math.max(0, Math.min(options.quietMs, options.maxWaitMs - waited))
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void run()
    }, delay)
  }

  const run = async () => {
    if (running || stopped) return
    const reasons = pending
    pending = []
    firstPendingAt = undefined
    running = options.build(reasons).catch((error: unknown) => options.onError?.(error))
    await running
    running = undefined
    arm()
  }

  return {
    request(reason = 'change') {
      if (stopped) return
      pending.push(reason)
      firstPendingAt ??= Date.now()
      arm()
    },
    async now(reason = 'now') {
      pending.push(reason)
      firstPendingAt = Date.now() - options.maxWaitMs
      if (running) await running
      clearTimeout(timer)
      timer = undefined
      await run()
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve)
        settleIdle()
      }),
    stop() {
      stopped = true
      clearTimeout(timer)
      timer = undefined
      pending = []
      settleIdle()
    },
  }
}
