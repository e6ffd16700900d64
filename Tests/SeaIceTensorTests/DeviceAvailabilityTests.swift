import SeaIceCore
import SeaIceTensor
import XCTest

/// A missing device is one sentence naming the devices there are, before libtorch's dispatcher is reached.
final class DeviceAvailabilityTests: XCTestCase {
    /// Device 99 exists on no machine; the message lists what does.
    func testAMissingCUDADeviceIsRefusedWithTheAvailableDevices() throws {
        let count = TorchRuntime.cudaAvailable ? TorchRuntime.cudaDeviceCount : 0
        let expected =
            count == 0
            ? "no CUDA device; available: cpu"
            : "no CUDA device 99 (\(count) visible); available: cpu, "
                + (0..<count).map { "cuda:\($0)" }.joined(separator: ", ")
        for attempt in [
            { try Device.cuda(99).checkAvailable() },
            { _ = try Tensor.zeros([2, 2], device: .cuda(99)) },
            { _ = try Tensor([1, 2] as [Float], shape: [2], device: .cuda(99)) },
            { _ = try Tensor.zeros([2]).to(.cuda(99)) },
        ] as [() throws -> Void] {
            XCTAssertThrowsError(try attempt()) { error in
                XCTAssertEqual("\(error)", "libtorch device cuda:99 failed: \(expected)")
            }
        }
    }

    func testTheCPUIsAlwaysAvailable() throws {
        XCTAssertNoThrow(try Device.cpu.checkAvailable())
        XCTAssertEqual(try Tensor.zeros([2], device: .cpu).device, .cpu)
    }
}
