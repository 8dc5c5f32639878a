#!/usr/bin/env bash
# Refresh the vendored front-end assets in static/vendor from the npm registry.
# The copies are committed so `make run` needs no Node.js; run this after changing
# frontend/package.json (`make assets`).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-system.sh node
(cd frontend && npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error)
nm=frontend/node_modules
out=route27/core/static/vendor
rm -rf "$out"; mkdir -p "$out/fonts"
cp "$nm/@utrecht/component-library-css/dist/index.css" "$out/utrecht.css"
cp "$nm/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "$out/voorbeeld-theme.css"
cp "$nm/htmx.org/dist/htmx.min.js" "$out/htmx.min.js"
cp "$nm/chart.js/dist/chart.umd.min.js" "$nm/chart.js/dist/chart.umd.min.js.map" "$out/"
for w in 400 700; do
  cp "$nm/@fontsource/noto-sans/files/noto-sans-latin-$w-normal.woff2" "$out/fonts/"
  cp "$nm/@fontsource/noto-sans/files/noto-sans-latin-$w-italic.woff2" "$out/fonts/" 2>/dev/null || true
done
{
  echo "/* Noto Sans (SIL OFL 1.1) from @fontsource/noto-sans, latin subset, served by the app. */"
  for w in 400 700; do
    for s in normal italic; do
      f="noto-sans-latin-$w-$s.woff2"
      [ -f "$out/fonts/$f" ] || continue
      printf "@font-face{font-family:'Noto Sans';font-style:%s;font-display:swap;font-weight:%s;src:url(fonts/%s) format('woff2');}\n" "$s" "$w" "$f"
    done
  done
} > "$out/fonts.css"
for p in @utrecht/component-library-css @nl-design-system-unstable/voorbeeld-design-tokens htmx.org chart.js @fontsource/noto-sans; do
  node -e "const p=require('./$nm/$p/package.json');console.log(p.name+'@'+p.version+' '+(p.license||''))"
done > "$out/VERSIONS.txt"
echo "vendored into $out:"; cat "$out/VERSIONS.txt"
