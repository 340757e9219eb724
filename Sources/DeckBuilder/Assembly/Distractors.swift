import MnemoCore

/// Wrong options of the same type and scale: from the corpus first, then near neighbours.
/// Never the answer, never another source's reading of the same fact, never a value of the same clause.
struct Distractors {
    /// Dates of the corpus by language and granularity; figures by language and head noun.
    /// Each date with its normalized form, computed once (it is built anew at every read).
    private var dates: [String: [(date: DateValue, normalized: String)]] = [:]
    private var figures: [String: [NumberValue]] = [:]
    private var names: [String: [String]] = [:]

    init(groups: [FactGroup]) {
        var seenDates = Set<String>()
        var seenFigures = Set<String>()
        for g in groups {
            for r in g.readings {
                let c = r.candidate
                if let d = c.dateValue, d.year != nil, !d.yearFromContext {
                    let key = "\(c.language)|\(d.granularity.rawValue)"
                    let n = d.normalized
                    if seenDates.insert(key + n).inserted { dates[key, default: []].append((d, n)) }
                }
                if let n = c.nameValue {
                    let key = "\(c.language)|\(n.kind)|\(n.head)"
                    if seenFigures.insert("n|" + key + n.value).inserted { names[key, default: []].append(n.value) }
                }
                if let n = c.numberValue {
                    let key = "\(c.language)|\(n.isPercent ? "%" : n.head)"
                    if seenFigures.insert(key + n.normalized).inserted { figures[key, default: []].append(n) }
                }
            }
        }
        for k in dates.keys { dates[k]?.sort { $0.normalized < $1.normalized } }
        for k in figures.keys { figures[k]?.sort { $0.value < $1.value } }
        for k in names.keys { names[k]?.sort() }
    }

    /// Up to `count` wrong options for the group's primary reading, as display strings.
    func options(for g: FactGroup, count: Int) -> [String] {
        let c = g.primary
        var rng = SeededGenerator(seedString: g.factKey)
        var excluded = Set(g.readings.map { display($0.candidate, in: c) })
        excluded.formUnion(c.accepted)
        let answer = display(c, in: c)
        excluded.insert(answer)
        let clauseText = c.clausePrefix + c.clauseSuffix
        let readingDates = g.readings.compactMap { $0.candidate.dateValue?.normalized }
        var out: [String] = []
        func take(_ s: String) {
            guard out.count < count, !excluded.contains(s), !out.contains(s), !FastSearch.contains(clauseText, s) else {
                return
            }
            out.append(s)
        }
        // A date option that another reading falls within ("May 1945" when a source says "May 8, 1945") is also right.
        func takeDate(_ d: DateValue) {
            let n = d.normalized
            if readingDates.contains(where: { $0.hasPrefix(n + "-") || n.hasPrefix($0 + "-") }) { return }
            take(render(d, like: c))
        }
        if let d = c.dateValue {
            let key = "\(c.language)|\(d.granularity.rawValue)"
            let normalized = d.normalized
            var corpus = (dates[key] ?? []).filter { other in
                guard let y = other.date.year, let ky = d.year else { return false }
                return abs(y - ky) <= 12 && other.normalized != normalized
            }.map(\.date)
            corpus.shuffle(using: &rng)
            for o in corpus.prefix(2) { takeDate(o) }
            for o in neighbours(of: d, rng: &rng) { takeDate(o) }
        } else if let n = c.nameValue {
            var corpus = (names["\(c.language)|\(n.kind)|\(n.head)"] ?? []).filter { $0 != n.value }
            corpus.shuffle(using: &rng)
            for o in corpus { take(o) }
        } else if let n = c.numberValue {
            let key = "\(c.language)|\(n.isPercent ? "%" : n.head)"
            var corpus = (figures[key] ?? []).filter { o in
                o.value != n.value && o.value >= n.value / 4 && o.value <= n.value * 4
                    && (n.value >= 20) == (o.value >= 20)
            }
            corpus.shuffle(using: &rng)
            for o in corpus.prefix(2) { take(render(o.value, like: n)) }
            for v in neighbours(of: n.value, rng: &rng) { take(render(v, like: n)) }
        }
        return out
    }

    func display(_ r: FactCandidate, in c: FactCandidate) -> String {
        if let d = r.dateValue { return render(d, like: c) }
        if let n = r.numberValue { return render(n.value, like: c.numberValue ?? n) }
        return r.surfaceAnswer
    }

    func render(_ d: DateValue, like c: FactCandidate) -> String {
        let withYear = !(c.dateValue?.yearFromContext ?? false)
        return c.language == "ar"
            ? d.arabic(levantine: c.levantine, includeYear: withYear) : d.english(includeYear: withYear)
    }

    func render(_ v: Double, like n: NumberValue) -> String {
        let s = n.spelled ? NumberFormat.grouped(v) : NumberFormat.format(v, like: n.surface)
        return n.isPercent ? s + "%" : s
    }

    private func neighbours(of d: DateValue, rng: inout SeededGenerator) -> [DateValue] {
        var out: [DateValue] = []
        switch d.granularity {
        case .year:
            var offsets = [-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -7, 7, -10, 10]
            offsets.shuffle(using: &rng)
            for o in offsets { if let y = d.year { out.append(DateValue(granularity: .year, year: y + o)) } }
        case .month:
            var offsets = [-1, 1, -2, 2, -3, 3, -4, 4]
            offsets.shuffle(using: &rng)
            for o in offsets {
                guard let m = d.month, (1...12).contains(m + o) else { continue }
                out.append(DateValue(granularity: .month, year: d.year, month: m + o))
            }
        case .day:
            var offsets = [-1, 1, -2, 2, -3, 3]
            offsets.shuffle(using: &rng)
            for o in offsets {
                guard let m = d.month, (1...12).contains(m + o) else { continue }
                out.append(DateValue(granularity: .day, year: d.year, month: m + o, day: min(d.day ?? 1, 28)))
            }
            var dayOffsets = [-9, -5, -3, 3, 5, 9, -12, 12]
            dayOffsets.shuffle(using: &rng)
            for o in dayOffsets {
                guard let day = d.day, (1...28).contains(day + o) else { continue }
                out.insert(
                    DateValue(granularity: .day, year: d.year, month: d.month, day: day + o), at: min(out.count, 1))
            }
        default: break
        }
        return out.map {
            var v = $0; v.yearFromContext = d.yearFromContext; return v
        }
    }

    private func neighbours(of v: Double, rng: inout SeededGenerator) -> [Double] {
        if v < 20, v == v.rounded() {
            var offsets: [Double] = [-3, -2, -1, 1, 2, 3, 4, 5, 6]
            offsets.shuffle(using: &rng)
            return offsets.map { v + $0 }.filter { $0 >= 2 }
        }
        var factors = [0.5, 0.6, 0.7, 0.75, 0.8, 1.2, 1.25, 1.4, 1.5, 2, 2.5, 3]
        factors.shuffle(using: &rng)
        let digits = max(1, significantDigits(v))
        return factors.map { round(v * $0, digits: digits) }.filter { $0 > 0 && $0 != v }
    }

    private func significantDigits(_ v: Double) -> Int {
        var n = v
        while n != n.rounded() { n *= 10 }
        var s = String(Int64(n))
        while s.hasSuffix("0") { s.removeLast() }
        return s.count
    }

    private func round(_ v: Double, digits: Int) -> Double {
        guard v > 0 else { return v }
        var scale = 1.0
        while v / scale >= pow10(digits) { scale *= 10 }
        while v / scale < pow10(digits - 1) { scale /= 10 }
        return (v / scale).rounded() * scale
    }

    private func pow10(_ n: Int) -> Double { (0..<max(0, n)).reduce(1.0) { r, _ in r * 10 } }
}
