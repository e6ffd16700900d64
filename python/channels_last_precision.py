"""How far one float32 training step of the seed-001 U-Net lands from the float64 step, with
activations stored NCHW (PyTorch's default, the reference code) and channels-last (NHWC, what
SeaIceKit uses), and which backward op makes the difference.

Run: scripts/python python/channels_last_precision.py [--threads 2]
Prints, per parameter group, max |w32 - w64| / max |w64 - w0| after one SGD step (lr 0.02,
momentum 0.9, weight decay 0.01; U-Net 8/8/16/16, 13 inputs, batch 8 x 64 x 64, the demo's
sizes), then the relative error of each op's input gradient against float64 in both layouts.
Inputs and labels are deterministic synthetic tensors (simulated data).
"""
import argparse
import math
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import unet  # noqa: E402
from train_reference import weighted_loss  # noqa: E402


def ramp(shape, a, b, dtype):
    n = math.prod(shape)
    return torch.sin(a * torch.arange(n, dtype=torch.float64) + b).reshape(shape).to(dtype)


def step(state, x, y, dtype, channels_last):
    model = unet.UNet(13, [8, 8, 16, 16], 7, 8)
    model.load_state_dict(state)
    model = model.to(dtype)
    x = x.to(dtype)
    if channels_last:
        model = model.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
    opt = torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9, weight_decay=0.01)
    model.train()
    loss, _ = weighted_loss(model(x), y, {"sic": 1, "sod": 3, "floe": 3})
    loss.backward()
    opt.step()
    return {k: v.detach().double() for k, v in model.state_dict().items()}


def op_errors():
    """Relative error (max abs / max abs of the float64 gradient) of each op's input gradient."""
    torch.manual_seed(1)
    x64 = torch.randn(8, 16, 32, 32, dtype=torch.float64) * 3 + 1
    conv = torch.nn.Conv2d(16, 16, 3, padding=1, bias=False).double()
    ops = {
        "conv2d 3x3 (input grad)": lambda m, t: m(t),
        "batch_norm (train)": lambda m, t: F.batch_norm(t, None, None, training=True),
        "relu": lambda m, t: F.relu(t),
        "max_pool2d 2x2": lambda m, t: F.max_pool2d(t, 2),
        "upsample bilinear x2 (align_corners)": lambda m, t: F.interpolate(t, scale_factor=2, mode="bilinear", align_corners=True),
    }
    rows = []
    for name, fn in ops.items():
        grads = {}
        for label, dtype, cl in (("f64", torch.float64, False), ("NCHW", torch.float32, False), ("NHWC", torch.float32, True)):
            m = conv.to(dtype)
            t = x64.to(dtype)
            if cl:
                m = m.to(memory_format=torch.channels_last)
                t = t.contiguous(memory_format=torch.channels_last)
            t = t.detach().requires_grad_(True)
            out = fn(m, t)
            g = ramp(list(out.shape), 0.37, 0.1, dtype)
            out.backward(g)
            grads[label] = t.grad.double()
            conv.zero_grad()
        scale = grads["f64"].abs().max()
        rows.append((name, float((grads["NCHW"] - grads["f64"]).abs().max() / scale),
                     float((grads["NHWC"] - grads["f64"]).abs().max() / scale)))
    conv.double()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    state = unet.UNet(13, [8, 8, 16, 16], 7, 8).state_dict()
    x = ramp([8, 13, 64, 64], 0.013, 0.3, torch.float32) * 2
    idx = torch.arange(8 * 64 * 64)
    sic = (idx % 11).reshape(8, 64, 64)
    sod = ((idx // 64) % 6).reshape(8, 64, 64)
    floe = ((idx // 7) % 7).reshape(8, 64, 64)
    y = torch.stack([sic, sod, floe], 1).to(torch.uint8)
    w0 = {k: v.double() for k, v in state.items()}
    w64 = step(state, x, y, torch.float64, False)
    nchw = step(state, x, y, torch.float32, False)
    nhwc = step(state, x, y, torch.float32, True)
    print("one SGD step, max |w32 - w64| / max |w64 - w0| (synthetic inputs)")
    print("%-48s %10s %10s" % ("parameter", "NCHW", "NHWC"))
    for k in w0:
        if "running" in k or "num_batches" in k:
            continue
        update = (w64[k] - w0[k]).abs().max()
        if update == 0:
            continue
        print("%-48s %10.2e %10.2e" % (k, float((nchw[k] - w64[k]).abs().max() / update), float((nhwc[k] - w64[k]).abs().max() / update)))
    print()
    print("input gradient of one op, max |g32 - g64| / max |g64|, tensor 8 x 16 x 32 x 32")
    print("%-48s %10s %10s" % ("op", "NCHW", "NHWC"))
    for name, a, b in op_errors():
        print("%-48s %10.2e %10.2e" % (name, a, b))


if __name__ == "__main__":
    main()
