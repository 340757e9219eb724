enum OptimizerBench { static func run() throws { print("optimizer: not yet") } }
