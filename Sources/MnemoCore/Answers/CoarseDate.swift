/// Another source's date read at the precision a card asks for. The card "In [month and year],
/// World War II came to an end in Europe" teaches "February 1945"; a source that says "May 8, 1945"
/// answers it with "May 1945", and a learner who types that recalled the other source.
public enum CoarseDate {
    /// Whether `typed` is `reading` cut to the parts `answer` has (its year, or its month and year).
    /// False when `reading` is no finer than `answer` (the ordinary check covers that) or either is no date.
    public static func typed(_ typed: String, gives reading: String, atPrecisionOf answer: String) -> Bool {
        guard let a = DateReader.readings(AnswerText.normalize(answer)).first,
            let r = DateReader.readings(AnswerText.normalize(reading)).first
        else { return false }
        // The reading must have every part the answer has, and more.
        guard a.year == nil || r.year != nil, a.month == nil || r.month != nil, a.day == nil || r.day != nil
        else { return false }
        let cut = DateValue(
            year: a.year == nil ? nil : r.year, month: a.month == nil ? nil : r.month, day: a.day == nil ? nil : r.day)
        guard cut != r else { return false }
        return DateReader.readings(AnswerText.normalize(typed)).contains(cut)
    }
}
