#!/usr/bin/env bash
# The README's test command (`pnpm test`): makes sure the test engines are installed (Debian chromium,
# PostgreSQL 15 binaries), generates the grammar bundle, type-checks and lints (failing fast), then runs
# the whole vitest suite. The
# PostgreSQL server itself is started and stopped by vitest's globalSetup (test/setup/postgres.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! bash scripts/ensure-test-engines.sh; then
  if [ "${CI:-}" = "true" ]; then
    echo "test engines unavailable under CI=true: refusing to skip their tests" >&2
    exit 1
  fi
  echo "continuing without them: the tests that need a missing engine skip and say why" >&2
fi
node scripts/generate-grammar.mjs
echo "type-check: tsc -p tsconfig.json --noEmit" >&2
tsc -p tsconfig.json --noEmit || { echo "type-check failed: fix the errors above (pnpm -s check) before the tests run" >&2; exit 1; }
echo "lint: eslint ." >&2
eslint . || { echo "lint failed: fix the findings above (pnpm lint) before the tests run" >&2; exit 1; }
exec vitest run "$@"
