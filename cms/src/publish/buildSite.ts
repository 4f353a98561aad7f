import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The served site folder (`KOTAE_SITE_DIR`, default `data/site`):
 *
 *   builds/<time>/   one complete `astro build` output each
 *   current → builds/<time>    what is served; replaced by one rename(2), so a visitor sees the
 *                              old site or the new one, never a half-written folder
 *   previous → builds/<time>   the one before, kept so pages already open can still load their
 *                              assets; older builds are deleted
 *   builds/<time>.content      beside a build (not in it, so never served): the version of the
 *                              published content it was built from, on PostgreSQL (sharedBuilds.ts)
 */
export type SiteFolder = { root: string; current: string; previous: string; builds: string }

export const siteFolder = (root: string): SiteFolder => ({
  root,
  current: path.join(root, 'current'),
  previous: path.join(root, 'previous'),
  builds: path.join(root, 'builds'),
})

/** The folder `current` points at, or undefined before the first build. */
export function liveBuild(folder: SiteFolder): string | undefined {
  try {
    const target = fs.realpathSync(folder.current)
    return fs.existsSync(path.join(target, 'index.html')) ? target : undefined
  } catch {
    return undefined
  }
}

const versionFile = (build: string) => `${build}.content`

/** The content version the live build was made from (PostgreSQL), or undefined (none recorded, or no build). */
export function liveContentVersion(folder: SiteFolder): string | undefined {
  const live = liveBuild(folder)
  if (!live) return undefined
  try {
    return fs.readFileSync(versionFile(live), 'utf8')
  } catch {
    return undefined
  }
}

/** Points `link` at `target` atomically: a new symlink renamed over the old one. */
function swapLink(link: string, target: string): void {
  const tmp = `${link}.${process.pid}.tmp`
  fs.rmSync(tmp, { force: true })
  fs.symlinkSync(path.relative(path.dirname(link), target), tmp)
  fs.renameSync(tmp, link)
}

export type BuildResult = { dir: string; ms: number; pages: number }

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One `astro build` per site folder at a time on this machine: Astro keeps intermediate files in
 * the project (`site/.astro`), so two builds side by side (two `npm start`s, say) break each
 * other. The lock is a directory (mkdir is atomic) holding the owner's pid; a dead owner's lock
 * is taken over.
 */
async function withBuildLock<T>(siteDir: string, run: () => Promise<T>): Promise<T> {
  const lock = path.join(siteDir, 'node_modules', '.kotae-site-build.lock')
  fs.mkdirSync(path.dirname(lock), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(lock)
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let stale = false
      try {
        const owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8') || 0)
        stale = owner ? !alive(owner) : Date.now() - fs.statSync(lock).mtimeMs > 60_000
      } catch {
        // The pid file is not written yet, or the lock was just released: look again shortly.
      }
      if (stale) fs.rmSync(lock, { recursive: true, force: true })
      else await new Promise((r) => setTimeout(r, 500))
    }
  }
  try {
    return await run()
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

/**
 * Makes a finished build folder the live one: its content version (if any) is written beside it
 * first, so `current` never points at a build whose version is missing or another's; `current` is
 * swapped, the old build becomes `previous`, and older builds (with their version files) are deleted.
 */
export function swapInBuild(folder: SiteFolder, out: string, contentVersion?: string): void {
  if (contentVersion !== undefined) fs.writeFileSync(versionFile(out), contentVersion)
  const before = liveBuild(folder)
  swapLink(folder.current, out)
  if (before) swapLink(folder.previous, before)
  const keep = new Set([out, before].filter(Boolean).map((p) => path.resolve(p as string)))
  for (const name of fs.readdirSync(folder.builds)) {
    const p = path.resolve(folder.builds, name)
    if (!keep.has(p) && !keep.has(p.replace(/\.content$/, ''))) fs.rmSync(p, { recursive: true, force: true })
  }
}

/**
 * The NODE_OPTIONS an Astro build inherits, less any `--conditions`: `production` is for the
 * processes that load the Payload config (docs/decisions/0007-node-conditions-production.md), and
 * the site build resolves packages as Astro and Vite expect. Other options (a memory limit, the
 * e2e network guard's preload) are kept.
 */
export function withoutConditions(nodeOptions: string | undefined): string {
  const kept: string[] = []
  const words = (nodeOptions ?? '').split(/\s+/u).filter(Boolean)
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--conditions' || words[i] === '-C') i++
    else if (!/^(?:--conditions|-C)=/u.test(words[i]!)) kept.push(words[i]!)
  }
  return kept.join(' ')
}

/**
 * Builds the site from the CMS at `cmsUrl` into a new folder under builds/ and swaps it in.
 * `astro build` runs as its own Node process (the site reads the CMS over HTTP, it never loads
 * Payload). A failed build leaves the served site as it was.
 */
export async function buildSite(options: {
  siteDir: string
  folder: SiteFolder
  cmsUrl: string
  log: (line: string) => void
  env?: NodeJS.ProcessEnv
  /** The published content's version read before the build (PostgreSQL), recorded beside it. */
  contentVersion?: string
}): Promise<BuildResult> {
  const { folder, log } = options
  const started = Date.now()
  fs.mkdirSync(folder.builds, { recursive: true })
  const out = path.join(folder.builds, new Date().toISOString().replace(/[:.]/g, '-'))
  const astroBin = path.join(
    path.dirname(createRequire(path.join(options.siteDir, 'package.json')).resolve('astro/package.json')),
    'astro.js',
  )

  let output = ''
  const code = await withBuildLock(
    options.siteDir,
    () =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [astroBin, 'build', '--outDir', out], {
          cwd: options.siteDir,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            ...options.env,
            KOTAE_CMS_URL: options.cmsUrl,
            ASTRO_TELEMETRY_DISABLED: '1',
            NODE_OPTIONS: withoutConditions(process.env.NODE_OPTIONS),
          },
        })
        child.stdout.on('data', (c: Buffer) => (output += c.toString()))
        child.stderr.on('data', (c: Buffer) => (output += c.toString()))
        child.on('error', reject)
        child.on('exit', resolve)
      }),
  )
  if (code !== 0 || !fs.existsSync(path.join(out, 'index.html'))) {
    fs.rmSync(out, { recursive: true, force: true })
    throw new Error(
      `site build failed (exit ${code}); the served site is unchanged.\n${output.split('\n').slice(-25).join('\n')}`,
    )
  }

  // Astro leaves two content-layer stubs in an outDir outside the project; they are not site files.
  for (const stub of ['content-assets.mjs', 'content-modules.mjs'])
    fs.rmSync(path.join(out, stub), { force: true })
  swapInBuild(folder, out, options.contentVersion)
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0)
  const ms = Date.now() - started
  log(`site: built ${pages} pages in ${(ms / 1000).toFixed(1)} s`)
  return { dir: out, ms, pages }
}
