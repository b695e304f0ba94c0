#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (test tools cannot
# download their own browser here). Idempotent; prints the version.
set -euo pipefail
bin="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$bin" ]; then
  echo "Chromium is missing; installing Debian's chromium package…" >&2
  sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Could not install chromium (see above)." >&2
    exit 1
  fi
fi
"$bin" --version 2>/dev/null | head -n 1
