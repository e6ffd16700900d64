import Foundation
import SeaIceCore

/// The metrics log as a TensorBoard event file (no TensorBoard, TensorFlow or service needed to write
/// it): `tensorboard/events.out.tfevents.0.seaicekit` in the run folder, one scalar per epoch for
/// `train/loss`, `train/<term>`, `validation/<score>` and `learning_rate`, step = epoch, wall time
/// from each line's UTC `time`. `tensorboard --logdir RUN/tensorboard` shows the curves.
///
/// Format (TensorFlow `tensorflow/core/util/event.proto`, `summary.proto`, TFRecord framing): records
/// of `uint64 length`, `uint32 masked CRC-32C(length)`, the serialised `Event`, `uint32 masked
/// CRC-32C(data)`, little-endian; the first event holds `file_version = "brain.Event:2"`.
public enum TensorBoardExport {
    /// The event file's path inside the run folder.
    public static let relativePath = "tensorboard/events.out.tfevents.0.seaicekit"

    /// Rewrites the event file of `run` from its whole metrics log (atomically); returns its URL.
    @discardableResult
    public static func write(run: RunDirectory) throws -> URL {
        let url = run.url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicOutput.write(events(try run.metrics.read()), to: url)
        return url
    }

    /// The event file's bytes for `metrics`.
    public static func events(_ metrics: [EpochMetrics]) -> Data {
        var out = Data()
        let start = metrics.first.flatMap { wallTime($0.time) } ?? 0
        out += record(event(wallTime: start, step: 0, fileVersion: "brain.Event:2", values: []))
        for m in metrics {
            var values: [(String, Float)] = [
                ("train/loss", Float(m.trainLoss)), ("learning_rate", Float(m.learningRate)),
            ]
            values += m.trainLosses.sorted { $0.key < $1.key }.map { ("train/\($0.key)", Float($0.value)) }
            values += (m.validation ?? [:]).sorted { $0.key < $1.key }.map { ("validation/\($0.key)", Float($0.value)) }
            let wall = wallTime(m.time) ?? start
            out += record(event(wallTime: wall, step: Int64(m.epoch), fileVersion: nil, values: values))
        }
        return out
    }

    static func wallTime(_ time: String?) -> Double? {
        time.flatMap(UTCTimestamp.date)?.timeIntervalSince1970
    }

    /// A serialised `Event`: wall_time (1, double), step (2, int64), file_version (3) or summary (5).
    static func event(wallTime: Double, step: Int64, fileVersion: String?, values: [(String, Float)]) -> Data {
        var e = Data([0x09]) + littleEndian(wallTime.bitPattern)
        e += [0x10] + varint(UInt64(bitPattern: step))
        if let fileVersion { e += lengthDelimited(3, Data(fileVersion.utf8)) }
        if !values.isEmpty {
            // Summary { repeated Value value = 1 }, Value { string tag = 1; float simple_value = 2 }.
            let summary = values.reduce(into: Data()) { s, v in s += lengthDelimited(1, value(tag: v.0, v.1)) }
            e += lengthDelimited(5, summary)
        }
        return e
    }

    /// A serialised summary `Value` with a scalar.
    static func value(tag: String, _ x: Float) -> Data {
        lengthDelimited(1, Data(tag.utf8)) + [0x15] + littleEndian(x.bitPattern)
    }

    /// A TFRecord: length, masked CRC of the length, data, masked CRC of the data.
    static func record(_ data: Data) -> Data {
        let length = littleEndian(UInt64(data.count))
        return length + littleEndian(maskedCRC(length)) + data + littleEndian(maskedCRC(data))
    }

    /// TFRecord's CRC mask: rotate right by 15 and add 0xa282ead8.
    static func maskedCRC(_ data: Data) -> UInt32 {
        let c = crc32c(data)
        return ((c >> 15) | (c << 17)) &+ 0xa282_ead8
    }

    /// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as TFRecord uses.
    static func crc32c(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    static func lengthDelimited(_ field: UInt64, _ payload: Data) -> Data {
        varint(field << 3 | 2) + varint(UInt64(payload.count)) + payload
    }

    static func varint(_ v: UInt64) -> Data {
        var v = v, out = Data()
        repeat {
            let b = UInt8(v & 0x7F)
            v >>= 7
            out.append(v == 0 ? b : b | 0x80)
        } while v != 0
        return out
    }

    static func littleEndian<T: FixedWidthInteger>(_ v: T) -> Data {
        withUnsafeBytes(of: v.littleEndian) { Data($0) }
    }
}
