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

/** Points `link` at `target` atomically: a new symlink renamed over the old one. */
function swapLink(link: string, target: string): void {
  const tmp = `${link}.${process.pid}.tmp`
  fs.rmSync(tmp, { force: true })
  fs.symlinkSync(path.relative(path.dirname(link), target), tmp)
  fs.renameSync(tmp, link)
}

export type BuildResult = { dir: string; ms: number; pages: number }

/**
 * Builds the site from the CMS at `cmsUrl` into a new folder under builds/ and swaps it in.
 * `astro build` runs as its own Node process (the site reads the CMS over HTTP, it never loads
 * Payload). A failed build leaves the served site as it was.
 */
export async function buildSite(options: { siteDir: string; folder: SiteFolder; cmsUrl: string; log: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<BuildResult> {
  const { folder, log } = options
  const started = Date.now()
  fs.mkdirSync(folder.builds, { recursive: true })
  const out = path.join(folder.builds, new Date().toISOString().replace(/[:.]/g, '-'))
  const astroBin = path.join(path.dirname(createRequire(path.join(options.siteDir, 'package.json')).resolve('astro/package.json')), 'astro.js')

  let output = ''
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', out], {
      cwd: options.siteDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, KOTAE_CMS_URL: options.cmsUrl, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '' },
    })
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0 || !fs.existsSync(path.join(out, 'index.html'))) {
    fs.rmSync(out, { recursive: true, force: true })
    throw new Error(`site build failed (exit ${code}); the served site is unchanged.\n${output.split('\n').slice(-25).join('\n')}`)
  }

  const before = liveBuild(folder)
  swapLink(folder.current, out)
  if (before) swapLink(folder.previous, before)
  const keep = new Set([out, before].filter(Boolean).map((p) => path.resolve(p as string)))
  for (const name of fs.readdirSync(folder.builds)) {
    const p = path.resolve(folder.builds, name)
    if (!keep.has(p)) fs.rmSync(p, { recursive: true, force: true })
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0)
  const ms = Date.now() - started
  log(`site: built ${pages} pages in ${(ms / 1000).toFixed(1)} s`)
  return { dir: out, ms, pages }
}
