import Foundation

/// Exact gradient of the training loss, by forward-mode differentiation with the memory model's
/// local partial derivatives written out: along each card, the tangents ∂S/∂w and ∂D/∂w (21 lanes)
/// are carried with the state, so one pass gives the gradient. Same model as `TrainableModel`
/// (fsrs-rs semantics); `Dual` gives the same numbers, only far slower, and is the test reference.
struct OptimizerGradient {
    let w: [Double]
    let decay: Double
    let factor: Double
    /// ∂factor/∂w20.
    let factorW20: Double
    let expW8: Double
    let lapseShortTermDivisor: Double
    let expW5x3: Double

    init(_ w: [Double]) {
        self.w = w
        decay = -w[20]
        let e = exp(log(0.9) / decay)
        factor = e - 1
        // d/dw20 of exp(ln 0.9 / decay) with decay = −w20: e · ln 0.9 / decay²
        factorW20 = e * log(0.9) / (decay * decay)
        expW8 = exp(w[8])
        lapseShortTermDivisor = exp(w[17] * w[18])
        expW5x3 = exp(3 * w[5])
    }

    /// R(t, S) with ∂R/∂S and ∂R/∂w20.
    @inline(__always) func retrievability(days t: Double, stability s: Double) -> (r: Double, dS: Double, dW20: Double)
    {
        let b = 1 + factor * t / s
        let r = exp(decay * log(b))
        let dS = r * decay / b * (-factor * t / (s * s))
        let dW20 = r * (-log(b) + decay * (t / s) * factorW20 / b)
        return (r, dS, dW20)
    }

    /// Adds the gradient of the summed cross-entropy over `seq`'s training items to `total`
    /// (21 values); returns the summed loss. `scratch` holds 4 × 21 doubles of working space.
    func accumulate(
        _ seq: OptimizerDataset.Sequence, into total: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Double {
        let n = 21
        // Tangents ∂S/∂w and ∂D/∂w, current and next.
        var sT = scratch, dT = scratch + n, nsT = scratch + 2 * n, ndT = scratch + 3 * n
        sT.update(repeating: 0, count: 4 * n)
        var loss = 0.0
        let first = seq.ratings[0]
        let g0 = Double(first.rawValue - 1)
        var s = w[first.rawValue - 1]
        if s < 0.001 { s = 0.001 } else if s > 36500 { s = 36500 } else { sT[first.rawValue - 1] = 1 }
        var d = w[4] + 1 - exp(w[5] * g0)
        if d < 1 {
            d = 1
        } else if d > 10 {
            d = 10
        } else {
            dT[4] = 1
            dT[5] = -g0 * exp(w[5] * g0)
        }
        /// out = a · sT + b · dT
        @inline(__always) func combine(_ out: UnsafeMutablePointer<Double>, _ a: Double, _ b: Double) {
            for i in 0..<n { out[i] = a * sT[i] + b * dT[i] }
        }
        for pos in 1...seq.trainEnd {
            let rating = seq.ratings[pos]
            let delta = seq.deltas[pos]
            let g = Double(rating.rawValue)
            var r = 1.0, rS = 0.0, rW20 = 0.0
            if delta > 0 { (r, rS, rW20) = retrievability(days: Double(delta), stability: s) }
            if seq.roles[pos] == 1 {
                let y = rating == .again ? 0.0 : 1.0
                let p = min(max(r, 1e-7), 1 - 1e-7)
                loss -= y * log(p) + (1 - y) * log(1 - p)
                if r > 1e-7 && r < 1 - 1e-7 {
                    let dLdp = rating == .again ? 1 / (1 - p) : -1 / p
                    let k = dLdp * rS
                    for i in 0..<n { total[i] += k * sT[i] }
                    total[20] += dLdp * rW20
                }
            }
            if pos == seq.trainEnd { break }

            // Stability: new value and its tangent (chain through S, D, R, plus direct weights).
            var newS: Double
            if delta == 0 {
                let grow = exp(w[17] * (g - 3 + w[18]))
                let inc = grow * exp(-w[19] * log(s))
                if rating != .again && inc < 1 {
                    newS = s
                    combine(nsT, 1, 0)
                } else {
                    newS = s * inc
                    combine(nsT, inc * (1 - w[19]), 0)
                    nsT[17] += newS * (g - 3 + w[18])
                    nsT[18] += newS * w[17]
                    nsT[19] += newS * -log(s)
                }
            } else if rating == .again {
                let q = exp(w[14] * (1 - r))
                let dPow = exp(-w[12] * log(d))
                let sPow = exp(w[13] * log(s + 1))
                let longTerm = w[11] * dPow * (sPow - 1) * q
                let shortTerm = s / lapseShortTermDivisor
                if longTerm < shortTerm {
                    newS = longTerm
                    let byR = longTerm * -w[14]
                    let byS = w[11] * dPow * q * w[13] * sPow / (s + 1) + byR * rS
                    combine(nsT, byS, longTerm * -w[12] / d)
                    nsT[11] += dPow * (sPow - 1) * q
                    nsT[12] += longTerm * -log(d)
                    nsT[13] += w[11] * dPow * q * sPow * log(s + 1)
                    nsT[14] += longTerm * (1 - r)
                    nsT[20] += byR * rW20
                } else {
                    newS = shortTerm
                    combine(nsT, 1 / lapseShortTermDivisor, 0)
                    nsT[17] += -w[18] * shortTerm
                    nsT[18] += -w[17] * shortTerm
                }
            } else {
                let a = exp(w[10] * (1 - r))
                let sPow = exp(-w[9] * log(s))
                let bonus = (rating == .hard ? w[15] : 1) * (rating == .easy ? w[16] : 1)
                let base = expW8 * (11 - d) * sPow * (a - 1)
                let growth = base * bonus
                newS = s * (1 + growth)
                // ∂growth/∂r = expW8 (11 − D) S^−w9 · bonus · a · (−w10)
                let growthR = expW8 * (11 - d) * sPow * bonus * a * -w[10]
                let byS = (1 + growth) + s * (growth * -w[9] / s + growthR * rS)
                combine(nsT, byS, s * -expW8 * sPow * (a - 1) * bonus)
                nsT[8] += s * growth
                nsT[9] += s * growth * -log(s)
                nsT[10] += s * expW8 * (11 - d) * sPow * bonus * a * (1 - r)
                if rating == .hard { nsT[15] += s * base }
                if rating == .easy { nsT[16] += s * base }
                nsT[20] += s * growthR * rW20
            }
            if newS < 0.001 || newS > 36500 {
                newS = min(max(newS, 0.001), 36500)
                nsT.update(repeating: 0, count: n)
            }

            // Difficulty.
            let shift = w[6] * (3 - g) / 9
            let damped = d + (10 - d) * shift
            let easyD0 = w[4] + 1 - expW5x3
            var newD = w[7] * easyD0 + (1 - w[7]) * damped
            if newD < 1 || newD > 10 {
                newD = min(max(newD, 1), 10)
                ndT.update(repeating: 0, count: n)
            } else {
                let k = (1 - w[7]) * (1 - shift)
                for i in 0..<n { ndT[i] = k * dT[i] }
                ndT[4] += w[7]
                ndT[5] += -w[7] * 3 * expW5x3
                ndT[6] += (1 - w[7]) * (10 - d) * (3 - g) / 9
                ndT[7] += easyD0 - damped
            }
            s = newS
            d = newD
            swap(&sT, &nsT)
            swap(&dT, &ndT)
        }
        return loss
    }
}
