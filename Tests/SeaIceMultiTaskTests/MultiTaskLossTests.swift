import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceTensor
import SeaIceMultiTask
import SeaIceTraining
import XCTest

final class MultiTaskLossTests: XCTestCase {
    /// A hand-made 1 × 1 × 2 image: SIC masked at one pixel, CE of uniform logits = log K.
    func testWeightedMaskedMSEPlusCrossEntropyByHand() throws {
        let sic = try Tensor([3, 7] as [Float], shape: [1, 1, 1, 2])                       // predictions in tenths
        let sod = try Tensor.zeros([1, 7, 1, 2])                                  // uniform over 7 logits
        let floe = try Tensor.zeros([1, 8, 1, 2])
        let labels = try Tensor([5, 255, 2, 255, 255, 255] as [UInt8], shape: [1, 3, 1, 2])
        let terms = try MultiTaskLoss(weights: LossWeights(), sicHead: .regression)(
            TaskOutputs(sic: sic, sod: sod, floe: floe), labels: labels)
        XCTAssertEqual(try terms.sic.item(), 4, accuracy: 1e-6)                 // (3 − 5)², second pixel masked
        XCTAssertEqual(try terms.sod.item(), Float(log(7.0)), accuracy: 1e-5)
        XCTAssertEqual(try terms.floe.item(), 0, accuracy: 1e-6, "all FLOE masked: 0, not NaN")
        XCTAssertEqual(try terms.total.item(), 4 + 3 * Float(log(7.0)), accuracy: 1e-5)
    }

    func testClassificationHeadUsesCrossEntropyForSIC() throws {
        let logits = try Tensor.zeros([1, 12, 1, 1])
        let labels = try Tensor([4, 0, 0] as [UInt8], shape: [1, 3, 1, 1])
        let terms = try MultiTaskLoss(weights: LossWeights(sic: 2, sod: 0, floe: 0), sicHead: .classification)(
            TaskOutputs(sic: logits, sod: try Tensor.zeros([1, 7, 1, 1]), floe: try Tensor.zeros([1, 8, 1, 1])), labels: labels)
        XCTAssertEqual(try terms.total.item(), 2 * Float(log(12.0)), accuracy: 1e-5)
    }
}
