/// Review histories prepared as fsrs-rs / Anki feed its optimizer (reference README):
/// a review's `delta_t` is the number of whole days between the dates of the card's previous review
/// and this one, the day rolling over at `rolloverHour` UTC; items are the reviews with `delta_t > 0`,
/// each predicted from the card's earlier reviews (same-day ones included, with `delta_t = 0`).
/// The first `trainFraction` of items by time train; the rest are held out.
public struct OptimizerDataset: Sendable {
    /// One card's reviews in time order.
    struct Sequence: Sendable {
        var ratings: [Rating]
        var deltas: [Int]
        /// Per review: 0 not an item, 1 training item, 2 test item.
        var roles: [UInt8]
        /// Reviews needed to reach the last training item (exclusive end for training replays).
        var trainEnd: Int
    }

    var sequences: [Sequence]
    public let trainItems: Int
    public let testItems: Int
    public var items: Int { trainItems + testItems }

    public init(reviews: [RevlogEntry], rolloverHour: Int = 4, trainFraction: Double = 0.8) {
        var byCard: [String: [RevlogEntry]] = [:]
        for entry in reviews { byCard[entry.cardID, default: []].append(entry) }
        let rolloverMs = Int64(rolloverHour) * 3_600_000
        var sequences: [Sequence] = []
        sequences.reserveCapacity(byCard.count)
        // (time, sequence, position) of every item.
        var itemTimes: [(time: Int64, seq: Int, pos: Int)] = []
        for key in byCard.keys.sorted() {
            guard let history = byCard[key]?.sorted(by: { $0.timeMs < $1.timeMs }) else { continue }
            var deltas: [Int] = []
            deltas.reserveCapacity(history.count)
            var previousDay: Int64?
            for entry in history {
                let ms = entry.timeMs - rolloverMs
                let day = ms >= 0 ? ms / 86_400_000 : -((-ms + 86_399_999) / 86_400_000)
                deltas.append(previousDay.map { Int(day - $0) } ?? 0)
                previousDay = day
            }
            let seq = sequences.count
            for pos in 1..<max(1, history.count) where deltas[pos] > 0 {
                itemTimes.append((history[pos].timeMs, seq, pos))
            }
            sequences.append(
                Sequence(
                    ratings: history.map(\.rating), deltas: deltas,
                    roles: Array(repeating: 0, count: history.count), trainEnd: 0))
        }
        itemTimes.sort { ($0.time, $0.seq, $0.pos) < ($1.time, $1.seq, $1.pos) }
        let trainCount = Int((Double(itemTimes.count) * trainFraction).rounded(.down))
        for (rank, item) in itemTimes.enumerated() {
            let train = rank < trainCount
            sequences[item.seq].roles[item.pos] = train ? 1 : 2
            if train { sequences[item.seq].trainEnd = max(sequences[item.seq].trainEnd, item.pos) }
        }
        self.sequences = sequences
        trainItems = trainCount
        testItems = itemTimes.count - trainCount
    }
}
