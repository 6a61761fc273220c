#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing.
# (Playwright's own browser download is not used: the tests drive /usr/bin/chromium.)
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "install-chromium: /usr/bin/chromium is missing and this user cannot run apt-get; install the 'chromium' package" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
