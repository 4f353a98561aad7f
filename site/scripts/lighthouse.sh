#!/usr/bin/env bash
# Lighthouse (mobile preset) on the built site, with the machine's Chromium. Not part of the tests:
# run by hand after `npm run build -w @kotae/site`. Fetches the lighthouse npm package on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PORT="${PORT:-4329}"
PAGES=(${LH_PAGES:-"" "search/" "faq/cert-renewal-proxy/" "checker/" "en/"})
ASTRO="$(npm root)/.bin/astro"; [ -x "$ASTRO" ] || ASTRO="$(cd .. && npm root)/.bin/astro"
ASTRO_TELEMETRY_DISABLED=1 "$ASTRO" preview --port "$PORT" --host 127.0.0.1 >/dev/null 2>&1 &
PREVIEW=$!
trap 'kill $PREVIEW 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.2; done
OUT="$(mktemp -d)"
for p in "${PAGES[@]}"; do
  f="$OUT/$(echo "page-$p" | tr '/' '_').json"
  npx -y lighthouse@12.8.2 "http://127.0.0.1:$PORT/$p" --quiet --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --output=json --output-path="$f" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]); const c = r.categories; const a = r.audits
    const s = (k) => Math.round(c[k].score * 100)
    console.log(`/${process.argv[2]}`.padEnd(28), `performance ${s("performance")}`, `accessibility ${s("accessibility")}`, `best-practices ${s("best-practices")}`,
      `LCP ${a["largest-contentful-paint"].displayValue}`, `TBT ${a["total-blocking-time"].displayValue}`, `CLS ${a["cumulative-layout-shift"].displayValue}`)
  ' "$f" "$p"
done
