#!/usr/bin/env bash
# Builds the statistics page and the class report for simulated learners and renders them with
# headless Chromium, to look at them (and their print layout) before shipping.
# Usage: scripts/render-stats.sh [DECK] [OUT_DIR]   (default: the first deck in Decks/, out/stats)
# Writes OUT_DIR/stats.html, stats.png (screen), stats.pdf (print) and class.html, class.png.
# Skips (exit 0) when chromium is missing, so CI can call it unconditionally.
set -euo pipefail
cd "$(dirname "$0")/.."
deck="${1:-$(ls Decks/*.json 2>/dev/null | head -n 1 || true)}"
out="${2:-out/stats}"
if [ -z "$deck" ] || [ ! -f "$deck" ]; then
  echo "render-stats: no deck (pass one, or put one in Decks/)" >&2
  exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "render-stats: chromium not installed; skipped" >&2
  exit 0
fi
mnemo="${MNEMO_BIN:-}"
if [ -z "$mnemo" ]; then
  swift build --product mnemo >&2
  mnemo="$(swift build --show-bin-path)/mnemo"
fi
now="${NOW:-2026-11-22T12:00:00Z}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$mnemo" _simulate-learner --progress "$work/alice" --deck "$deck" --days 90 --seed 1 --name Alice --now "$now"
"$mnemo" _simulate-learner --progress "$work/bob" --deck "$deck" --days 60 --seed 2 --difficulty 1.6 --name Bob --now "$now"
"$mnemo" _simulate-learner --progress "$work/carol" --deck "$deck" --days 30 --seed 3 --difficulty 0.7 --now "$now"
TZ="${TZ:-UTC}" "$mnemo" stats "$deck" --progress "$work/alice" --now "$now" --html "$out/stats.html"
TZ="${TZ:-UTC}" "$mnemo" class "$work/alice" "$work/bob" "$work/carol" --deck "$deck" --now "$now" --html "$out/class.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer)
for page in stats class; do
  url="file://$(cd "$out" && pwd)/$page.html"
  chromium "${flags[@]}" --screenshot="$out/$page.png" --window-size="${WIDTH:-1100},${HEIGHT:-1600}" "$url" 2>/dev/null
done
chromium "${flags[@]}" --print-to-pdf="$out/stats.pdf" "file://$(cd "$out" && pwd)/stats.html" 2>/dev/null
if grep -Eq '(src|href)="https?:' "$out/stats.html" "$out/class.html"; then
  echo "render-stats: a page refers to the network" >&2
  exit 1
fi
echo "wrote $out/stats.html, stats.png, stats.pdf, class.html, class.png" >&2
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 50 "$out/stats.pdf" "$out/stats-page"
  echo "print pages: $(ls "$out"/stats-page-*.png | wc -l) ($out/stats-page-N.png)" >&2
fi
