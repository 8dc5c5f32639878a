#!/usr/bin/env bash
# Print the path of a working `uv`, installing it with pip if it is missing.
set -euo pipefail
export UV_PYTHON_DOWNLOADS=never
if command -v uv >/dev/null 2>&1 && uv --version >/dev/null 2>&1; then command -v uv; exit 0; fi
for candidate in "$HOME/.local/bin/uv" "$PWD/.uv-bootstrap/bin/uv"; do
  [ -x "$candidate" ] && { echo "$candidate"; exit 0; }
done
PY="${PYTHON:-python3}"
echo "uv ontbreekt: installeren met pip ..." >&2
if "$PY" -m pip install --quiet --user uv >&2 2>/dev/null \
   || "$PY" -m pip install --quiet --user --break-system-packages uv >&2 2>/dev/null \
   || "$PY" -m pip install --quiet uv >&2 2>/dev/null; then
  hash -r
  if command -v uv >/dev/null 2>&1 && uv --version >/dev/null 2>&1; then command -v uv; exit 0; fi
  [ -x "$HOME/.local/bin/uv" ] && { echo "$HOME/.local/bin/uv"; exit 0; }
fi
# Last resort (Debian without pip): a private virtual environment that holds uv.
"$PY" -m venv .uv-bootstrap >&2
.uv-bootstrap/bin/pip install --quiet uv >&2
echo "$PWD/.uv-bootstrap/bin/uv"
