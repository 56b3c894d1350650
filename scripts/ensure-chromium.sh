#!/usr/bin/env bash
# Installs Debian's chromium for the browser end-to-end tests (test/browser/) when it is missing.
# The tests drive it with playwright-core, which never downloads a browser of its own: we rely on the
# distribution package so the binary is signed, patched and cached like any other system package.
set -euo pipefail

CHROMIUM_PATH="${A6_CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM_PATH" ]; then
  echo "chromium present: $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium missing at $CHROMIUM_PATH and apt-get is not available; install chromium with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "chromium missing and not running as root (no sudo): run 'apt-get install -y chromium' as root" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "apt-get installed chromium but $CHROMIUM_PATH is still missing" >&2
  exit 1
fi
echo "chromium installed: $("$CHROMIUM_PATH" --version 2>/dev/null || echo "$CHROMIUM_PATH")"
