#!/usr/bin/env python3
"""Writes a varied corpus for the `mnemo build` throughput benchmark.

    python3 Benchmarks/make-corpus.py OUT_DIR MEGABYTES [SEED] [SOURCES_DIR]

Files of about 1 MB, no two alike and no sentence copied from file to file (the earlier
generator shifted one counter per file, so nine tenths of every file repeated the one before,
and the line cleaner dropped most of it as repeated lines). Each file mixes:
- copies of the five shared sources with every number changed (years shifted, days, counts and
  percentages drawn anew) and names swapped, boilerplate lines (cookie notices, breadcrumbs) kept
  as web pages repeat them;
- generated history prose from about thirty sentence patterns (dates in every order, ranges,
  decades, figures with qualifiers and units, titled people, treaties and operations), with plain
  sentences holding no fact between them (about two in five sentences hold one);
- generated Arabic prose (a tenth), with both month-name systems and Arabic-Indic digits.
Same arguments, same bytes.
"""

import os
import random
import re
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_SHORT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
             "ديسمبر"]
AR_LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]
TITLES = ["Marshal", "General", "Admiral", "Emperor", "President", "Premier", "King", "Prince", "Colonel",
          "Minister", "Chancellor", "Governor"]
SURNAMES = ["Zhukov", "Vasilevsky", "Malinovsky", "Yamada", "Tojo", "Suzuki", "Truman", "Attlee", "Chiang",
            "Konev", "Meretskov", "Purkayev", "Umezu", "Togo", "Anami", "Kido", "Marshall", "Nimitz", "Halsey",
            "Leahy", "Byrnes", "Molotov", "Beria", "Sato", "Hata", "Itagaki", "Doihara", "Kuribayashi", "Ushijima",
            "Yamashita", "Homma", "Terauchi", "Okamura", "Ozawa", "Kurita", "Nagumo", "Yonai", "Konoe", "Hirota",
            "Matsuoka", "Kennan", "Harriman", "Stimson", "Forrestal", "Eden", "Bevin", "Mountbatten", "Slim",
            "Wingate", "Auchinleck", "Wavell", "Percival", "Blamey", "MacArthur", "Eichelberger", "Krueger"]
PLACES = ["Manchuria", "Sakhalin", "Harbin", "Mukden", "Port Arthur", "Dairen", "Vladivostok", "Khabarovsk",
          "Chita", "Hailar", "Mudanjiang", "Jiamusi", "Qiqihar", "Changchun", "Pyongyang", "Seoul", "Hamhung",
          "Wonsan", "Chongjin", "Rashin", "Toyohara", "Maoka", "Shumshu", "Paramushir", "Etorofu", "Kunashiri",
          "Shikotan", "Hokkaido", "Okinawa", "Iwo Jima", "Saipan", "Tinian", "Guam", "Leyte", "Luzon", "Mindanao",
          "Borneo", "Burma", "Mandalay", "Rangoon", "Imphal", "Kohima", "Singapore", "Malaya", "Java", "Sumatra",
          "Rabaul", "Bougainville", "Guadalcanal", "Midway", "Nanking", "Shanghai", "Chongqing", "Wuhan",
          "Changsha", "Guilin", "Kunming", "Yunnan", "Mongolia", "Ulan Bator", "Irkutsk", "Kamchatka"]
RIVERS = ["Amur", "Ussuri", "Sungari", "Nonni", "Argun", "Yalu", "Tumen", "Khalkhin", "Liao", "Irrawaddy",
          "Salween", "Yangtze", "Mekong", "Chindwin"]
EVENT_HEADS = ["Offensive", "Campaign", "Operation", "Conference", "Treaty", "Pact", "Agreement", "Declaration",
               "Convention", "Battle"]
NAME_WORDS = ["August", "Northern", "Eastern", "Pacific", "Amur", "Harbin", "Mukden", "Kuril", "Sakhalin",
              "Ichi-Go", "Olympic", "Coronet", "Downfall", "Starvation", "Iceberg", "Forager", "Cartwheel",
              "Potsdam", "Cairo", "Tehran", "Moscow", "Yalta", "Portsmouth", "Shimoda", "Nerchinsk", "Aigun",
              "Peking", "Tientsin", "Kanagawa", "Versailles", "Washington", "London", "Geneva", "San Francisco"]
COUNTED = [("troops", 1000, 2_000_000), ("soldiers", 100, 1_500_000), ("prisoners", 100, 800_000),
           ("tanks", 10, 6000), ("aircraft", 10, 5000), ("guns", 50, 30000), ("ships", 2, 900),
           ("civilians", 100, 3_000_000), ("refugees", 100, 2_000_000), ("workers", 50, 500_000),
           ("divisions", 2, 90), ("brigades", 2, 60), ("tons of supplies", 100, 900_000),
           ("kilometres of railway", 10, 9000), ("bombers", 5, 1200), ("casualties", 100, 900_000),
           ("villages", 2, 400), ("factories", 2, 300), ("miles", 5, 3000), ("experts", 5, 5000)]
DURATIONS = ["days", "weeks", "months", "years", "hours"]
QUALIFIERS = ["", "", "", "more than ", "nearly ", "about ", "almost ", "at least ", "some ", "over ",
              "fewer than ", "roughly ", "up to "]
VERBS_PAST = ["captured", "occupied", "crossed", "reached", "defended", "abandoned", "surrounded", "bombed",
              "liberated", "entered", "fortified", "evacuated", "shelled", "blockaded", "besieged"]
GROUPS = ["the Red Army", "the Kwantung Army", "the Soviet Union", "Japan", "the United States", "China",
          "the Allies", "the Imperial Navy", "the Pacific Fleet", "the Transbaikal Front", "the First Far Eastern Front",
          "the Second Far Eastern Front", "Mongolian cavalry", "the Chinese Nationalists", "the Communist guerrillas",
          "the British Commonwealth", "the Korean resistance", "the Manchukuo government"]
PLAIN = [
    "The weather that season was harsh, and the roads were little more than tracks.",
    "Historians still argue about what the leaders knew and when they knew it.",
    "The archives of that period were opened only decades later.",
    "Supply lines stretched across mountains, marshes and open steppe.",
    "Many of the soldiers had never seen the sea before they reached the coast.",
    "Letters from the front describe hunger, cold and long marches at night.",
    "The decision was taken in secret, and few officers were told of it in advance.",
    "Local people fled to the hills or hid in the cellars of their houses.",
    "Rumours travelled faster than the official reports did.",
    "The railway was the only way to move heavy equipment across the region.",
    "Diplomats on both sides kept talking even as the fighting went on.",
    "The newspapers of the time printed very different accounts of the same events.",
    "Some units arrived late because bridges had been destroyed by retreating troops.",
    "After the war, the memory of these battles shaped the politics of the region.",
    "Maps drawn by the staff officers often showed roads that no longer existed.",
    "Radio messages were intercepted, decoded and sent on to the capital within hours.",
    "The commanders disagreed about how quickly the advance should go.",
    "Families were separated, and many did not find each other again for years.",
    "Food was scarce in the cities, and prices rose every week.",
    "The treaty left many questions open, and some of them are still unresolved.",
]
CONNECT = ["", "", "", "However, ", "Meanwhile, ", "Later, ", "At the same time, ", "In the end, ",
           "According to the official history, ", "By contrast, ", "Shortly afterwards, "]
BOILER = [
    "We use cookies to improve your experience. By continuing you consent to our cookie policy.",
    "Home > History > Second World War > Asia",
    "Published: {y}-{m:02d}-{d:02d} 10:{mi:02d}",
    "Related news",
    "Read also: The end of the war in the Pacific",
    "Share this article on social media",
    "All rights reserved © {y2} History Online",
    "نستخدم ملفات تعريف الارتباط لتحسين تجربتك. بمتابعة التصفح فإنك توافق على استخدام الكوكيز.",
    "الرئيسية > تاريخ > الحرب العالمية الثانية",
    "اقرأ أيضا: نهاية الحرب في المحيط الهادئ",
]
AR_SUBJECTS = ["الجيش الأحمر", "الاتحاد السوفيتي", "اليابان", "الولايات المتحدة", "الحلفاء", "جيش كوانتونغ",
               "القوات الصينية", "الأسطول السوفيتي"]
AR_PLACES = ["منشوريا", "سخالين", "كوريا", "هاربين", "موكدن", "فلاديفوستوك", "جزر الكوريل", "منغوليا", "بكين",
             "شنغهاي", "طوكيو", "هيروشيما", "ناغازاكي", "أوكيناوا"]
AR_VERBS = ["دخل", "احتل", "عبر", "حاصر", "قصف", "حرر", "هاجم", "غادر"]
AR_COUNTED = ["جندي", "أسير", "دبابة", "طائرة", "مدفع", "لاجئ"]
AR_EVENTS = ["عملية", "معركة", "اتفاقية", "مؤتمر"]
AR_PLAIN = [
    "كانت الطرق في تلك الفترة صعبة وطويلة.",
    "ما زال المؤرخون يختلفون حول ما عرفه القادة في ذلك الوقت.",
    "فتحت الأرشيفات بعد عقود طويلة من نهاية الحرب.",
    "هرب كثير من السكان إلى الجبال خوفا من القتال.",
    "نقلت الصحف روايات مختلفة عن الأحداث نفسها.",
]
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def spelled(n):
    words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    return words[n - 2] if 2 <= n <= 12 else str(n)


def figure(r, low, high):
    n = r.randint(low, high)
    style = r.random()
    if n >= 1_000_000 and style < 0.5:
        return f"{n / 1_000_000:.1f} million".replace(".0 ", " ")
    if n >= 10_000 and style < 0.3:
        return f"{n // 1000} thousand"
    if n >= 1000 and style < 0.8:
        return f"{n:,}"
    return str(n)


def date_text(r, year):
    m = r.randrange(12)
    d = r.randint(1, 28)
    form = r.randrange(6)
    if form == 0:
        return f"{MONTHS[m]} {d}, {year}"
    if form == 1:
        return f"{d} {MONTHS[m]} {year}"
    if form == 2:
        return f"{MONTHS_SHORT[m]} {d}, {year}"
    if form == 3:
        return f"the {d}{'th' if d > 3 else ['st', 'nd', 'rd'][d - 1]} of {MONTHS[m]} {year}"
    if form == 4:
        return f"{MONTHS[m]} {year}"
    return str(year)


def upper_first(s):
    return s[0].upper() + s[1:]


def person(r):
    return f"{r.choice(TITLES)} {r.choice(SURNAMES)}"


def event_name(r):
    head = r.choice(EVENT_HEADS)
    word = r.choice(NAME_WORDS)
    return f"the {word} {head}" if head not in ("Operation",) else f"Operation {word}"


def fact_sentence(r, year):
    text = fact_clause(r, year)
    c = r.choice(CONNECT)
    if c and not text.startswith(("The ", "President", "Marshal", "General", "Admiral", "Emperor", "Premier", "King",
                                  "Prince", "Colonel", "Minister", "Chancellor", "Governor")):
        text = text[0].lower() + text[1:]
    return c + text


def fact_clause(r, year):
    c = ""
    k = r.randrange(16)
    noun, low, high = r.choice(COUNTED)
    q = r.choice(QUALIFIERS)
    if k == 0:
        return f"{c}On {date_text(r, year)}, {person(r)} ordered {q}{figure(r, low, high)} {noun} to move towards {r.choice(PLACES)}."
    if k == 1:
        return f"{c}{upper_first(r.choice(GROUPS))} {r.choice(VERBS_PAST)} {r.choice(PLACES)} in {date_text(r, year)}."
    if k == 2:
        return f"{c}The fighting near {r.choice(PLACES)} lasted {spelled(r.randint(2, 12)) if r.random() < 0.4 else r.randint(2, 90)} {r.choice(DURATIONS)} and cost {q}{figure(r, 100, 90000)} lives."
    if k == 3:
        return f"{c}{upper_first(event_name(r))} was signed on {date_text(r, year)} by {r.choice(GROUPS)} and {r.choice(GROUPS)}."
    if k == 4:
        return f"{c}By {year}, {r.choice(GROUPS)} had {q}{figure(r, low, high)} {noun} in {r.choice(PLACES)}."
    if k == 5:
        y2 = year + r.randint(1, 6)
        return f"{c}From {year} to {y2}, {person(r)} commanded the garrison at {r.choice(PLACES)}."
    if k == 6:
        return f"{c}In the {year // 10 * 10}s, the region around the {r.choice(RIVERS)} River was settled by {q}{figure(r, 1000, 900000)} colonists."
    if k == 7:
        return f"{c}About {r.randint(3, 97)}% of the {noun} were lost in the first {spelled(r.randint(2, 12))} days of {event_name(r)}."
    if k == 8:
        return f"{c}{person(r)} arrived in {r.choice(PLACES)} on {date_text(r, year)}, two days after {event_name(r)} began."
    if k == 9:
        return f"{c}The {r.choice(RIVERS)} River was crossed on {date_text(r, year)} by {q}{figure(r, low, high)} {noun}."
    if k == 10:
        return f"{c}In {MONTHS[r.randrange(12)]}, {r.choice(GROUPS)} {r.choice(VERBS_PAST)} {r.choice(PLACES)} with {figure(r, low, high)} {noun}."
    if k == 11:
        return f"{c}The {r.randint(2, 20)}th century saw {r.choice(PLACES)} change hands several times."
    if k == 12:
        return f"{c}{upper_first(event_name(r))}, held in {r.choice(PLACES)} in {year}, settled the border for a generation."
    if k == 13:
        d1 = r.randint(1, 14)
        return f"{c}From {d1} {MONTHS[r.randrange(12)]} {year} to {d1 + r.randint(1, 14)} {MONTHS[r.randrange(12)]} {year + r.randint(0, 2)}, {r.choice(GROUPS)} held {r.choice(PLACES)}."
    if k == 14:
        return f"{c}{person(r)} was born in {r.choice(PLACES)} in {year - r.randint(30, 70)} and died there in {year + r.randint(1, 30)}."
    return f"{c}Production reached {q}{figure(r, 10, 900000)} {noun} a year by {year}, {r.randint(2, 9)} times the figure of {year - r.randint(3, 12)}."


def plain_sentence(r):
    text = r.choice(PLAIN)
    if r.random() < 0.5:
        text = text.replace("the region", r.choice(["the region", "the valley of the " + r.choice(RIVERS),
                                                    r.choice(PLACES), "the border country"]))
        text = text.replace("the front", "the front near " + r.choice(PLACES))
        text = text.replace("the capital", r.choice(["the capital", r.choice(PLACES), "headquarters"]))
    return text


def arabic_sentence(r, year):
    k = r.randrange(5)
    digits = (lambda s: s.translate(ARABIC_DIGITS)) if r.random() < 0.3 else (lambda s: s)
    months = AR_LEVANT if r.random() < 0.5 else AR_MONTHS
    m = r.randrange(12)
    if k == 0:
        return f"في {digits(str(r.randint(1, 28)))} {months[m]} {digits(str(year))} {r.choice(AR_VERBS)} {r.choice(AR_SUBJECTS)} {r.choice(AR_PLACES)}."
    if k == 1:
        return f"في عام {digits(str(year))} {r.choice(AR_VERBS)} {r.choice(AR_SUBJECTS)} مدينة {r.choice(AR_PLACES)} بعد قتال طويل."
    if k == 2:
        return f"شارك أكثر من {digits(str(r.randint(2, 900) * 1000))} {r.choice(AR_COUNTED)} في {r.choice(AR_EVENTS)} {r.choice(AR_PLACES)}."
    if k == 3:
        return f"مع بداية شهر {months[m]} من عام {digits(str(year))} بدأت {r.choice(AR_EVENTS)} {r.choice(AR_PLACES)}."
    return r.choice(AR_PLAIN)


def perturb_source(r, text):
    shift = r.randint(-80, 40)
    names = {s: r.choice(SURNAMES) for s in ["Stalin", "Truman", "Roosevelt", "Churchill", "Vasilevsky", "Zhukov"]}

    def number(m):
        s = m.group(0)
        digits = s.replace(",", "")
        if not digits.isdigit():
            return s
        n = int(digits)
        if 1800 <= n <= 2030:
            return str(n + shift)
        if n <= 31:
            return str(r.randint(1, 28))
        v = max(2, int(n * r.uniform(0.5, 1.8)))
        return f"{v:,}" if "," in s else str(v)

    out = re.sub(r"\d[\d,]*\d|\d", number, text)
    for old, new in names.items():
        out = out.replace(old, new)
    return out


def make_file(r, sources):
    parts = []
    size = 0
    boiler = [b.format(y=r.randint(1998, 2024), m=r.randint(1, 12), d=r.randint(1, 28), mi=r.randint(0, 59),
                       y2=r.randint(2010, 2025)) for b in BOILER]
    while size < 1_000_000:
        roll = r.random()
        if roll < 0.3 and sources:
            block = perturb_source(r, r.choice(sources))
        else:
            arabic = roll > 0.9
            year = r.randint(1850, 1990)
            sentences = []
            for _ in range(r.randint(3, 8)):
                if arabic:
                    sentences.append(arabic_sentence(r, year))
                elif r.random() < 0.4:
                    sentences.append(fact_sentence(r, year))
                else:
                    sentences.append(plain_sentence(r))
                year += r.randint(0, 2)
            block = " ".join(sentences) + "\n"
            if r.random() < 0.15:
                block = r.choice(boiler) + "\n" + block
        parts.append(block)
        size += len(block.encode("utf-8"))
    return "".join(parts)


def main():
    out = sys.argv[1]
    megabytes = int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    src = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "sources")
    sources = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src)) if f.endswith(".txt")]
    os.makedirs(out, exist_ok=True)
    r = random.Random(seed)
    total = 0
    index = 0
    while total < megabytes * 1_000_000:
        text = make_file(r, sources)
        with open(os.path.join(out, f"corpus-{index:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
        index += 1
    print(f"{out}: {index} files, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
