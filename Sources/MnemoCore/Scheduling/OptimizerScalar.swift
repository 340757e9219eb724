import Foundation

/// The arithmetic the FSRS memory model needs, so one generic implementation serves both plain
/// evaluation (`Double`) and forward-mode differentiation (`Dual`).
protocol OptimizerScalar {
    init(_ constant: Double)
    var value: Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static func + (a: Self, b: Double) -> Self
    static func * (a: Self, b: Double) -> Self
    static func - (a: Double, b: Self) -> Self
    var exponential: Self { get }
    var logarithm: Self { get }
}

extension Double: OptimizerScalar {
    @inline(__always) var value: Double { self }
    @inline(__always) var exponential: Double { exp(self) }
    @inline(__always) var logarithm: Double { log(self) }
}

/// A value with its gradient with respect to the 21 FSRS weights (lanes 0…20; the rest stay 0).
struct Dual: OptimizerScalar {
    typealias Gradient = SIMD32<Double>
    var value: Double
    var gradient: Gradient

    @inline(__always) init(_ constant: Double) {
        value = constant
        gradient = Gradient(repeating: 0)
    }

    @inline(__always) init(value: Double, gradient: Gradient) {
        self.value = value
        self.gradient = gradient
    }

    /// The weight `index` itself: derivative 1 in its own lane.
    static func variable(_ value: Double, index: Int) -> Dual {
        var g = Gradient(repeating: 0)
        g[index] = 1
        return Dual(value: value, gradient: g)
    }

    @inline(__always) static func + (a: Dual, b: Dual) -> Dual {
        Dual(value: a.value + b.value, gradient: a.gradient + b.gradient)
    }
    @inline(__always) static func - (a: Dual, b: Dual) -> Dual {
        Dual(value: a.value - b.value, gradient: a.gradient - b.gradient)
    }
    @inline(__always) static func * (a: Dual, b: Dual) -> Dual {
        Dual(value: a.value * b.value, gradient: b.value * a.gradient + a.value * b.gradient)
    }
    @inline(__always) static func / (a: Dual, b: Dual) -> Dual {
        let q = a.value / b.value
        return Dual(value: q, gradient: (a.gradient - q * b.gradient) / b.value)
    }
    @inline(__always) static func + (a: Dual, b: Double) -> Dual { Dual(value: a.value + b, gradient: a.gradient) }
    @inline(__always) static func * (a: Dual, b: Double) -> Dual { Dual(value: a.value * b, gradient: a.gradient * b) }
    @inline(__always) static func - (a: Double, b: Dual) -> Dual { Dual(value: a - b.value, gradient: -b.gradient) }
    @inline(__always) var exponential: Dual {
        let e = exp(value)
        return Dual(value: e, gradient: e * gradient)
    }
    @inline(__always) var logarithm: Dual { Dual(value: log(value), gradient: gradient / value) }
}

/// FSRS-6 as fsrs-rs trains it (whole-day `delta_t`, same-day when 0, S clamped to [0.001, 36500],
/// D to [1, 10]), generic over the scalar type.
struct TrainableModel<T: OptimizerScalar> {
    let w: [T]
    let decay: T
    let factor: T
    let expW8: T
    let lapseShortTermDivisor: T
    let easyD0: T

    init(_ w: [T]) {
        self.w = w
        decay = 0 - w[20]
        // 0.9^(1/decay) − 1 = exp(ln 0.9 / decay) − 1
        factor = ((T(log(0.9)) / decay).exponential) + -1
        expW8 = w[8].exponential
        lapseShortTermDivisor = (w[17] * w[18]).exponential
        easyD0 = (w[4] + 1) - (w[5] * 3).exponential
    }

    @inline(__always) static func clamp(_ x: T, _ lower: Double, _ upper: Double) -> T {
        x.value < lower ? T(lower) : x.value > upper ? T(upper) : x
    }

    @inline(__always) func retrievability(days t: Double, stability s: T) -> T {
        (decay * ((factor * t / s) + 1).logarithm).exponential
    }

    @inline(__always) func initial(_ rating: Rating) -> (s: T, d: T) {
        let d = (w[4] + 1) - (w[5] * Double(rating.rawValue - 1)).exponential
        return (Self.clamp(w[rating.rawValue - 1], 0.001, 36500), Self.clamp(d, 1, 10))
    }

    @inline(__always) func step(s: T, d: T, days: Int, rating: Rating) -> (s: T, d: T) {
        let g = Double(rating.rawValue)
        var newS: T
        if days == 0 {
            var increase = (w[17] * (w[18] + (g - 3))).exponential * (w[19] * -1 * s.logarithm).exponential
            if rating != .again && increase.value < 1 { increase = T(1) }
            newS = s * increase
        } else {
            let r = retrievability(days: Double(days), stability: s)
            if rating == .again {
                let longTerm =
                    w[11] * (w[12] * -1 * d.logarithm).exponential
                    * ((w[13] * (s + 1).logarithm).exponential + -1) * (w[14] * (1 - r)).exponential
                let shortTerm = s / lapseShortTermDivisor
                newS = longTerm.value < shortTerm.value ? longTerm : shortTerm
            } else {
                var growth =
                    expW8 * (11 - d) * (w[9] * -1 * s.logarithm).exponential * ((w[10] * (1 - r)).exponential + -1)
                if rating == .hard { growth = growth * w[15] }
                if rating == .easy { growth = growth * w[16] }
                newS = s * (growth + 1)
            }
        }
        let damped = d + (10 - d) * (w[6] * ((3 - g) / 9))
        let newD = w[7] * easyD0 + (1 - w[7]) * damped
        return (Self.clamp(newS, 0.001, 36500), Self.clamp(newD, 1, 10))
    }
}
