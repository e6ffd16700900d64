"""Moves U-Net weights between SeaIceKit (Swift) and PyTorch through safetensors files.

A small, independent safetensors reader/writer (numpy only; the `safetensors` package is not
installed) plus two commands used by the Swift interchange test:

  forward --config C.json --weights W.safetensors --input X.safetensors --output Y.safetensors
      Builds python/unet.py's UNet from the Swift configuration JSON, loads W strictly,
      runs it in eval mode on tensor `x` of X (NCHW float32), writes `sic` (NCHW [N,1,H,W]),
      `sod`, `floe` to Y.
  export --config C.json --seed S --size H W --weights W.safetensors --input X.safetensors --output Y.safetensors
      Builds the UNet with torch.manual_seed(S), gives every BatchNorm non-trivial running
      statistics and affine parameters, writes its state dict to W, a deterministic input to X
      and its eval-mode outputs to Y (same names as above).
"""
import argparse
import json
import struct
import sys
import os

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import unet  # noqa: E402

DTYPES = {"F64": np.float64, "F32": np.float32, "F16": np.float16, "I64": np.int64,
          "I32": np.int32, "U8": np.uint8, "BOOL": np.bool_}
CODES = {np.dtype(v): k for k, v in DTYPES.items()}


def read_safetensors(path):
    """Returns {name: numpy array} from a safetensors file (validating sizes)."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = raw[8 + n:]
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        begin, end = e["data_offsets"]
        dtype = np.dtype(DTYPES[e["dtype"]]).newbyteorder("<")
        arr = np.frombuffer(data[begin:end], dtype=dtype).reshape(e["shape"])
        out[name] = arr.copy()
    return out


def write_safetensors(path, tensors):
    """Writes {name: numpy array} in the safetensors format (8-byte aligned header)."""
    header, blobs, offset = {}, [], 0
    for name, arr in tensors.items():
        arr = np.array(arr, order="C", copy=True)  # keeps 0-d shapes (ascontiguousarray makes them 1-d)
        blob = arr.astype(arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": CODES[np.dtype(arr.dtype)], "shape": list(arr.shape),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def outputs_of(model, x):
    """Eval-mode outputs as numpy: sic NCHW [N,1,H,W], sod, floe."""
    model.eval()
    with torch.no_grad():
        out = model(torch.from_numpy(x))
    return {"sic": out["SIC"].permute(0, 3, 1, 2).contiguous().numpy(),
            "sod": out["SOD"].numpy(), "floe": out["FLOE"].numpy()}


def cmd_forward(args):
    config = json.load(open(args.config))
    model = unet.from_config(config)
    state = {k: torch.from_numpy(v) for k, v in read_safetensors(args.weights).items()}
    model.load_state_dict(state, strict=True)
    x = read_safetensors(args.input)["x"].astype(np.float32)
    write_safetensors(args.output, outputs_of(model, x))


def cmd_export(args):
    config = json.load(open(args.config))
    torch.manual_seed(args.seed)
    model = unet.from_config(config)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 1.5)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.num_batches_tracked.fill_(7)
    h, w = args.size
    count = config["inputChannels"] * h * w
    x = np.sin(0.013 * np.arange(count, dtype=np.float64) + 0.3).astype(np.float32)
    x = x.reshape(1, config["inputChannels"], h, w)
    state = {k: v.numpy() for k, v in model.state_dict().items()}
    write_safetensors(args.weights, state)
    write_safetensors(args.input, {"x": x})
    write_safetensors(args.output, outputs_of(model, x))


def run_commands(doc, forward, export):
    """Parses the two interchange commands (forward, export) with their common options and runs one."""
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    f = sub.add_parser("forward")
    e = sub.add_parser("export")
    for s in (f, e):
        s.add_argument("--config", required=True)
        s.add_argument("--weights", required=True)
        s.add_argument("--input", required=True)
        s.add_argument("--output", required=True)
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--size", type=int, nargs=2, default=[32, 32])
    args = p.parse_args()
    torch.set_num_threads(1)
    {"forward": forward, "export": export}[args.command](args)


def main():
    run_commands(__doc__, cmd_forward, cmd_export)


if __name__ == "__main__":
    main()
