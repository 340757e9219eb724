"""Checks Mnemo's Anki exchange against the real `anki` library (run by scripts/anki-check.sh).

1. `mnemo export --format anki`: Anki imports the package; card count, fields, tags, and a
   cloze card renders with its blank on the front and the answer on the back.
2. `mnemo export --format csv`: Anki's text importer takes every row.
3. A deck made here with the anki library, exported as notes text and as a legacy .apkg,
   imports into mnemo with every note (cloze notes give one card per deletion).
4. A package in Anki's newer format (collection.anki21b) is refused with a message naming it.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)

MNEMO, DECK = sys.argv[1], sys.argv[2]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def mnemo(*args):
    return subprocess.run([MNEMO, *args], capture_output=True, text=True)


def fresh(tmp, name):
    return Collection(os.path.join(tmp, name + ".anki2"))


deck = json.load(open(DECK, encoding="utf-8"))
cards = deck["cards"]
tmp = tempfile.mkdtemp(prefix="mnemo-anki-check-")

# 1. Our .apkg into Anki.
apkg = os.path.join(tmp, "deck.apkg")
run = mnemo("export", DECK, "--format", "anki", "-o", apkg)
check(run.returncode == 0, f"mnemo export --format anki ({run.stderr.strip()})")
col = fresh(tmp, "import-apkg")
request = ImportAnkiPackageRequest(package_path=apkg, options=ImportAnkiPackageOptions(with_scheduling=False))
log = col.import_anki_package(request)
check(col.note_count() == len(cards), f"Anki imported {col.note_count()} notes of {len(cards)}")
check(col.card_count() == len(cards), f"Anki made {col.card_count()} cards of {len(cards)}")
names = sorted(m["name"] for m in col.models.all())
check({"Mnemo Basic", "Mnemo Cloze", "Mnemo Choice"} <= set(names), f"note types present: {names}")
by_guid = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
check(set(by_guid) == {c["id"] for c in cards}, "every note's guid is its Mnemo card id")
cloze = next(c for c in cards if c["kind"] == "cloze" and c["language"] == "en")
note = by_guid[cloze["id"]]
check("{{c1::" + cloze["answer"] in note["Text"], f"cloze Text field: {note['Text']!r}")
check(cloze["evidence"][0]["quote"] in note["Source"].replace("&#39;", "'"), "cloze Source field quotes the sentence")
check(sorted(note.tags) == sorted(cloze["tags"]), f"tags {note.tags}")
card = note.cards()[0]
question, answer = card.question(), card.answer()
visible_front = re.sub(r"<style>.*?</style>|<[^>]+>", "", question, flags=re.S)
visible_back = re.sub(r"<style>.*?</style>|<[^>]+>", "", answer, flags=re.S)
check("[" in visible_front and cloze["answer"] not in visible_front, "cloze front shows the blank, not the answer")
check(cloze["answer"] in visible_back and 'class="cloze"' in answer, "cloze back shows the answer")
print("     front:", " ".join(question.split("</style>")[-1].split())[:160])
print("     back: ", " ".join(answer.split("</style>")[-1].split())[:200])
choice = next((c for c in cards if c["kind"] == "choice"), None)
if choice:
    n = by_guid[choice["id"]]
    check(n["Answer"] == choice["answer"] and all(o in n["Options"] for o in choice["choices"]), "choice note fields")
arabic = next((c for c in cards if c["language"] == "ar"), None)
if arabic:
    check('dir="auto"' in by_guid[arabic["id"]].cards()[0].question(), "Arabic card renders with dir=auto")
col.close()

# 1b. Importing the same package again updates, it does not duplicate.
col = fresh(tmp, "import-apkg")
col.import_anki_package(request)
check(col.note_count() == len(cards), f"re-import keeps {col.note_count()} notes (guids stable)")
col.close()

# 2. Our CSV into Anki's text importer.
csv_path = os.path.join(tmp, "deck.csv")
run = mnemo("export", DECK, "--format", "csv", "-o", csv_path)
check(run.returncode == 0, "mnemo export --format csv")
col = fresh(tmp, "import-csv")
metadata = col.get_csv_metadata(csv_path, None)
log = col.import_csv(ImportCsvRequest(path=csv_path, metadata=metadata))
check(col.note_count() == len(cards), f"Anki text import took {col.note_count()} notes of {len(cards)}")
clozes = col.find_notes("note:Cloze")
check(len(clozes) == sum(1 for c in cards if c["kind"] == "cloze"), f"{len(clozes)} rows became Cloze notes")
if clozes:
    print("     csv cloze renders:", " ".join(col.get_note(clozes[0]).cards()[0].answer().split("</style>")[-1].split())[:160])
col.close()

# 3. A deck made with the anki library, into mnemo.
col = fresh(tmp, "made")
basic = col.models.by_name("Basic")
cloze_type = col.models.by_name("Cloze")
made = [
    ("Basic", ["Capital of <b>France</b>?", "Paris"], ["geo"]),
    ("Basic", ["Year the Yalta Conference met", "1945"], ["history", "yalta"]),
    ("Basic", ['A field with "quotes", commas; and\ttabs', "answer &amp; more"], []),
    ("Basic", ["في أي عام غزا الاتحاد السوفيتي منشوريا؟", "1945"], ["ar"]),
    ("Cloze", ["The war ended in {{c1::1945}}.", ""], ["history"]),
    ("Cloze", ["{{c1::Stalin}} met {{c2::Roosevelt}} at {{c3::Yalta::place}}.", "Extra text"], []),
]
expected_cards = 0
for kind, fields, tags in made:
    n = col.new_note(basic if kind == "Basic" else cloze_type)
    for i, value in enumerate(fields):
        n.fields[i] = value
    n.tags = tags
    col.add_note(n, col.decks.id("Made in Anki"))
    expected_cards += 1 if kind == "Basic" else fields[0].count("{{c")
text_export = os.path.join(tmp, "made.txt")
col.export_note_csv(out_path=text_export, limit=None, with_html=True, with_tags=True, with_deck=True,
                    with_notetype=True, with_guid=True)
legacy = os.path.join(tmp, "made.apkg")
col.export_anki_package(out_path=legacy, options=ExportAnkiPackageOptions(
    with_scheduling=False, with_media=False, legacy=True), limit=None)
newer = os.path.join(tmp, "made-newer.apkg")
col.export_anki_package(out_path=newer, options=ExportAnkiPackageOptions(
    with_scheduling=False, with_media=False, legacy=False), limit=None)
col.close()
print("     text export header:", open(text_export, encoding="utf-8").read().split("\n")[:7])
for path in (text_export, legacy):
    out = os.path.join(tmp, os.path.basename(path) + ".json")
    run = mnemo("import", path, "-o", out, "--json")
    check(run.returncode == 0, f"mnemo import {os.path.basename(path)} ({run.stderr.strip()})")
    if run.returncode == 0:
        summary = json.loads(run.stdout)
        imported = json.load(open(out, encoding="utf-8"))
        check(summary["cards"] == expected_cards and summary["skipped"] == 0,
              f"{os.path.basename(path)}: {summary['cards']} cards of {expected_cards}, {summary['skipped']} skipped")
        prompts = {c["prompt"]: c for c in imported["cards"]}
        check("Capital of France?" in prompts and prompts["Capital of France?"]["answer"] == "Paris",
              "HTML stripped from fields")
        check(any(c["prompt"] == "[place] met Roosevelt at Yalta." or c["prompt"] == "Stalin met Roosevelt at [place]." for c in imported["cards"]),
              "cloze deletions become cloze cards with the hint as the blank")
        check(sorted(prompts["Capital of France?"]["tags"]) == ["geo"], "tags kept")
        ar = [c for c in imported["cards"] if c["language"] == "ar"]
        check(len(ar) == 1, "the Arabic card is marked ar")
run = mnemo("import", newer, "-o", os.path.join(tmp, "newer.json"))
check(run.returncode != 0 and "anki21b" in run.stderr, f"newer package refused: {run.stderr.strip()}")

# The scratch folder goes when every check passed; after a failure it stays for a look.
if failures:
    print(f"\n{len(failures)} failed (files kept in {tmp})")
else:
    shutil.rmtree(tmp, ignore_errors=True)
    print("\nall Anki checks passed")
sys.exit(1 if failures else 0)
