#!/usr/bin/env bash
# The README's test command (`pnpm test`): makes sure the test engines are installed (Debian chromium,
# PostgreSQL 15 binaries), generates the grammar bundle, then runs the whole vitest suite. The
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
exec vitest run "$@"
