#!/usr/bin/env bash
# The Debian packages Route27 needs beyond PyPI, per purpose; installs what is missing with apt
# when running as root, otherwise says what to install. Purposes (any number):
#   pdf      pango and harfbuzz for WeasyPrint (the overgangsdocument PDF), and a font
#   browser  Debian's Chromium for the Playwright + axe browser tests (no browser download)
#   node     Node.js with npm and curl for the API standards check (Spectral) and `make assets`
# With CI=true a missing browser makes the browser tests fail (route27/tests_browser/conftest.py).
set -euo pipefail

need=()
for purpose in "$@"; do
  case "$purpose" in
    pdf)
      ldconfig -p 2>/dev/null | grep -q libpangoft2 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
      ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || need+=(libharfbuzz-subset0)
      [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core) ;;
    browser)
      [ -x /usr/bin/chromium ] || need+=(chromium) ;;
    node)
      command -v node >/dev/null 2>&1 || need+=(nodejs)
      command -v npm >/dev/null 2>&1 || need+=(npm)
      command -v curl >/dev/null 2>&1 || need+=(curl) ;;
    *) echo "ensure-system: onbekend doel '$purpose' (pdf, browser, node)" >&2; exit 2 ;;
  esac
done
[ "${#need[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installeren met apt: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
else
  echo "LET OP: deze Debian-pakketten ontbreken: ${need[*]} (installeer ze met apt)." >&2
fi
