#!/usr/bin/env python3
"""Draw N cards at random (fixed seed) from a deck for the quality protocol (docs/quality-protocol.md).
Usage: scripts/quality-sample.py Decks/soviet-japanese-war-1945.json [N] [SEED]"""
import json, random, sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 60
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
cards = json.load(open(path, encoding="utf-8"))["cards"]
for i, c in enumerate(random.Random(seed).sample(cards, min(n, len(cards))), 1):
    opts = " | ".join(c["choices"])
    extra = f"  {{{opts}}}" if opts else ""
    print(f"{i:2}. [{c['kind']}] {c['prompt']}\n    => {c['answer']}{extra}{'  [conflict]' if c.get('conflict') else ''}")
