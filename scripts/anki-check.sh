#!/usr/bin/env bash
# Checks mnemo's Anki export and import against the real Anki library (PyPI package `anki`).
# Usage: scripts/anki-check.sh [DECK]   (default: docs/examples/sample-deck.json)
# The virtual environment is kept in .build/anki-venv (or $MNEMO_ANKI_VENV) between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
deck="${1:-docs/examples/sample-deck.json}"
venv="${MNEMO_ANKI_VENV:-.build/anki-venv}"
mnemo="${MNEMO_BIN:-}"
if [ -z "$mnemo" ]; then
  swift build --product mnemo >&2
  mnemo="$(swift build --show-bin-path)/mnemo"
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import anki" 2>/dev/null; then
  "$venv/bin/pip" install --quiet anki >&2
fi
exec "$venv/bin/python" scripts/anki_check.py "$mnemo" "$deck"
