import Foundation
import Logging
import SeaIceCore

/// Progress of a conversion batch, reported after every row block of every file.
public struct ConversionProgress: Sendable {
    /// The file the report is about.
    public let file: URL
    /// Fraction of that file done, 0 … 1.
    public let fileFraction: Double
    /// Files finished (converted or failed) so far.
    public let finishedFiles: Int
    /// Files in the batch.
    public let totalFiles: Int
    /// Fraction of the whole batch done, 0 … 1 (files in flight count by their fraction).
    public let overallFraction: Double
}

/// The outcome of a conversion batch.
public struct ConversionSummary: Sendable {
    /// Converted files: input and output, in input order.
    public var converted: [(input: URL, output: URL)] = []
    /// Failed files with the reason (the error's description), in input order.
    public var failed: [(input: URL, reason: String)] = []
}

/// Converts many raw files with `jobs` files in flight at once; a bad file is reported and skipped.
///
/// Each worker converts whole files; with fewer files than jobs the spare workers share the row blocks of
/// a file (netCDF-C calls are serialised by `SeaIceNetCDF`; block reductions, chart conversion and scaling
/// run in parallel). Outputs are atomic: a failed file
/// leaves nothing under its ready-to-train name.
public struct ConversionBatch: Sendable {
    /// The per-file converter.
    public let converter: ReadyConverter
    /// Files converted at the same time (≥ 1).
    public let jobs: Int

    /// A batch runner.
    public init(converter: ReadyConverter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.converter = converter
        self.jobs = max(1, jobs)
    }

    /// Converts `files` into `outputDirectory`; `progress` is called from worker threads (serialised).
    public func run(_ files: [URL], outputDirectory: URL,
                    progress: @escaping @Sendable (ConversionProgress) -> Void = { _ in }) -> ConversionSummary {
        let state = BatchState(count: files.count)
        let workers = min(jobs, max(files.count, 1))
        // Fewer files than jobs: the spare cores convert row blocks of the same file.
        var options = converter.options
        options.blockWorkers = max(options.blockWorkers, jobs / workers)
        let converter = ReadyConverter(options: options, logger: converter.logger)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.claim() {
                let file = files[index]
                let result: Result<URL, Error> = Result {
                    try converter.convert(raw: file, outputDirectory: outputDirectory) { fraction in
                        state.emit(state.report(index: index, file: file, fraction: fraction), to: progress)
                    }
                }
                if case let .failure(error) = result {
                    converter.logger.info("skipped \(file.lastPathComponent): \(error)")
                }
                state.emit(state.finish(index: index, file: file, result: result), to: progress)
            }
        }
        return state.summary(files)
    }
}

/// Shared bookkeeping of a batch (work queue, fractions, results), guarded by one lock.
private final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private let progressLock = NSLock()
    private var next = 0
    private var fractions: [Double]
    private var results: [Result<URL, Error>?]
    private var finished = 0

    init(count: Int) {
        fractions = Array(repeating: 0, count: count)
        results = Array(repeating: nil, count: count)
    }

    /// Calls `progress` with `p`, one call at a time.
    func emit(_ p: ConversionProgress, to progress: (ConversionProgress) -> Void) {
        progressLock.lock(); defer { progressLock.unlock() }
        progress(p)
    }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < fractions.count else { return nil }
        next += 1
        return next - 1
    }

    func report(index: Int, file: URL, fraction: Double) -> ConversionProgress {
        lock.lock(); defer { lock.unlock() }
        fractions[index] = fraction
        return snapshot(file: file, fraction: fraction)
    }

    func finish(index: Int, file: URL, result: Result<URL, Error>) -> ConversionProgress {
        lock.lock(); defer { lock.unlock() }
        fractions[index] = 1
        results[index] = result
        finished += 1
        return snapshot(file: file, fraction: 1)
    }

    private func snapshot(file: URL, fraction: Double) -> ConversionProgress {
        let total = fractions.count
        return ConversionProgress(file: file, fileFraction: fraction, finishedFiles: finished, totalFiles: total,
                                  overallFraction: total == 0 ? 1 : fractions.reduce(0, +) / Double(total))
    }

    func summary(_ files: [URL]) -> ConversionSummary {
        lock.lock(); defer { lock.unlock() }
        var s = ConversionSummary()
        for (file, result) in zip(files, results) {
            switch result {
            case let .success(output)?: s.converted.append((file, output))
            case let .failure(error)?: s.failed.append((file, String(describing: error)))
            case nil: s.failed.append((file, "not processed"))
            }
        }
        return s
    }
}
