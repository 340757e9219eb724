// Performance benchmarks, run by hand on a release build:
//   swift run -c release MnemoBench [name...]
// Not part of `swift test`. Each benchmark prints medians of several runs.
import Foundation
import MnemoCore

print("MnemoBench: no benchmarks registered yet")
