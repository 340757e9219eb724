#!/usr/bin/env bash
# Measures, in one run, Mnemo against the reference implementations on the same review log:
#   review replay: Mnemo's Scheduler vs py-fsrs 6.3.2 (pip `fsrs`)
#   optimizer:     Mnemo's Optimizer vs fsrs-rs (pip `fsrs-rs-python`), same 80/20 split
# and prints the ratios. Times are CPU time (thread CPU for Mnemo, process CPU for the Python side, so
# multi-threaded work counts in full). Makes a virtual environment in .build/reference-venv on first use.
# Usage (from the repository root): bash Benchmarks/compare-reference.sh [FILE.csv]
set -euo pipefail
cd "$(dirname "$0")/.."
csv="${1:-../shared/reference/fsrs/synthetic-revlog.csv}"
venv=.build/reference-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "fsrs==6.3.2" fsrs-rs-python
fi
swift build -c release --product MnemoBench >&2
ours=$(MNEMO_REVLOG="$csv" .build/release/MnemoBench reference-figures | tail -n 1)
"$venv/bin/python" Benchmarks/compare_reference.py "$csv" "$ours"
