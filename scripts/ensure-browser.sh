#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the browser tests (Playwright cannot download one).
# Installs it with apt when running as root; otherwise says what to do. With CI=true a missing
# browser makes the browser tests fail (see route27/tests_browser/conftest.py), never skip.
set -euo pipefail
if [ -x /usr/bin/chromium ] && ldconfig -p 2>/dev/null | grep -q libpangoft2; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium installeren met apt ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >&2
else
  echo "LET OP: /usr/bin/chromium ontbreekt; installeer het pakket 'chromium' voor de browsertests." >&2
fi
