import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // The workspace libraries ship TypeScript sources.
  transpilePackages: ['@kotae/content', '@kotae/search-indexer', '@kotae/analytics', '@kotae/chromium'],
  // Type errors are caught by `npm run typecheck` (strict, all packages), not by every production build.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: path.resolve(dirname, '..') },
  // No X-Powered-By (withPayload adds "Next.js, Payload" unless this is false).
  poweredByHeader: false,
  outputFileTracingRoot: path.resolve(dirname, '..'),
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
