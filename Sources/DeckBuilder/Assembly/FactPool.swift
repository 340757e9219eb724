import MnemoCore

/// Gathers facts from document after document, merging the same fact across sources as it goes
/// (an inverted index on keywords keeps this linear), and bounding its size so memory stays flat.
struct FactPool {
    private(set) var groups: [FactGroup] = []
    /// The inverted index, by part and word: a group is listed under the part of the corpus it can
    /// be matched in (`PartKey`: dates by language; figures by language, percentage and head class;
    /// names by language, head and name) and each of its match words. A candidate walks only its own
    /// part's lists: groups of other parts can never be the same fact, and walking past them was
    /// most of matching's time.
    /// Each list's number in `listStore`, by part and word.
    private var lists = ListIndex()
    /// The lists, by number: reading a list out of a dictionary retains it, and the retain is a
    /// write to the list's first cache line, so its miss could not overlap with others.
    /// Group ids as 32-bit numbers: the walk over the lists is most of matching, and it reads half
    /// the memory this way (the pool holds at most `capacity` groups).
    private var listStore: [[Int32]] = []
    /// How many groups name each word, in any part (a word named by more than 400 is too common to
    /// match on, whatever the part), by its place in `MatchWordTable` (as long as the words seen).
    private var totals: [Int32] = []
    /// Numbers for parts, given as they first come; renumbered at every prune, so they stay as
    /// bounded as the pool.
    private var partIDs: [PartKey: Int32] = [:]
    /// Scratch for `match`: words shared with the candidate, per group id; all zero between calls.
    private var sharedWords: [Int32] = []
    /// Scratch for `match`: the groups it counted words for, as many as its count says (its room
    /// kept from call to call).
    private var scratchTouched: [Int32] = []
    /// Scratch for `match`: the index lists of the candidate's words (its room kept from call to call).
    private var scratchLists: [Int32] = []
    /// What matching reads of each group's primary reading, kept beside `groups` (a candidate is a
    /// dozen strings and sets; reading one out of the array copies them all).
    private var views: [MatchView] = []
    /// Each view's word count and its date's precision, packed beside `views`: the first test of a
    /// match reads only these (reading the view's word set costs a cache miss per group).
    private var sizes: [ViewSize] = []
    /// Each view's word count again, in a byte (255 for more): the first test of a group a walk
    /// found reads these, an eighth of `sizes`' room, so they stay in the nearest cache.
    private var wordCounts: [UInt8] = []
    /// Each view's verbs and events as word numbers, read by a match only for a group that passed
    /// the first test (reading the view itself, and its verbs' and events' strings, cost a cache
    /// miss or three per group; kept apart from `sizes`, which stays small enough to stay cached).
    private var happenings: [Happening] = []
    /// The sources of each group's readings, as numbers (-1 for no reading), packed beside `groups`:
    /// a candidate never joins a group that has a reading from its own sentence, and telling that from
    /// the readings themselves cost a cache miss or two per group looked at. Only a group with a
    /// reading from the candidate's source has its readings read.
    private var readingSources: [SIMD4<Int32>] = []
    /// Numbers for source names, given as they first come (as many as the sources read), and the
    /// last one asked for (facts come source by source).
    private var sourceNumbers: [String: Int32] = [:]
    private var lastSource: (name: String, number: Int32)?
    /// Most groups kept; beyond it the pool is pruned to its best half plus at most a quarter of
    /// facts told by several sources.
    let capacity: Int

    init(capacity: Int = 12_000) { self.capacity = capacity }

    /// What `admit` decided for a fact before it was drafted.
    enum Admission {
        /// It starts a group of its own.
        case new
        /// It is the same fact as group `id` (as support, or as another reading).
        case matched(Int)
    }

    mutating func add(_ c: FactCandidate) {
        add(c, admitMatch(MatchView(c), evidence: c.evidence))
    }

    /// Whether a fact still to be drafted could change the pool, told from its preview (what
    /// matching reads of it and the best score drafting could give it) and its evidence. Nil when
    /// `add` would leave the pool as it is whatever the fact's card texts: it is the same fact as a
    /// group that already holds four readings, none of them its value; or its value's reading
    /// already has all the support it keeps and a draft that this one could not beat. Drafting it
    /// could only be wasted. Otherwise the admission goes to `add(_:_:)` with the drafted fact,
    /// which then does not match it again.
    mutating func admit(_ preview: FactPreview, evidence: Provenance) -> Admission? {
        let admission = admitMatch(preview.view, evidence: evidence)
        if case .matched(let g) = admission, !groups[g].mayTake(preview, evidence: evidence) { return nil }
        return admission
    }

    private mutating func admitMatch(_ view: MatchView, evidence: Provenance) -> Admission {
        guard let key = PartKey(view.value, language: view.language), let part = partIDs[key],
            let g = match(view, evidence, part: part)
        else { return .new }
        return .matched(g)
    }

    /// Adds `c`, which `admit` admitted as `admission` from its own value, language, match words
    /// and evidence (the pool unchanged since).
    mutating func add(_ c: FactCandidate, _ admission: Admission) {
        if case .matched(let g) = admission {
            if groups[g].add(c) { setView(g, MatchView(groups[g].primary)) }
            readingSources[g] = sourceNumbers(of: groups[g])
            return
        }
        groups.append(FactGroup(readings: [.init(candidate: c, support: [c.evidence])]))
        let view = MatchView(c)
        views.append(view)
        sizes.append(ViewSize(view))
        wordCounts.append(UInt8(min(view.matchWords.count, 255)))
        happenings.append(happening(of: view))
        readingSources.append(sourceNumbers(of: groups[groups.count - 1]))
        list(groups.count - 1, view)
        if groups.count > capacity { prune() }
    }

    /// Lists group `id` under its part and each of its view's match words (a date too coarse to
    /// match is counted under its words but listed nowhere).
    private mutating func list(_ id: Int, _ c: MatchView) {
        let part = PartKey(c.value, language: c.language).map { Self.number($0, in: &partIDs) }
        for w in c.matchWords {
            let word = wordNumber(w)
            totals[Int(word)] += 1
            if let part {
                let key = Self.listKey(part, word)
                if let n = lists[key] {
                    listStore[Int(n)].append(Int32(id))
                } else {
                    lists.insertNew(key, Int32(listStore.count))
                    listStore.append([Int32(id)])
                }
            }
        }
    }

    /// The place of match word `w` in `totals` (counted under no group when new).
    private mutating func wordNumber(_ w: Int32) -> Int32 {
        let word = MatchWordTable.index(w)
        if word >= totals.count { totals += [Int32](repeating: 0, count: word + 1 - totals.count) }
        return Int32(word)
    }

    /// The verbs and events of `view`, as their match-word numbers.
    private func happening(of view: MatchView) -> Happening {
        var s = Happening(
            verbs: SIMD4(repeating: -1), events: SIMD4(repeating: -1), hasVerbs: !view.verbs.isEmpty,
            exact: view.verbs.count <= 4 && view.events.count <= 4)
        for (k, v) in view.verbs.prefix(4).enumerated() { s.verbs[k] = v }
        for (k, e) in view.events.prefix(4).enumerated() { s.events[k] = e }
        return s
    }

    /// The number of `key` in `numbers`, given as keys first come.
    private static func number<Key: Hashable>(_ key: Key, in numbers: inout [Key: Int32]) -> Int32 {
        if let n = numbers[key] { return n }
        let n = Int32(numbers.count)
        numbers[key] = n
        return n
    }

    /// The number of source `name`.
    private mutating func sourceNumber(_ name: String) -> Int32 {
        if let last = lastSource, last.name == name { return last.number }
        let number = Self.number(name, in: &sourceNumbers)
        lastSource = (name, number)
        return number
    }

    /// The source numbers of the group's readings (at most four), -1 for the rest.
    private mutating func sourceNumbers(of group: FactGroup) -> SIMD4<Int32> {
        var out = SIMD4<Int32>(repeating: -1)
        for r in group.readings.indices.prefix(4) {
            out[r] = sourceNumber(group.readings[r].candidate.evidence.source)
        }
        return out
    }

    private static func listKey(_ part: Int32, _ word: Int32) -> Int64 { Int64(part) << 32 | Int64(word) }

    /// The group asking the same thing, if any, among those of the candidate's part.
    private mutating func match(_ cv: MatchView, _ evidence: Provenance, part: Int32) -> Int? {
        // Shared words per group, counted in a scratch array (all zero between calls; cleared as it
        // is read), not a dictionary.
        if sharedWords.count < groups.count {
            sharedWords += [Int32](repeating: 0, count: groups.count - sharedWords.count)
        }
        // The scratch arrays are taken out of the pool for the call, and the index read through
        // locals: a closure reading the pool's own fields while one of them was borrowed mutably
        // made the compiler copy the whole pool (every field retained and released) at each call.
        var shared: [Int32] = []
        var touched: [Int32] = []
        swap(&shared, &sharedWords)
        swap(&touched, &scratchTouched)
        defer {
            swap(&shared, &sharedWords)
            swap(&touched, &scratchTouched)
        }
        let totals = self.totals
        let lists = self.lists
        let listStore = self.listStore
        let sizes = self.sizes
        let wordCounts = self.wordCounts
        let happenings = self.happenings
        let views = self.views
        let readingSources = self.readingSources
        let groups = self.groups
        // The lists are found first and walked after: each list's first read is a cache miss (the
        // index is far larger than the cache at 100 MB), and reading their lengths one after another
        // lets those misses overlap instead of waiting for each in turn.
        var found: [Int32] = []
        swap(&found, &scratchLists)
        defer {
            found.removeAll(keepingCapacity: true)
            swap(&found, &scratchLists)
        }
        // The candidate's verbs and events as word numbers (-2 for none: never a group's).
        var verbs = SIMD4<Int32>(repeating: -2)
        var events = SIMD4<Int32>(repeating: -2)
        for (k, v) in cv.verbs.prefix(4).enumerated() { verbs[k] = v }
        for (k, e) in cv.events.prefix(4).enumerated() { events[k] = e }
        // The words' keys first, then all of them looked up at once (their slots' cache misses
        // overlap).
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: cv.matchWords.count) { keys in
            var n = 0
            for w in cv.matchWords {
                // A word no group was listed under has no count yet.
                let word = MatchWordTable.index(w)
                guard word < totals.count, totals[word] != 0, totals[word] <= 400 else { continue }
                keys[n] = Self.listKey(part, Int32(word))
                n += 1
            }
            lists.forEachValue(UnsafeBufferPointer(rebasing: keys[..<n])) { found.append($0) }
        }
        let exact = cv.verbs.count <= 4 && cv.events.count <= 4
        let granularity = cv.date?.granularity
        let source = sourceNumber(evidence.source)
        /// How much of the smaller word list the candidate shares with group `id`'s primary reading
        /// (`shared` words), when the two ask the same thing; nil when they do not. The group is of
        /// the candidate's part, so the two are of one language and kind, and, for dates, neither is
        /// too coarse to match; for figures, both or neither are percentages and they count things
        /// of one class; for names, they are the same name (`PartKey` keys exactly what two facts
        /// alike must share).
        func overlap(_ id: Int, shared: Int) -> Double? {
            let size = sizes[id]
            let overlap = Double(shared) / Double(min(Int(size.words), cv.matchWords.count))
            let needed = size.dated ? 0.6 : 0.5
            guard overlap >= needed, shared >= (size.dated ? 3 : 2) else { return nil }
            // By index: iterating the readings would copy each one's candidate. Only a group with a
            // reading from the candidate's source can have one from its sentence.
            if any(readingSources[id] .== SIMD4(repeating: source)) {
                for r in groups[id].readings.indices
                where Self.sameSentence(groups[id].readings[r].candidate.evidence, evidence) {
                    return nil
                }
            }
            // `sameHappening` told from the summary, when it can be: the verbs and events compared
            // by number; the view is read only for more than four of them, or dates of different
            // precision. (Then through the buffer: a copy would retain each of its strings and sets.)
            let h = happenings[id]
            if h.exact, exact, size.granularity == nil || granularity == nil || size.granularity == granularity {
                let sameEvent = Happening.shareOne(h.events, events)
                if !sameEvent, h.hasVerbs, !cv.verbs.isEmpty, !Happening.shareOne(h.verbs, verbs) {
                    return nil
                }
                return overlap
            }
            return views.withUnsafeBufferPointer { Self.sameHappening($0[id], cv) } ? overlap : nil
        }
        var best: (id: Int, score: Double)?
        // Room for every group the walk can touch, written through a buffer with a count of our own
        // (an append checks the array's uniqueness and room at every step). Summing the lists'
        // lengths first reads every list's header in a loop of its own, where their cache misses
        // (one per list at 100 MB) overlap; the walk then finds them cached. (Sized by the groups
        // instead, the walk took each miss in turn: no faster.)
        let walked = listStore.withUnsafeBufferPointer { store in
            found.reduce(0) { $0 &+ store[Int($1)].count }
        }
        if touched.count < walked { touched = [Int32](repeating: 0, count: max(walked, 2 * touched.count)) }
        // Through buffers: the walk over the index's lists is most of matching, and the array's
        // uniqueness, bounds and overflow checks at every step were a third of it.
        shared.withUnsafeMutableBufferPointer { shared in
            touched.withUnsafeMutableBufferPointer { touched in
                var count = 0
                listStore.withUnsafeBufferPointer { store in
                    for n in found {
                        store[Int(n)].withUnsafeBufferPointer { ids in
                            // Without a branch: a group is written down at every step, and kept
                            // (the count moved on) only the first time (a branch on it was taken
                            // one time in three or so, and mispredicted as often).
                            for id in ids {
                                let seen = shared[Int(id)]
                                touched[count] = id
                                count &+= seen == 0 ? 1 : 0
                                shared[Int(id)] = seen &+ 1
                            }
                        }
                    }
                }
                // A share of at least a half (three fifths for dates: the groups of a date part are
                // all dated) of the smaller word list, told first from the byte counts: never above
                // the true count, so the share is never below the one `overlap` computes, and a group
                // turned away here is one it turns away.
                // In whole numbers (a division is slow): `count / m >= 0.6` is `5 count >= 3 m` and
                // `count / m >= 0.5` is `2 count >= m`, exactly (m is below 256, and a ratio with
                // such a divisor other than 3/5 lies farther from it than a double's rounding).
                let (times, per) = cv.date != nil ? (5, 3) : (2, 1)
                let words = cv.matchWords.count
                for slot in touched[..<count] {
                    let id = Int(slot)
                    let count = Int(shared[id])
                    shared[id] = 0
                    guard count >= 2, count &* times >= min(Int(wordCounts[id]), words) &* per,
                        let overlap = overlap(id, shared: count)
                    else {
                        continue
                    }
                    if let b = best, overlap < b.score || (overlap == b.score && id > b.id) { continue }
                    best = (id, overlap)
                }
            }
        }
        return best?.id
    }

    private mutating func setView(_ id: Int, _ view: MatchView) {
        views[id] = view
        sizes[id] = ViewSize(view)
        wordCounts[id] = UInt8(min(view.matchWords.count, 255))
        happenings[id] = happening(of: view)
    }

    /// Whether two facts that ask alike tell the same happening.
    static func sameHappening(_ p: MatchView, _ c: MatchView) -> Bool {
        // The same happening: when both name a verb, they share one ("returned" is not "died").
        // …unless both name the same event ("the Yalta meeting", "a meeting in Yalta").
        let sameEvent = shareOne(p.events, c.events)
        if !sameEvent, !p.verbs.isEmpty, !c.verbs.isEmpty, !shareOne(p.verbs, c.verbs) { return false }
        // Different values of different precision are not a disagreement to flag.
        // (A month and a day of different months do disagree.)
        if let x = p.date, let y = c.date, x.granularity != y.granularity,
            !FactGroup.sameValue(p.value, p.normalized, c.value, c.normalized)
        {
            if !(Self.fine.contains(x.granularity) && Self.fine.contains(y.granularity)) { return false }
        }
        return true
    }

    /// Dates of these precisions are not matched across sources (too vague to be the same fact).
    static let coarse: Set<DateValue.Granularity> = [.decade, .century, .yearRange]
    /// A month and a day of different months disagree; other precisions do not.
    static let fine: Set<DateValue.Granularity> = [.month, .day]

    /// Whether two short lists of distinct words have one in common (`!Set(a).isDisjoint(with: b)`).
    static func shareOne<C: Collection>(_ a: C, _ b: C) -> Bool where C.Element: Equatable {
        for x in a where b.contains(x) { return true }
        return false
    }

    static func sameSentence(_ a: Provenance, _ b: Provenance) -> Bool {
        a.source == b.source && a.line == b.line && a.start == b.start
    }

    static func headClass(_ head: String) -> String {
        switch head {
        case "troop", "soldier", "army", "force", "man", "elite": "troop"
        default: Normalizer.synonyms[head] ?? head
        }
    }

    private mutating func prune() {
        // Closures, not key paths (`map(\.score)` went through the generic key-path reader); each
        // group's sources counted once for both.
        let sourceCounts = groups.map { $0.sourceCount }
        let scores = groups.indices.map { groups[$0].score(sourceCount: sourceCounts[$0]) }
        let order = groups.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        // The best half, and facts told by several sources (conflicts among them) — at most a quarter
        // more of those, best first: the pool stays bounded however many sources agree, and at most
        // three quarters full after a prune, so prunes stay rare.
        var keep = [Bool](repeating: false, count: groups.count)
        for id in order.prefix(capacity / 2) { keep[id] = true }
        for id in order.lazy.filter({ sourceCounts[$0] > 1 }).prefix(capacity / 4) { keep[id] = true }
        let kept = groups.indices.filter { keep[$0] }
        // A group's view, size and reading sources are kept with it (each is what it would be made
        // anew from the group), and it is listed again from its view (its primary's part and words).
        groups = kept.map { groups[$0] }
        views = kept.map { views[$0] }
        sizes = kept.map { sizes[$0] }
        wordCounts = kept.map { wordCounts[$0] }
        readingSources = kept.map { readingSources[$0] }
        happenings = kept.map { happenings[$0] }
        lists.removeAll()
        listStore = []
        totals = [Int32](repeating: 0, count: totals.count)
        partIDs = [:]
        for id in views.indices { list(id, views[id]) }
    }
}

/// The part of the corpus a fact can be matched in: what two facts alike must share (one language
/// and kind; both or neither percentages, counting things of one class; one name), as a key. Nil for dates too coarse to match (decades, centuries, year ranges).
/// A group keeps its part when its primary reading is replaced: the new one matched it, so it
/// has the same key.
enum PartKey: Hashable {
    case date(language: String)
    case figure(language: String, percent: Bool, headClass: String)
    case name(language: String, head: String, value: String)

    init?(_ c: FactCandidate) { self.init(c.value, language: c.language) }

    init?(_ value: FactCandidate.Value, language: String) {
        switch value {
        case .date(let d):
            guard !FactPool.coarse.contains(d.granularity) else { return nil }
            self = .date(language: language)
        case .figure(let n):
            self = .figure(language: language, percent: n.isPercent, headClass: FactPool.headClass(n.head))
        case .name(let n):
            self = .name(language: language, head: n.head, value: n.value)
        }
    }
}

/// The parts of a candidate that matching reads.
///
/// A class: matching reads the views of many groups for each fact, and a struct of six strings,
/// sets and arrays was copied (each field retained and released) at each read.
final class MatchView {
    let language: String
    let value: FactCandidate.Value
    let normalized: String
    /// The match words' numbers (`MatchWordTable`), sorted, each once.
    let matchWords: [Int32]
    /// Where the match words naming an event ("e:yalta") and a verb ("v:declare") start: a sorted
    /// list holds the plain words first, then the events (bit 29), then the verbs (bit 30), so each
    /// kind is a run of it (two arrays of them were made for every preview).
    private let eventStart: Int
    private let verbStart: Int
    /// Match words naming a verb and an event, each once: they are only tested for a word in
    /// common, and there are a few of them.
    var verbs: ArraySlice<Int32> { matchWords[verbStart...] }
    var events: ArraySlice<Int32> { matchWords[eventStart..<verbStart] }

    var date: DateValue? { if case .date(let d) = value { d } else { nil } }

    /// Whether `word` starts with the ASCII `letter` and a colon ("v:declare" for 0x76), told from
    /// its first two bytes (`hasPrefix` compares Characters: most of the cost of making a view).
    static func tagged(_ word: String, _ letter: UInt8) -> Bool {
        var bytes = word.utf8.makeIterator()
        return bytes.next() == letter && bytes.next() == 0x3A
    }

    convenience init(_ c: FactCandidate) {
        self.init(language: c.language, value: c.value, normalized: c.normalized, matchWords: c.matchWordIDs)
    }

    /// `matchWords`: sorted numbers, each once.
    init(language: String, value: FactCandidate.Value, normalized: String, matchWords: [Int32]) {
        self.language = language
        self.value = value
        self.normalized = normalized
        self.matchWords = matchWords
        assert(zip(matchWords, matchWords.dropFirst()).allSatisfy { $0 < $1 }, "match words sorted, each once")
        var v = matchWords.count
        while v > 0, MatchWordTable.isVerb(matchWords[v - 1]) { v -= 1 }
        var e = v
        while e > 0, MatchWordTable.isEvent(matchWords[e - 1]) { e -= 1 }
        verbStart = v
        eventStart = e
    }
}

/// A match view's word count and its date's precision (nil for no date).
struct ViewSize {
    var words: Int32
    var granularity: DateValue.Granularity?

    init(_ view: MatchView) {
        words = Int32(view.matchWords.count)
        granularity = view.date?.granularity
    }

    var dated: Bool { granularity != nil }
}

/// A match view's verbs and events as match-word numbers (-1 in the lanes left over). `exact` is
/// false when it has more than four verbs or events (then the view's strings are compared).
struct Happening {
    var verbs: SIMD4<Int32>
    var events: SIMD4<Int32>
    var hasVerbs: Bool
    var exact: Bool

    /// Whether a lane of `a` equals a lane of `b`: two lists of distinct word numbers, padded with
    /// numbers that are no word's and differ between the two (-1 and -2).
    static func shareOne(_ a: SIMD4<Int32>, _ b: SIMD4<Int32>) -> Bool {
        any(a .== SIMD4(repeating: b[0])) || any(a .== SIMD4(repeating: b[1])) || any(a .== SIMD4(repeating: b[2]))
            || any(a .== SIMD4(repeating: b[3]))
    }
}
