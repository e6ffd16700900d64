import SeaIceCore
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Losses against PyTorch and finite differences.
final class LossesTests: XCTestCase {
    let f = FixtureFile.named("losses")
    var classTarget: Tensor { get throws { try Tensor([1, 4, 255, 0] as [Int64], shape: [4]) } }
    var imageTarget: Tensor {
        get throws {
            try Tensor([0, 1, 2, 255, 2, 2, 1, 0, 1, 255, 0, 2, 2, 1, 0, 0, 255, 255, 1, 2, 0, 0, 2, 1] as [Int64], shape: [2, 3, 4])
        }
    }

    /// Regression target in 0..1 with two pixels set to the ignore value 255.
    func regressionTarget(_ pred: Tensor) throws -> Tensor {
        var y = try (pred * 0.5 + 0.5).floats()
        y[0] = 255
        y[12 + 11] = 255
        return try Tensor(y, shape: pred.shape)
    }

    func testCrossEntropyMatchesPyTorch() throws {
        let logits = try f.input("logits").requiringGrad()
        let loss = try Losses.crossEntropy(logits, target: classTarget, ignoreIndex: 255)
        try f.check("ce_mean", loss)
        try loss.backward()
        try f.check("ce_dlogits", XCTUnwrap(logits.grad))
        try f.check("ce_sum", Losses.crossEntropy(logits, target: classTarget, ignoreIndex: 255, reduction: .sum))
        try f.check("ce_none", Losses.crossEntropy(logits, target: classTarget, ignoreIndex: 255, reduction: .none))
        let full = try Tensor([1, 4, 2, 0] as [Int64], shape: [4])
        try f.check("ce_smooth", Losses.crossEntropy(logits, target: full, labelSmoothing: 0.1))
        let img = try f.input("img")
        let cw = try f.input("cw").abs() + 0.2
        try f.check("ce_img_weighted", Losses.crossEntropy(img, target: imageTarget, weight: cw, ignoreIndex: 255))
        try f.check("ce_img_none", Losses.crossEntropy(img, target: imageTarget, ignoreIndex: 255, reduction: .none))
        let sw = try Tensor([0.5, 2] as [Float], shape: [2])
        try f.check("ce_sample_weighted", Losses.crossEntropy(img, target: imageTarget, sampleWeights: sw, ignoreIndex: 255))
        XCTAssertThrowsError(try Losses.crossEntropy(img, target: imageTarget, sampleWeights: Tensor.ones([3]), ignoreIndex: 255))
    }

    func testRegressionLossesMatchPyTorch() throws {
        let pred = try f.input("pred")
        let y = try regressionTarget(pred)
        try f.check("masked_mse", Losses.maskedMSE(pred, target: y, ignoreValue: 255))
        let w = try f.input("w").abs()
        try f.check("weighted_l1", Losses.weightedL1(pred, target: y.clamp(max: 1), weights: w))
        // All pixels ignored: the loss is 0, not NaN.
        XCTAssertEqual(try Losses.maskedMSE(pred, target: Tensor.full(pred.shape, value: 255), ignoreValue: 255).item(), 0)
    }

    func testBinaryAndDiceLossesMatchPyTorch() throws {
        let logits = try f.input("pred") * 3
        let yb = try f.input("w").gt(0).to(.float32)
        try f.check("bce", Losses.bceWithLogits(logits, target: yb))
        try f.check("bce_pos_weight", Losses.bceWithLogits(logits, target: yb, posWeight: Tensor([2.5] as [Float], shape: [1])))
        try f.check("binary_dice", Losses.binaryDice(logits, target: yb))
        try f.check("dice", Losses.dice(f.input("img"), target: imageTarget, ignoreIndex: 255))
    }

    func testLossGradientsAgreeWithFiniteDifferences() throws {
        let img = try XCTUnwrap(f.inputs["img"])
        let target = try imageTarget
        try assertGradientMatchesFiniteDifferences(img.values, shape: img.shape) {
            try Losses.crossEntropy($0, target: target, ignoreIndex: 255)
        }
        try assertGradientMatchesFiniteDifferences(img.values, shape: img.shape) {
            try Losses.dice($0, target: target, ignoreIndex: 255)
        }
        let pred = try XCTUnwrap(f.inputs["pred"])
        let y = try regressionTarget(f.input("pred"))
        try assertGradientMatchesFiniteDifferences(pred.values, shape: pred.shape) {
            try Losses.maskedMSE($0, target: y, ignoreValue: 255)
        }
        let yb = try f.input("w").gt(0).to(.float32)
        try assertGradientMatchesFiniteDifferences(pred.values, shape: pred.shape) {
            try Losses.bceWithLogits($0 * 3, target: yb) + Losses.binaryDice($0 * 3, target: yb)
        }
    }
}
