import SeaIceNN
import SeaIceTensor

/// Gradient-norm clipping (PyTorch's `torch.nn.utils.clip_grad_norm_`).
public enum GradientClipping {
    /// Scales every gradient by min(1, maxNorm / (‖g‖ + 1e-6)) where ‖g‖ is the 2-norm of all
    /// gradients together (parameters without a gradient are ignored). Returns ‖g‖ before clipping.
    @discardableResult
    public static func clipNorm(_ parameters: [Parameter], maxNorm: Double) throws -> Double {
        let grads = parameters.compactMap { $0.value.grad }
        if grads.isEmpty { return 0 }
        return try Tensor.withNoGrad {
            var total = try grads[0].square().sum()
            for g in grads.dropFirst() { total = try total + g.square().sum() }
            let norm = try total.sqrt().itemDouble()
            let coefficient = min(1, maxNorm / (norm + 1e-6))
            if coefficient < 1 {
                for g in grads { try g.mulInPlace(Float(coefficient)) }
            }
            return norm
        }
    }
}
