import Foundation

extension HostileCorpus {
    /// Checkpoint folders whose weights are not finite (issue 18 item 2): a diverged run's NaN or a damaged ±∞
    /// maps every pixel alike, so `predict` must refuse the checkpoint at load, naming the file and the tensor.
    public static var checkpoint: [HostileCase] {
        func poisoned(_ name: String, tensor: String, value: Float) -> HostileCase {
            HostileCase(
                reader: "checkpoint", name: name, mustMention: ["model.safetensors", tensor],
                mustNotLeave: ["products/20180124T194759_dmi.nc"]
            ) { folder in
                let file = try CorpusFiles.writeReady(in: folder)
                let checkpoint = try CorpusFiles.writeCheckpoint(in: folder, poison: (tensor, value))
                return CorpusFiles.predictArguments(checkpoint, file, folder)
            }
        }
        return [
            poisoned("first convolution all NaN", tensor: "input_block.double_conv.0.weight", value: .nan),
            poisoned(
                "batch-norm running variance +Inf", tensor: "input_block.double_conv.1.running_var", value: .infinity),
            poisoned("second batch-norm bias -Inf", tensor: "input_block.double_conv.4.bias", value: -.infinity),
        ]
    }
}
