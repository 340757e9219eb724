#!/usr/bin/env bash
# `mnemo build` benchmarks, by hand (release build):
#   bash Benchmarks/build-throughput.sh [SIZES_MB...]     default: 10 50 100
# 1. The five shared sources, whole process: median wall and CPU of 11 runs (budget 0.2 s wall).
# 2. Throughput on varied corpora written by Benchmarks/make-corpus.py (seeded; one core):
#    median of 3 runs of CPU seconds (user+sys) and MB/s per CPU second, and peak RSS, per size.
# Prints the load average first: the machine is shared, so wall times wander with it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product mnemo >/dev/null
bin="$(swift build -c release --show-bin-path)/mnemo"
sources="${MNEMO_BENCH_SOURCES:-../shared/sources}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# One run: prints "wall cpu rss_kb".
run() { /usr/bin/time -f "%e %U %S %M" "$bin" build "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1, $2 + $3, $4}'; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

mkdir -p "$work/five"
for _ in $(seq 11); do run "$sources" -o "$work/five/deck.json"; done > "$work/five.txt"
echo "five sources, whole process, median of 11: $(awk '{print $1}' "$work/five.txt" | median) s wall," \
  "$(awk '{print $2}' "$work/five.txt" | median) s CPU (budget 0.2 s wall)"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 50 100)
for mb in "${sizes[@]}"; do
  python3 Benchmarks/make-corpus.py "$work/corpus-$mb" "$mb" 2026 "$sources" >/dev/null
  bytes=$(cat "$work/corpus-$mb"/*.txt | wc -c)
  for _ in 1 2 3; do run "$work/corpus-$mb" -o "$work/deck-$mb.json" --max-cards 2000; done > "$work/c$mb.txt"
  cpu=$(awk '{print $2}' "$work/c$mb.txt" | median)
  rss=$(awk '{print $3}' "$work/c$mb.txt" | median)
  awk -v b="$bytes" -v c="$cpu" -v r="$rss" -v w="$(awk '{print $1}' "$work/c$mb.txt" | median)" \
    'BEGIN {printf "varied corpus %.1f MB: %.2f s CPU, %.2f s wall, %.2f MB/s per CPU second, peak RSS %.0f MB (median of 3; target 10 MB/s, memory flat)\n", b / 1e6, c, w, b / 1e6 / c, r / 1024}'
  rm -rf "$work/corpus-$mb"
done
