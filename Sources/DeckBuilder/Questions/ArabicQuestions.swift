/// Arabic "when" questions: the date phrase comes out of the clause and an interrogative
/// (متى، في أي عام) leads it; Arabic word order (verb first) needs no inversion.
enum ArabicQuestions {
    static let dateLead: WordSet = [
        "في", "عام", "العام", "سنة", "السنة", "شهر", "بداية", "مطلع", "أوائل", "نهاية", "أواخر", "مع", "منتصف", "وفي",
        "ومع", "بعام",
    ]
    static let verbStarts = [
        "كان", "تم", "تمكن", "قام", "بدأ", "جهز", "أصبح", "سيطر", "أعلن", "شارك", "جرت", "جرى", "أراد", "استطاع",
    ]

    static func dateQuestion(_ t: [Token], date: Range<Int>, value: DateValue) -> String? {
        let wh: String
        switch value.granularity {
        case .year: wh = "في أي عام"
        case .month: wh = value.yearFromContext ? "في أي شهر" : "متى"
        case .day: wh = "متى"
        default: return nil
        }
        var a = date.lowerBound
        while a > 0, dateLead.contains(String(t[a - 1].text)) { a -= 1 }
        var b = date.upperBound
        while b < t.count, DateExtractor.arabicEraWords.contains(String(t[b].text)) { b += 1 }
        var body: [Token] = []
        if a == 0 {
            body = Array(t[b...])
        } else if a == 1, t[0].kind == .word {
            var verb = t[0]
            if verb.text.hasPrefix("و"), verb.text.count > 2 { verb.text = verb.text.dropFirst() }
            guard verbStarts.contains(where: { verb.text.hasPrefix($0) }) || verb.text == "قد" else { return nil }
            verb.spaceBefore = false
            body = [verb] + Array(t[b...])
        } else {
            return nil
        }
        if let stop = body.firstIndex(where: { $0.isMark("،") || $0.isMark(".") || $0.isMark("؛") || $0.isMark(":") }) {
            body = Array(body[..<stop])
        }
        if body.count > 4,
            let cut = body.indices.dropFirst(4).first(where: { k in
                let w = body[k].text
                return w.hasPrefix("و") && verbStarts.contains(where: { w.dropFirst().hasPrefix($0) })
            })
        {
            body = Array(body[..<cut])
        }
        guard (3...18).contains(body.count) else { return nil }
        return "\(wh) \(EnglishQuestions.join(body))؟"
    }
}
