"""Python reference side of `seaice bench unet`: the seed-001 U-Net run the way the reference
code runs it (PyTorch defaults, NCHW, train() + SGD for training, eval() + no_grad for inference).

Started once by the Swift benchmark as a worker; it reads one command per line on stdin and
answers one JSON line on stdout, so Swift and Python repeats can alternate in one run:

  train K   -> K timed training steps (forward, 1*masked MSE + 3*CE + 3*CE, backward, SGD step)
  infer K   -> K timed inferences of one scene (eval mode, torch.no_grad)
  reset     -> resets the peak-RSS counter (VmHWM) to the current RSS
  quit

Every answer is {"ms": [per-iteration milliseconds], "hwm_kb": peak RSS since the last reset}.
Inputs are deterministic synthetic tensors (simulated data), not drawn from torch's RNG.
"""
import argparse
import json
import math
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import unet  # noqa: E402


def vm_hwm_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def reset_hwm():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def ramp(shape, a, b):
    n = math.prod(shape)
    return torch.sin(a * torch.arange(n, dtype=torch.float32) + b).reshape(shape)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--size", type=int, default=256)
    p.add_argument("--scene", type=int, nargs=2, default=[500, 520])
    p.add_argument("--channels", type=int, default=18)
    p.add_argument("--filters", type=int, nargs="+", default=[32, 32, 64, 64])
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = unet.UNet(args.channels, args.filters, 7, 8)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9, weight_decay=0.01)
    b, s = args.batch, args.size
    x = ramp([b, args.channels, s, s], 0.013, 0.3)
    idx = torch.arange(b * s * s)
    sic = (idx % 11).float().reshape(b, s, s)
    sic[(idx % 13 == 0).reshape(b, s, s)] = 255
    sod = (idx % 6).reshape(b, s, s)
    sod[(idx % 17 == 0).reshape(b, s, s)] = 255
    floe = (idx % 7).reshape(b, s, s)
    scene = ramp([1, args.channels, args.scene[0], args.scene[1]], 0.007, 0.1)

    def train_step():
        model.train()
        optimizer.zero_grad()
        loss = unet.mmseaice_loss(model(x), sic, sod, floe)
        loss.backward()
        optimizer.step()

    def infer():
        model.eval()
        with torch.no_grad():
            out = model(scene)
            out["SOD"].argmax(1)

    print(json.dumps({"ready": True, "threads": torch.get_num_threads(), "torch": torch.__version__}), flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "quit":
            break
        if parts[0] == "reset":
            reset_hwm()
            print(json.dumps({"ms": [], "hwm_kb": vm_hwm_kb()}), flush=True)
            continue
        fn = {"train": train_step, "infer": infer}[parts[0]]
        times = []
        for _ in range(int(parts[1])):
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
        print(json.dumps({"ms": times, "hwm_kb": vm_hwm_kb()}), flush=True)


if __name__ == "__main__":
    main()
