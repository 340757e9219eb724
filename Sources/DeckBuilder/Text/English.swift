/// Small English tables: function words, irregular verbs and past-tense → base form rules.
enum English {
    static let stopwords: WordSet = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "into",
        "onto", "over", "under", "after", "before", "during", "since", "until", "till", "between", "against", "about",
        "through", "within", "without", "along", "across", "behind", "near", "towards", "toward", "upon", "among",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
        "can", "could", "shall", "should", "may", "might", "must", "that", "which", "who", "whom", "whose", "this",
        "these", "those", "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "us", "our",
        "you", "your", "i", "me", "my", "there", "here", "then", "than", "so", "also", "even", "only", "not", "no",
        "all", "some", "any", "each", "every", "both", "such", "very", "more", "most", "much", "many", "other",
        "another", "one", "if", "when", "while", "where", "what", "why", "how", "however", "therefore", "thus",
        "finally", "eventually", "already", "still", "yet", "just", "again", "once", "up", "out", "off", "down",
        "whole", "own", "same", "first", "last", "next", "later", "early", "late", "mid", "time", "day", "year",
        "years", "days", "nearly", "almost", "around", "approximately", "roughly", "least",
    ]

    static let pronouns: WordSet = [
        "it", "they", "he", "she", "we", "you", "i", "this", "these", "those", "that", "them", "him", "her", "its",
        "their", "his", "there", "which", "who", "one", "such",
    ]

    /// Irregular past tense → base form.
    static let irregularPast: WordTable<String> = [
        "began": "begin", "broke": "break", "brought": "bring", "built": "build", "came": "come", "fought": "fight",
        "gave": "give", "held": "hold", "left": "leave", "lost": "lose", "made": "make", "met": "meet", "sent": "send",
        "spent": "spend", "took": "take", "won": "win", "saw": "see", "became": "become", "led": "lead", "went": "go",
        "knew": "know", "had": "have", "kept": "keep", "struck": "strike", "fell": "fall", "overthrew": "overthrow",
        "told": "tell", "thought": "think", "found": "find", "rose": "rise", "stood": "stand", "wrote": "write",
        "drove": "drive", "grew": "grow", "threw": "throw", "withdrew": "withdraw", "undertook": "undertake",
        "sought": "seek", "caught": "catch", "bought": "buy", "paid": "pay", "laid": "lay", "said": "say",
        "sold": "sell",
        "shot": "shoot", "ran": "run", "sank": "sink", "swept": "sweep", "forbade": "forbid", "flew": "fly",
        "overran": "overrun", "beat": "beat", "bore": "bear", "drew": "draw", "froze": "freeze", "hid": "hide",
        "meant": "mean", "felt": "feel", "chose": "choose", "spread": "spread", "rode": "ride", "stole": "steal",
        "tore": "tear", "wore": "wear", "woke": "wake", "arose": "arise", "fled": "flee", "dealt": "deal",
        "understood": "understand", "slew": "slay", "split": "split", "cast": "cast", "set": "set", "put": "put",
        "cut": "cut", "hit": "hit", "quit": "quit", "shut": "shut", "let": "let", "ate": "eat", "forgot": "forget",
        "got": "get", "heard": "hear", "lay": "lie", "overcame": "overcome", "sprang": "spring", "stuck": "stick",
        "strove": "strive", "swore": "swear", "taught": "teach", "upheld": "uphold", "wept": "weep",
        "withheld": "withhold", "died": "die", "lied": "lie", "tied": "tie",
    ]

    /// Past participles that are not also past tense forms.
    static let irregularParticiples: WordSet = [
        "begun", "broken", "built", "given", "known", "shown", "taken", "written", "driven", "grown", "thrown",
        "withdrawn", "undertaken", "fallen", "chosen", "frozen", "hidden", "stolen", "torn", "worn", "drawn", "born",
        "borne", "seen", "done", "gone", "beaten", "forgotten", "overthrown", "sunk", "flown", "struck", "won", "held",
        "led", "lost", "made", "met", "sent", "spent", "kept", "told", "found", "brought", "fought", "bought", "sold",
        "paid", "laid", "shot", "left", "caught", "sought", "set", "put", "cut", "hit", "spread", "split",
    ]

    /// Words ending in -ed that are not verbs.
    static let notVerbs: WordSet = [
        "red", "bed", "hundred", "speed", "seed", "need", "feed", "deed", "shed", "sacred", "naked", "wicked",
        "kindred", "rugged", "ragged", "united", "limited", "advanced", "armed", "skilled", "so-called", "alleged",
        "detailed", "combined", "expected", "varied", "aged", "wounded", "talented", "renowned", "famed",
    ]

    /// `irregularPast`'s words, looked up on their bytes, and their base forms in the same order.
    static let irregularPastWords = ASCIIWordSet(irregularPast.keys.sorted())
    static let irregularPastBases: [String] = irregularPastWords.words.map { irregularPast.entries[$0]! }
    /// `stopwords` and `irregularParticiples`, looked up on bytes.
    static let stopwordWords = ASCIIWordSet(stopwords.words.sorted())
    static let irregularParticipleWords = ASCIIWordSet(irregularParticiples.words.sorted())
    /// `pronouns`, looked up on bytes.
    static let pronounWords = ASCIIWordSet(pronouns.words.sorted())
    /// `notVerbs`, looked up on bytes.
    static let notVerbWords = ASCIIWordSet(notVerbs.words.sorted())

    /// Whether a lower-case word is a simple-past verb form, read on its bytes. A word that does not
    /// end in "ed" and whose byte count and first byte no irregular form has is refused where it is
    /// asked (most words): without the call, and the retain and release of a word read from memory
    /// that it cost the caller.
    @inline(__always)
    static func isPast(_ w: String) -> Bool {
        let head = w.utf8.withContiguousStorageIfAvailable { b -> Bool in
            let n = b.count
            guard n >= 1 else { return false }
            return (n >= 4 && b[n - 1] == 0x64 && b[n - 2] == 0x65) || irregularPastWords.mayHold(b)
        }
        if head == false { return false }
        return pastByBytes(w)
    }

    /// `isPast` past its first test.
    @inline(never)
    private static func pastByBytes(_ w: String) -> Bool {
        w.utf8.withContiguousStorageIfAvailable { isPast(w, bytes: $0) } ?? isPastByViews(w)
    }

    private static func isPast(_ w: String, bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        if irregularPastWords.index(bytes: b) != nil { return true }
        // "-ed" but not "-eed", read on the last bytes; at least four characters.
        let n = b.count
        guard n >= 4, b[n - 1] == 0x64, b[n - 2] == 0x65, b[n - 3] != 0x65 else { return false }
        return (FastCase.isASCII(b) || w.count >= 4) && !notVerbWords.contains(w)
    }

    /// `isPast` as first written, through the string views (tests compare the two).
    static func isPastByViews(_ w: String) -> Bool {
        if irregularPast[w] != nil { return true }
        let u = w.utf8
        let n = u.count
        guard n >= 4 else { return false }
        var tail = u.reversed().makeIterator()
        guard tail.next() == 0x64, tail.next() == 0x65, tail.next() != 0x65 else { return false }
        return (w.isASCIIText || w.count >= 4) && !notVerbs.contains(w)
    }

    /// `irregularPast[w]`, looked up on the bytes.
    @inline(__always)
    static func irregularBase(_ w: String) -> String? {
        irregularPastWords.index(w).map { irregularPastBases[$0] }
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Base form of a simple-past verb ("declared" → "declare", "dropped" → "drop", "fought" → "fight").
    static func base(ofPast w: String) -> String {
        if let b = irregularBase(w) { return b }
        guard w.hasSuffix("ed") else { return w }
        if w.hasSuffix("ied"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        let stem = String(w.dropLast(2))
        let chars = Array(stem)
        guard chars.count >= 2 else { return stem + "e" }
        let last = chars[chars.count - 1]
        let prev = chars[chars.count - 2]
        if last == prev, !["l", "s", "f", "z", "e", "o"].contains(last), !doubledBases.contains(stem) {
            return String(chars.dropLast())  // dropped → drop, committed → commit
        }
        if keepsNoE.contains(stem) { return stem }
        if needsE.contains(stem) { return stem + "e" }
        let p2 = chars.count >= 3 ? chars[chars.count - 3] : " "
        switch last {
        case "c", "v", "z", "u": return stem + "e"
        case "g" where prev == "n" && p2 != "o" && p2 != "i": return stem + "e"  // changed, challenged
        case "g" where prev == "r" || prev == "d": return stem + "e"  // emerged, judged
        case "s" where !vowels.contains(prev) && prev != "s": return stem + "e"  // collapsed, reversed
        case "s" where vowels.contains(prev) && !vowels.contains(p2): return stem + "e"  // promised, closed, caused
        case "r" where (prev == "a" || prev == "u") && !vowels.contains(p2): return stem + "e"  // declared, captured
        case "r" where prev == "i" && (p2 == "u" || chars.count <= 3): return stem + "e"  // required, fired
        case "t" where prev == "a" && (!vowels.contains(p2) || p2 == "i"): return stem + "e"  // liberated, negotiated
        case "t" where prev == "u" && !vowels.contains(p2): return stem + "e"  // executed
        case "t" where prev == "o" && !vowels.contains(p2): return stem + "e"  // voted, promoted
        case "d" where (prev == "i" || prev == "u" || prev == "a" || prev == "o") && !vowels.contains(p2):
            return stem + "e"
        case "k" where (prev == "o" || prev == "i") && !vowels.contains(p2): return stem + "e"  // invoked, striked
        case "n" where prev == "i" && !vowels.contains(p2) && stem.count > 4: return stem + "e"  // combined, determined
        case "l" where (prev == "u" || prev == "i") && !vowels.contains(p2): return stem + "e"  // ruled, compiled
        case "p" where prev == "a" && !vowels.contains(p2): return stem + "e"  // escaped, shaped
        case "b" where prev == "i": return stem + "e"  // described
        default: return stem
        }
    }

    static let doubledBases: WordSet = ["add", "ebb", "err", "purr", "odd", "inn", "egg"]
    static let keepsNoE: WordSet = [
        "visit", "limit", "exhibit", "inherit", "deposit", "edit", "credit", "profit", "focus", "bias", "pivot",
        "develop", "envelop", "gallop", "open", "happen", "listen", "threaten", "strengthen", "abandon", "question",
        "mention", "position", "reckon", "summon", "station", "rain", "join", "gain", "obtain", "remain", "contain",
        "explain", "retain", "sustain", "train", "fail", "prevail", "sail", "detail", "avail", "boil", "spoil",
        "appear", "clear", "near", "fear", "pour", "tour", "defeat", "treat", "repeat", "heat", "seat", "avoid",
        "head", "lead", "load", "plead", "flood", "look", "book", "cook", "attack", "sign", "reign", "design", "assign",
        "march", "launch", "reach", "search", "approach", "establish", "abolish", "finish", "punish", "publish",
        "surrender", "order", "murder", "enter", "suffer", "offer", "cover", "discover", "deliver", "consider",
        "gather", "render", "wonder", "bomb", "claim", "form", "inform", "perform", "transform", "reform", "arm",
        "return", "turn", "burn", "learn", "warn", "mourn", "govern", "concern", "end", "send", "defend", "extend",
        "intend", "attend", "depend", "demand", "command", "land", "expand", "found", "sound", "ground", "wound",
        "kill", "fill", "call", "fall", "install", "recall", "pull", "roll", "control", "patrol", "annex", "fix",
        "mix", "relax", "tax", "wait", "await", "shout", "doubt", "exploit", "recruit", "suit", "want", "plant",
        "grant", "hunt", "count", "mount", "point", "print", "hint", "start", "part", "report", "support", "import",
        "export", "escort", "resort", "sort", "act", "react", "attract", "extract", "protect", "reject", "elect",
        "select", "collect", "connect", "expect", "respect", "suspect", "adopt", "accept", "attempt", "tempt",
        "rest", "arrest", "protest", "test", "invest", "suggest", "last", "cost", "post", "host", "boost", "exist",
        "resist", "insist", "persist", "assist", "list", "enlist", "shift", "lift", "draft", "halt", "melt", "result",
        "insult", "consult", "want", "belong", "prolong", "long", "bring", "stay", "play", "pray", "delay",
        "destroy", "employ", "deploy", "enjoy", "convey", "survey", "obey", "disobey", "allow", "follow", "borrow",
        "show", "vow", "bow", "own", "drown", "crown", "frown", "press", "express", "impress", "oppress", "suppress",
        "possess", "address", "confess", "discuss", "dismiss", "pass", "cross", "miss", "kiss", "toss", "harass",
        "amass", "mass", "push", "rush", "crush", "wish", "touch", "watch", "catch", "match", "attach", "detach",
        "dispatch", "stretch", "fetch", "sketch", "help", "jump", "camp", "stamp", "dump", "pump", "gasp", "grasp",
        "fight", "weigh", "laugh", "cough", "plough", "sigh", "rely", "equip", "ship", "occur", "prefer", "refer",
        "transfer", "confer", "deter", "infer", "commit", "permit", "submit", "admit", "omit", "emit", "regret",
    ]
    static let needsE: WordSet = [
        "creat", "unit", "invit", "ignit", "excit", "recit", "cit", "writ", "postpon", "aton", "ston", "phon", "zon",
        "welcom", "becom", "overcom", "com", "nam", "fram", "blam", "tam", "shap", "tap", "rap", "hop", "cop", "rop",
        "scop", "trad", "fad", "wad", "glid", "slid", "rid", "hid", "abid", "bid", "chid", "guid", "provid", "decid",
        "includ", "conclud", "exclud", "allud", "elud", "explod", "erod", "cod", "mod", "tim", "prim", "crim",
        "arriv", "chas", "bas", "cas", "eras", "pleas", "releas", "purchas", "increas", "decreas", "ceas", "leas",
        "rais", "prais", "revis", "advis", "surpris", "compris", "disguis", "exercis", "expos", "oppos", "propos",
        "impos", "compos", "suppos", "dispos", "clos", "caus", "refus", "accus", "amus", "abus", "us", "fus", "infus",
        "licens", "condens", "dispens", "respons", "sens", "rins", "revers", "nurs", "purs", "curs", "collaps", "laps",
        "puls", "enrag", "engag", "manag", "dam", "gam", "flam", "sham", "fac", "plac", "rac", "trac", "grac", "replac",
        "announc", "pronounc", "forc", "enforc", "reinforc", "produc", "reduc", "introduc", "induc", "deduc",
        "seiz", "realiz", "organiz", "recogniz", "moderniz", "mobiliz", "stabiliz", "industrializ", "nationaliz",
        "tribut", "salut", "argu", "continu", "pursu", "issu", "rescu", "valu", "subdu", "queu", "glu", "su", "du",
        "declin", "combin", "determin", "defin", "examin", "lin", "min", "shin", "refin", "confin", "undermin",
        "rul", "schedul", "modul", "compil", "fil", "smil", "reconcil", "exil", "stil", "til", "pil", "revil",
        "escap", "describ", "prescrib", "subscrib", "inscrib", "strik", "lik", "hik", "invok", "provok", "revok",
        "stok", "smok", "pok", "chok", "wak", "bak", "mak", "tak", "shak", "quak", "stak",
    ]
}
