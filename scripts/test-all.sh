#!/usr/bin/env bash
# The whole suite on a fresh machine: installs what the tests need (npm packages from the lockfile and, on a
# Debian/Ubuntu machine as root, Debian's Chromium), then runs every gate and test runner, and ends with one
# line "N passed, N failed" summed over all of them. Exit code 0 only when nothing failed.
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json test-results/gates.txt

gate() { # gate NAME COMMAND...: a check that counts as one test
  local name=$1; shift
  echo "::: $name"
  if "$@"; then echo "pass $name" >> test-results/gates.txt; else echo "fail $name" >> test-results/gates.txt; fi
}

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROME_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "::: installing Debian's chromium"
    # fonts-liberation: the metric-compatible Arial/Times that Chromium recommends (a desktop install has them);
    # without them text falls back to the wider DejaVu. fonts-wqy-microhei: a CJK font, so the Chinese UI in the
    # kept screenshots is readable.
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-wqy-microhei) >/dev/null
  else
    echo "No Chromium at $CHROME_PATH: install one (Debian: apt-get install chromium) or set CHROME_PATH." >&2
  fi
fi

gate install npm ci --no-audit --no-fund
gate typecheck npx tsc --noEmit -p tsconfig.json
gate typecheck-core npx tsc --noEmit -p tsconfig.core.json
gate typecheck-worker npx tsc --noEmit -p tsconfig.worker.json
gate lint npx eslint .
gate format npx prettier --check .
echo "::: unit, component, worker, TF.js cross-check and fuzz tests (vitest: all four projects of vitest.config.ts)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
gate build npx vite build
gate size node scripts/size-check.mjs
echo "::: end-to-end tests in Chromium (playwright)"
CI=1 npx playwright test
node scripts/summarize.mjs
