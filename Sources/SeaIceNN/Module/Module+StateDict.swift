import SeaIceCore
import SeaIceTensor

extension Module {
    /// Every parameter and buffer with its dotted name, in PyTorch's `state_dict()` order (per
    /// module: own parameters, own buffers, then children). Tensors are detached references, not copies.
    public func stateDict() throws -> [(name: String, tensor: Tensor)] {
        var out: [(String, Tensor)] = []
        for (path, module) in namedModules() {
            let prefix = path.isEmpty ? "" : "\(path)."
            for (name, p) in module.ownParameterList { out.append((prefix + name, p.value.detach())) }
            for (name, b) in module.ownBufferList { out.append((prefix + name, b.value)) }
        }
        return out
    }

    /// Replaces parameters and buffers by the tensors of `dict` (converted to each slot's dtype
    /// and device), after checking everything first so that a failed load changes nothing.
    ///
    /// - Parameters:
    ///   - strict: when true (PyTorch's default), names the module lacks and names the dict lacks are errors.
    ///   - source: the file or object the tensors came from, named in errors.
    /// - Throws: `SeaIceError.invalidInput` naming the source and the offending tensors
    ///   (unexpected names, missing names, shape mismatches).
    public func loadStateDict(_ dict: [String: Tensor], strict: Bool = true, source: String = "state dict") throws {
        var slots: [(name: String, current: Tensor, assign: (Tensor) throws -> Void)] = []
        for (name, p) in namedParameters() { slots.append((name, p.value, { try p.replace(with: $0) })) }
        for (name, b) in namedBuffers() { slots.append((name, b.value, { b.replace(with: $0) })) }
        let known = Set(slots.map(\.name))
        if strict {
            let unexpected = dict.keys.filter { !known.contains($0) }.sorted()
            if !unexpected.isEmpty {
                throw SeaIceError.invalidInput(
                    file: source, item: "tensors \(unexpected.map { "`\($0)`" }.joined(separator: ", "))",
                    expected: "only names of \(type(of: self)) (unexpected keys)")
            }
            let missing = slots.map(\.name).filter { dict[$0] == nil }
            if !missing.isEmpty {
                throw SeaIceError.missing(file: source, item: "tensors \(missing.map { "`\($0)`" }.joined(separator: ", "))")
            }
        }
        for slot in slots {
            guard let t = dict[slot.name] else { continue }
            guard t.shape == slot.current.shape else {
                throw SeaIceError.invalidInput(
                    file: source, item: "tensor `\(slot.name)`",
                    expected: "shape \(slot.current.shape), found \(t.shape)")
            }
        }
        try Tensor.withNoGrad {
            for slot in slots {
                guard let t = dict[slot.name] else { continue }
                var value = t
                if value.dtype != slot.current.dtype { value = try value.to(slot.current.dtype) }
                if value.device != slot.current.device { value = try value.to(slot.current.device) }
                try slot.assign(value.clone())
            }
        }
    }
}
