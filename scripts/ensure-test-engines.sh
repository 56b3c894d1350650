#!/usr/bin/env bash
# Makes sure the engines the test suite drives are installed: Debian's chromium (browser end-to-end
# tests, driven by playwright-core: no browser download of its own) and the PostgreSQL 15 server
# binaries (the postgres store tests start a throwaway cluster from them, see test/setup/postgres.ts).
# Idempotent: installs only what is missing, and runs `apt-get update` at most once.
# Used by .ci/run; developers can run it too (as root, or with sudo available).
set -euo pipefail

PG_BIN="${A6_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/postgres" ]; } || missing+=(postgresql-15)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "test engines present: $(chromium --version 2>/dev/null | head -n1), $("$PG_BIN/postgres" --version)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "missing test engines: ${missing[*]}; install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing missing test engines: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q </dev/null
# The postgresql-15 package would create and start a system cluster on port 5432; the tests never use
# it (they start their own on a free loopback port), so tell Debian's cluster tooling not to.
if [[ " ${missing[*]} " == *" postgresql-15 "* ]]; then
  "${as_root[@]}" mkdir -p /etc/postgresql-common
  if [ ! -e /etc/postgresql-common/createcluster.conf ] || ! grep -q '^create_main_cluster' /etc/postgresql-common/createcluster.conf; then
    echo 'create_main_cluster = false' | "${as_root[@]}" tee -a /etc/postgresql-common/createcluster.conf >/dev/null
  fi
fi
"${as_root[@]}" apt-get install -y -q "${missing[@]}" </dev/null

command -v chromium >/dev/null 2>&1 || { echo "chromium still missing after apt-get install" >&2; exit 1; }
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL 15 still missing at $PG_BIN after apt-get install" >&2; exit 1; }
echo "test engines present: $(chromium --version 2>/dev/null | head -n1), $("$PG_BIN/postgres" --version)"
