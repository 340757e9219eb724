#!/usr/bin/env bash
# Done-means check for `mnemo reviews import` (issue #7): imports a revlog CSV into a fresh progress
# folder (against a generated deck with one card per card_id, mapped with --card-ids index), lists
# the cards with `mnemo cards --json`, and checks that each sampled card's stability and difficulty
# equal what py-fsrs 6.3.2 gives replaying the same reviews (default parameters; fuzz and learning
# steps do not touch memory states, SPEC.md §3-4).
# Usage (from anywhere): bash scripts/check-import-vs-pyfsrs.sh [FILE.csv] [SAMPLE]   (SAMPLE: cards checked, default 300; 0 = all)
set -euo pipefail
cd "$(dirname "$0")/.."
csv="$(realpath "${1:-../shared/reference/fsrs/synthetic-revlog.csv}")"
sample="${2:-300}"
venv=.build/pyfsrs-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "fsrs==6.3.2"
fi
swift build --product mnemo >&2
mnemo="$(swift build --show-bin-path)/mnemo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A deck with one card per distinct card_id, in numeric order (card n is the n-th card).
"$venv/bin/python" - "$csv" "$work/deck.json" <<'PY'
import csv, json, sys
ids = sorted({int(r["card_id"]) for r in csv.DictReader(open(sys.argv[1]))})
assert ids == list(range(len(ids))), "card_id must be 0..N-1 for --card-ids index"
cards = [{"id": f"synthetic-{i:05d}", "kind": "question", "prompt": f"Synthetic card {i}?", "answer": str(i)} for i in ids]
json.dump({"formatVersion": 1, "id": "synthetic", "title": "Synthetic revlog cards", "cards": cards}, open(sys.argv[2], "w"))
PY

start=$(date +%s.%N)
# The synthetic log runs to late 2026: "now" is just after its last review (hidden --now).
last_ms=$(tail -n 1 "$csv" | cut -d, -f2)
now=$(date -u -d "@$(( last_ms / 1000 + 60 ))" +%Y-%m-%dT%H:%M:%SZ)
"$mnemo" reviews import "$csv" --deck "$work/deck.json" --card-ids index --progress "$work/progress" --now "$now"
end=$(date +%s.%N)
echo "import took $(echo "$end - $start" | bc) s (debug build, wall clock)" >&2
"$mnemo" cards "$work/deck.json" --progress "$work/progress" --json > "$work/cards.json"

"$venv/bin/python" - "$csv" "$work/cards.json" "$sample" <<'PY'
import csv, json, random, sys
from collections import defaultdict
from datetime import datetime, timezone
from fsrs import Scheduler, Card, Rating

csv_path, cards_path, sample = sys.argv[1], sys.argv[2], int(sys.argv[3])
reviews = defaultdict(list)
for r in csv.DictReader(open(csv_path)):
    reviews[int(r["card_id"])].append((int(r["review_time"]), int(r["review_rating"])))
ours = {c["id"]: c for c in json.load(open(cards_path))["cards"]}
ids = sorted(reviews)
if sample and sample < len(ids):
    ids = sorted(random.Random(7).sample(ids, sample))
scheduler = Scheduler(enable_fuzzing=False)
worst_s = worst_d = 0.0
bad = 0
for i in ids:
    card = Card(card_id=i)
    for ms, rating in reviews[i]:
        when = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=when)
    mine = ours[f"synthetic-{i:05d}"]
    ds = abs(mine["stability"] - card.stability) / card.stability
    dd = abs(mine["difficulty"] - card.difficulty) / card.difficulty
    worst_s, worst_d = max(worst_s, ds), max(worst_d, dd)
    if ds > 1e-9 or dd > 1e-9 or mine["reps"] != len(reviews[i]):
        bad += 1
        if bad <= 5:
            print(f"card {i}: mnemo S {mine['stability']!r} D {mine['difficulty']!r} reps {mine['reps']}; "
                  f"py-fsrs S {card.stability!r} D {card.difficulty!r} reps {len(reviews[i])}")
n = sum(len(reviews[i]) for i in ids)
print(f"checked {len(ids)} cards ({n} reviews) against py-fsrs 6.3.2: {len(ids) - bad} equal, {bad} differ; "
      f"largest relative difference: stability {worst_s:.3g}, difficulty {worst_d:.3g}")
sys.exit(1 if bad else 0)
PY
