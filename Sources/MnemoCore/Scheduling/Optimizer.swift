import Foundation

/// Fits the 21 FSRS-6 weights to a review log as fsrs-rs does (reference README): initial
/// stabilities pre-trained from first long-term review outcomes, then Adam on binary cross-entropy
/// of recall over the training items, with a Gaussian prior toward the pre-trained start, cosine
/// learning-rate decay, and every weight clamped to its bounds (SPEC.md §2) after each step.
/// Gradients are exact, by forward-mode differentiation (`Dual`) of the memory model.
public struct Optimizer: Sendable {
    /// Fewest items (reviews a day or more after the card's previous one) worth fitting.
    public static let minimumItems = 400

    public var epochs = 5
    public var batchSize = 512
    public var learningRate = 4e-2
    /// Weight of the prior pulling parameters toward their starting values.
    public var priorWeight = 1.0
    /// Seed for the order of cards in each epoch.
    public var seed: UInt64 = 2025

    public init() {}

    /// How far each weight may plausibly move (prior standard deviations).
    static let parameterSpread: [Double] = [
        6.5, 9.5, 17.5, 27.5, 0.55, 0.28, 0.6, 0.12, 0.4, 0.18, 0.33,
        0.3, 0.09, 0.16, 0.57, 0.25, 1.0, 0.3, 0.3, 0.14, 0.27,
    ]

    /// The result of a fit: parameters and how they do on the held-out (later) items.
    public struct Report: Codable, Hashable, Sendable {
        public var parameters: [Double]
        /// Defaults on the held-out items.
        public var before: OptimizerMetrics
        /// Fitted parameters on the held-out items.
        public var after: OptimizerMetrics
        public var trainItems: Int
        public var testItems: Int
    }

    /// Fits on the dataset's training items and scores `start` (the defaults) and the fit on its test
    /// items. If the fit does not lower the training loss, `start` is returned unchanged.
    public func fit(_ dataset: OptimizerDataset, start: [Double] = FSRSModel.defaultParameters) throws(SchedulingError)
        -> Report
    {
        guard dataset.items >= Self.minimumItems, dataset.trainItems > 0, dataset.testItems > 0 else {
            throw .notEnoughReviews(have: dataset.items, need: Self.minimumItems)
        }
        guard start.count == 21 else { throw .wrongParameterCount(start.count) }
        let bad = FSRSModel.outOfBounds(start)
        guard bad.isEmpty else { throw .parametersOutOfBounds(bad) }
        var parameters = train(dataset, start: start)
        // Never hand back something worse than the start on the data it was fitted to.
        if !(dataset.metrics(parameters: parameters, part: .train).logLoss
            <= dataset.metrics(parameters: start, part: .train).logLoss)
        {
            parameters = start
        }
        return Report(
            parameters: parameters,
            before: dataset.metrics(parameters: start, part: .test),
            after: dataset.metrics(parameters: parameters, part: .test),
            trainItems: dataset.trainItems, testItems: dataset.testItems)
    }

    /// The fitted parameters (training items only).
    public func train(_ dataset: OptimizerDataset, start: [Double] = FSRSModel.defaultParameters) -> [Double] {
        var w = Self.clamped(start)
        let pretrained = Self.pretrainInitialStability(dataset, defaults: w)
        for i in 0..<4 { w[i] = pretrained[i] }
        let prior = w
        let cards = dataset.sequences.indices.filter { dataset.sequences[$0].trainEnd > 0 }
        guard !cards.isEmpty else { return w }
        // Batches of whole cards holding about `batchSize` training items.
        let itemsPerCard = cards.map { c in dataset.sequences[c].roles.reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }
        let batchesPerEpoch = max(1, Int((Double(dataset.trainItems) / Double(batchSize)).rounded(.up)))
        let totalSteps = batchesPerEpoch * epochs
        var adam = Adam(count: 21, learningRate: learningRate)
        var rng = SeededGenerator(seed: seed)
        var order = Array(cards.indices)
        var stepIndex = 0
        for _ in 0..<epochs {
            order.shuffle(using: &rng)
            var batch: [Int] = []
            var batchItems = 0
            func flush() {
                guard batchItems > 0 else { return }
                var gradient = Self.lossGradient(dataset, cards: batch, w: w)
                // Prior: priorWeight · Σ ((w − prior) / spread)², scaled to this batch's share of items.
                let share = Double(batchItems) / Double(dataset.trainItems)
                for i in 0..<21 {
                    gradient[i] +=
                        priorWeight * share * 2 * (w[i] - prior[i])
                        / (Self.parameterSpread[i] * Self.parameterSpread[i])
                    gradient[i] /= Double(batchItems)
                }
                let lr = learningRate * 0.5 * (1 + cos(Double.pi * Double(stepIndex) / Double(totalSteps)))
                adam.step(&w, gradient: gradient, learningRate: lr)
                w = Self.clamped(w)
                stepIndex += 1
                batch.removeAll(keepingCapacity: true)
                batchItems = 0
            }
            for k in order {
                batch.append(cards[k])
                batchItems += itemsPerCard[k]
                if batchItems >= batchSize { flush() }
            }
            flush()
        }
        return w
    }

    static func clamped(_ w: [Double]) -> [Double] {
        zip(w, FSRSModel.parameterBounds).map { value, range in
            value.isNaN ? range.lowerBound : min(max(value, range.lowerBound), range.upperBound)
        }
    }

    /// Gradient of the summed cross-entropy over the training items of `cards`.
    static func lossGradient(_ dataset: OptimizerDataset, cards: [Int], w: [Double]) -> [Double] {
        let model = OptimizerGradient(w)
        var total = [Double](repeating: 0, count: 21)
        var scratch = [Double](repeating: 0, count: 4 * 21)
        total.withUnsafeMutableBufferPointer { t in
            scratch.withUnsafeMutableBufferPointer { sc in
                guard let t = t.baseAddress, let sc = sc.baseAddress else { return }
                for c in cards { _ = model.accumulate(dataset.sequences[c], into: t, scratch: sc) }
            }
        }
        return total
    }

    /// The same gradient by `Dual` numbers through the generic model: slow, the tests' reference.
    static func dualLossGradient(_ dataset: OptimizerDataset, cards: [Int], w: [Double]) -> [Double] {
        let model = TrainableModel<Dual>((0..<21).map { Dual.variable(w[$0], index: $0) })
        var total = Dual.Gradient(repeating: 0)
        for c in cards {
            let seq = dataset.sequences[c]
            var (s, d) = model.initial(seq.ratings[0])
            for pos in 1...seq.trainEnd {
                let rating = seq.ratings[pos]
                let delta = seq.deltas[pos]
                if seq.roles[pos] == 1 {
                    let r = model.retrievability(days: Double(delta), stability: s)
                    let p = r.value
                    if p > 1e-7 && p < 1 - 1e-7 {
                        let dLdp = rating == .again ? 1 / (1 - p) : -1 / p
                        total += dLdp * r.gradient
                    }
                }
                if pos < seq.trainEnd { (s, d) = model.step(s: s, d: d, days: delta, rating: rating) }
            }
        }
        return (0..<21).map { total[$0] }
    }

    /// Initial stabilities w0…w3 from the first long-term review of each card, grouped by the
    /// card's first rating (fsrs-rs pre-training): for each rating with enough data, the S0 that
    /// minimizes the count-weighted cross-entropy of R(delta_t, S0) against the (smoothed) recall
    /// rate per delta_t, plus |S0 − default| / 16. Missing ratings keep their start value; the
    /// result is made non-decreasing from Again to Easy.
    static func pretrainInitialStability(_ dataset: OptimizerDataset, defaults: [Double]) -> [Double] {
        // rating → delta_t → (count, recalled)
        var groups: [[Int: (n: Double, y: Double)]] = Array(repeating: [:], count: 4)
        var totalN = 0.0, totalY = 0.0
        for seq in dataset.sequences {
            guard let pos = seq.deltas.indices.first(where: { $0 > 0 && seq.deltas[$0] > 0 }), seq.roles[pos] == 1
            else { continue }
            let first = seq.ratings[0].rawValue - 1
            let y = seq.ratings[pos] == .again ? 0.0 : 1.0
            groups[first][seq.deltas[pos], default: (0, 0)].n += 1
            groups[first][seq.deltas[pos], default: (0, 0)].y += y
            totalN += 1
            totalY += y
        }
        guard totalN > 0 else { return Array(defaults[0..<4]) }
        let averageRecall = totalY / totalN
        let model = TrainableModel<Double>(defaults)
        var s0 = Array(defaults[0..<4])
        for rating in 0..<4 {
            // Drop the rarest delta_t groups (up to 5 % of the data) and groups under 6 reviews.
            let sorted = groups[rating].sorted { a, b in a.value.n != b.value.n ? a.value.n < b.value.n : a.key > b.key
            }
            let total = sorted.reduce(0) { $0 + $1.value.n }
            var removed = 0.0
            var points: [(t: Double, n: Double, recall: Double)] = []
            for (delta, g) in sorted {
                if removed + g.n < total / 20 {
                    removed += g.n
                } else if g.n >= 6 {
                    points.append((Double(delta), g.n, (g.y + averageRecall) / (g.n + 1)))
                }
            }
            guard points.reduce(0, { $0 + $1.n }) >= 20 else { continue }
            let prior = defaults[rating]
            func loss(_ s: Double) -> Double {
                var l = abs(s - prior) / 16
                for p in points {
                    let r = min(max(model.retrievability(days: p.t, stability: s), 1e-7), 1 - 1e-7)
                    l -= p.n * (p.recall * log(r) + (1 - p.recall) * log(1 - r))
                }
                return l
            }
            // The loss is unimodal in S0: golden-section search on a log scale over [0.001, 100].
            var lo = log(0.001), hi = log(100.0)
            let phi = (5.0.squareRoot() - 1) / 2
            var a = hi - phi * (hi - lo), b = lo + phi * (hi - lo)
            var fa = loss(exp(a)), fb = loss(exp(b))
            for _ in 0..<80 {
                if fa < fb {
                    hi = b; b = a; fb = fa
                    a = hi - phi * (hi - lo); fa = loss(exp(a))
                } else {
                    lo = a; a = b; fa = fb
                    b = lo + phi * (hi - lo); fb = loss(exp(b))
                }
            }
            s0[rating] = exp((lo + hi) / 2)
        }
        for i in 1..<4 { s0[i] = max(s0[i], s0[i - 1]) }
        return s0.map { min(max($0, 0.001), 100) }
    }
}

/// Adam (Kingma & Ba) with the usual β1 = 0.9, β2 = 0.999, ε = 1e-8.
struct Adam {
    var m: [Double]
    var v: [Double]
    var t = 0
    let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8

    init(count: Int, learningRate: Double) {
        m = Array(repeating: 0, count: count)
        v = Array(repeating: 0, count: count)
    }

    mutating func step(_ w: inout [Double], gradient: [Double], learningRate: Double) {
        t += 1
        let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
        for i in w.indices where gradient[i].isFinite {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            w[i] -= learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
        }
    }
}
