"""Helper of compare-reference.sh: times py-fsrs replay and the fsrs-rs fit on a revlog CSV and
prints them beside Mnemo's figures (a JSON line from `MnemoBench reference-figures`)."""
import csv
import json
import math
import statistics
import sys
import time
from collections import defaultdict
from datetime import datetime, timezone

import fsrs
import fsrs_rs_python as rs

path, ours = sys.argv[1], json.loads(sys.argv[2])
rows = []
with open(path, newline="") as f:
    for r in csv.DictReader(f):
        rows.append((int(r["review_time"]), r["card_id"], int(r["review_rating"])))
rows.sort(key=lambda r: r[0])

# py-fsrs: replay every review (fuzz on, as Mnemo's replay).
scheduler = fsrs.Scheduler()
times = []
for _ in range(3):
    cards = {}
    start = time.process_time()
    for ms, cid, rating in rows:
        card = cards.get(cid) or fsrs.Card()
        when = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
        cards[cid], _ = scheduler.review_card(card, fsrs.Rating(rating), review_datetime=when)
    times.append(time.process_time() - start)
py_rate = len(rows) / statistics.median(times)

# fsrs-rs: items as the reference README describes (04:00 UTC rollover, delta_t > 0, 80/20 by time).
history = defaultdict(list)
items = []  # (time, card index, FSRSItem)
card_index = {}
for ms, cid, rating in rows:
    day = (ms - 4 * 3_600_000) // 86_400_000
    h = history[cid]
    delta = day - h[-1][0] if h else 0
    if h and delta > 0:
        raw = [(r, d) for (_, r, d) in h] + [(rating, delta)]
        item = rs.FSRSItem([rs.FSRSReview(r, d) for r, d in raw])
        items.append((ms, card_index.setdefault(cid, len(card_index)), item, raw))
    h.append((day, rating, delta))
items.sort(key=lambda x: x[0])
cut = int(len(items) * 0.8)
train, test = items[:cut], items[cut:]
model = rs.FSRS(rs.DEFAULT_PARAMETERS)
fit_times = []
for _ in range(3):
    start = time.process_time()
    params = model.compute_parameters([x[2] for x in train], card_ids=[x[1] for x in train])
    fit_times.append(time.process_time() - start)
evaluation = rs.FSRS(params).evaluate([x[2] for x in test])
rs_fit = statistics.median(fit_times)


def held_out(w):
    """Log loss and RMSE(bins) on the test items, computed as the reference README says (f64)."""
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1

    def r(t, s):
        return (1 + factor * t / s) ** decay

    def step(s, d, t, g):
        if t == 0:
            inc = math.exp(w[17] * (g - 3 + w[18])) * s ** -w[19]
            s2 = s * (max(inc, 1) if g >= 2 else inc)
        elif g == 1:
            s2 = min(w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp(w[14] * (1 - r(t, s))),
                     s / math.exp(w[17] * w[18]))
        else:
            s2 = s * (1 + math.exp(w[8]) * (11 - d) * s ** -w[9] * (math.exp(w[10] * (1 - r(t, s))) - 1)
                      * (w[15] if g == 2 else 1) * (w[16] if g == 4 else 1))
        d2 = d + (10 - d) * (-w[6] * (g - 3)) / 9
        d2 = min(max(w[7] * (w[4] - math.exp(3 * w[5]) + 1) + (1 - w[7]) * d2, 1), 10)
        return min(max(s2, 0.001), 36500), d2

    loss, bins = 0.0, defaultdict(lambda: [0, 0.0, 0.0])
    for *_, revs in test:
        g0 = revs[0][0]
        s, d = max(w[g0 - 1], 0.001), min(max(w[4] - math.exp(w[5] * (g0 - 1)) + 1, 1), 10)
        for g, t in revs[1:-1]:
            s, d = step(s, d, t, g)
        g, t = revs[-1]
        p = min(max(r(t, s), 1e-7), 1 - 1e-7)
        y = 1 if g > 1 else 0
        loss -= y * math.log(p) + (1 - y) * math.log(1 - p)
        n = sum(1 for _, dt in revs if dt > 0) + 1
        lapses = sum(1 for gg, dt in revs[:-1] if gg == 1 and dt > 0)
        key = (round(2.48 * 3.62 ** math.floor(math.log(t, 3.62)) * 100),
               round(1.99 * 1.89 ** math.floor(math.log(n, 1.89))),
               0 if lapses == 0 else round(1.65 * 1.73 ** math.floor(math.log(lapses, 1.73))))
        b = bins[key]
        b[0] += 1
        b[1] += p
        b[2] += y
    rmse = math.sqrt(sum(c * (ps / c - ys / c) ** 2 for c, ps, ys in bins.values()) / len(test))
    return loss / len(test), rmse


rs_loss, rs_rmse = held_out(list(params))
default_loss, default_rmse = held_out(list(rs.DEFAULT_PARAMETERS))

print(f"review log: {path} ({len(rows)} reviews; {len(train)} train / {len(test)} test items)")
print(f"replay   Mnemo {ours['replay_reviews_per_second']:,.0f} reviews/s   py-fsrs {py_rate:,.0f} reviews/s   "
      f"ratio {ours['replay_reviews_per_second'] / py_rate:.1f}x")
print(f"fit      Mnemo {ours['fit_seconds']:.3f} s   fsrs-rs {rs_fit:.3f} s   ratio (fsrs-rs / Mnemo) {rs_fit / ours['fit_seconds']:.2f}")
print(f"held-out log loss   Mnemo {ours['log_loss_fitted']:.4f}   fsrs-rs {rs_loss:.4f}   defaults {ours['log_loss_default']:.4f}")
print(f"held-out RMSE(bins) Mnemo {ours['rmse_bins_fitted']:.4f}   fsrs-rs {rs_rmse:.4f}   defaults {ours['rmse_bins_default']:.4f}")
print(f"(this script's evaluator on the defaults: {default_loss:.4f} / {default_rmse:.4f}; Mnemo's: "
      f"{ours['log_loss_default']:.4f} / {ours['rmse_bins_default']:.4f})")
print(f"(fsrs-rs's own evaluate() on the held-out items: log loss {evaluation.log_loss:.4f}, RMSE {evaluation.rmse_bins:.4f})")
print("fsrs-rs parameters: " + ", ".join(f"{x:.4f}" for x in params))
