#!/usr/bin/env bash
# Renders a quiz sheet to HTML and takes screenshots with headless Chromium, to look at it
# as a teacher would before printing.
# Usage: scripts/render-quiz.sh [DECK] [OUT_DIR]   (default: docs/examples/sample-deck.json, out/quiz)
# Writes OUT_DIR/quiz.html, OUT_DIR/quiz.png (screen) and OUT_DIR/quiz.pdf (print, A4).
set -euo pipefail
cd "$(dirname "$0")/.."
deck="${1:-docs/examples/sample-deck.json}"
out="${2:-out/quiz}"
mkdir -p "$out"
if ! command -v chromium >/dev/null 2>&1; then
  echo "render-quiz: installing chromium (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >&2
fi
mnemo="${MNEMO_BIN:-}"
if [ -z "$mnemo" ]; then
  swift build --product mnemo >&2
  mnemo="$(swift build --show-bin-path)/mnemo"
fi
"$mnemo" export "$deck" --format quiz-html --variants "${VARIANTS:-3}" --seed "${SEED:-1}" -o "$out/quiz.html"
html="file://$(cd "$out" && pwd)/quiz.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer)
chromium "${flags[@]}" --screenshot="$out/quiz.png" --window-size="${WIDTH:-1000},${HEIGHT:-1400}" "$html" 2>/dev/null
chromium "${flags[@]}" --print-to-pdf="$out/quiz.pdf" "$html" 2>/dev/null
echo "wrote $out/quiz.html, $out/quiz.png, $out/quiz.pdf" >&2
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 60 "$out/quiz.pdf" "$out/page"
  echo "print pages: $(ls "$out"/page-*.png | wc -l) ($out/page-N.png)" >&2
fi
