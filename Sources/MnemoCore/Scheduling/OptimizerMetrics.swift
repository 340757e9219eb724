import Foundation

/// How well parameters predict recall on a set of items (reference README: unweighted log loss and
/// RMSE over fsrs-rs / srs-benchmark bins). The review-count bin uses fsrs-rs's `r_matrix_index`
/// (n = 1 + long-term reviews including the predicted one), which reproduces the README's figures
/// (defaults on synthetic-revlog.csv: 0.3765, 0.0447).
public struct OptimizerMetrics: Codable, Hashable, Sendable {
    public var logLoss: Double
    public var rmseBins: Double
    public var items: Int

    public init(logLoss: Double, rmseBins: Double, items: Int) {
        self.logLoss = logLoss
        self.rmseBins = rmseBins
        self.items = items
    }
}

extension OptimizerDataset {
    /// Which items to score.
    public enum Part: Sendable { case train, test, all }

    /// Log loss and RMSE(bins) of `parameters` on `part`, replaying every card from its first review.
    public func metrics(parameters: [Double], part: Part) -> OptimizerMetrics {
        let model = TrainableModel<Double>(parameters)
        struct Bin { var count = 0.0; var predicted = 0.0; var recalled = 0.0 }
        var bins: [BinKey: Bin] = [:]
        var loss = 0.0
        var count = 0
        for seq in sequences {
            var s = 0.0, d = 0.0
            var longTermReviews = 0
            var lapses = 0
            for pos in seq.ratings.indices {
                let rating = seq.ratings[pos]
                let delta = seq.deltas[pos]
                if pos > 0 && delta > 0 {
                    let role = seq.roles[pos]
                    if role != 0 && (part == .all || (part == .train) == (role == 1)) {
                        let p = min(max(model.retrievability(days: Double(delta), stability: s), 1e-7), 1 - 1e-7)
                        let y = rating == .again ? 0.0 : 1.0
                        loss -= y * log(p) + (1 - y) * log(1 - p)
                        count += 1
                        // fsrs-rs `r_matrix_index`: n = 1 + long-term reviews *including this one*
                        // (this reproduces the reference README's 0.0447 for the defaults).
                        let key = BinKey(delta: delta, reviews: longTermReviews + 2, lapses: lapses)
                        bins[key, default: Bin()].count += 1
                        bins[key, default: Bin()].predicted += p
                        bins[key, default: Bin()].recalled += y
                    }
                    longTermReviews += 1
                    if rating == .again { lapses += 1 }
                }
                (s, d) = pos == 0 ? model.initial(rating) : model.step(s: s, d: d, days: delta, rating: rating)
            }
        }
        guard count > 0 else { return OptimizerMetrics(logLoss: .nan, rmseBins: .nan, items: 0) }
        var squared = 0.0
        for bin in bins.values {
            let gap = bin.predicted / bin.count - bin.recalled / bin.count
            squared += bin.count * gap * gap
        }
        return OptimizerMetrics(
            logLoss: loss / Double(count), rmseBins: (squared / Double(count)).squareRoot(), items: count)
    }

    /// The srs-benchmark bin of an item: elapsed days, review count and lapse count, each on a log scale.
    struct BinKey: Hashable {
        var delta: Int, reviews: Int, lapses: Int

        init(delta: Int, reviews n: Int, lapses: Int) {
            func bucket(_ x: Double, scale: Double, base: Double) -> Double {
                scale * pow(base, (log(x) / log(base)).rounded(.down))
            }
            self.delta = Int((bucket(Double(delta), scale: 2.48, base: 3.62) * 100).rounded(.toNearestOrEven))
            reviews = Int(bucket(Double(n), scale: 1.99, base: 1.89).rounded(.toNearestOrEven))
            self.lapses =
                lapses == 0 ? 0 : Int(bucket(Double(lapses), scale: 1.65, base: 1.73).rounded(.toNearestOrEven))
        }
    }
}
