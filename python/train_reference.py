"""PyTorch reference trainer for `seaice bench train` (issue 4, "parity and speed" (a)).

Trains the seed-001 (MMSeaIce) U-Net the way the reference code does it, in plain PyTorch, on the
SAME downscaled scenes as `seaice train` and with the same configuration file, so that per-epoch
time and validation scores can be compared:

  - data: every downscaled training scene held in RAM (as the reference does), exported by the Swift
    benchmark as safetensors (`inputs` float32 [C, rows, cols] with the channels of the
    configuration, already standard-scaled, 2 km and lat/lon/time channels sampled at every
    downscaled pixel exactly as SeaIceKit's PatchExtractor samples them; `labels` uint8
    [3, rows, cols] SIC/SOD/FLOE, 255 = masked). Validation scenes add `labels80` uint8
    [3, lines, samples] (the 80 m charts) and the downscaling factor in the metadata;
  - sampling: random scene, random patch, rejection when it has at most `rejectAtOrBelowValidSIC`
    valid SIC pixels, then flips, rotation + scale (one nearest-neighbour affine map about the
    patch centre), CutMix with a Beta(1, 1) box, each with its configured probability; batches
    are built by one DataLoader worker process while the network trains (SeaIceKit uses one
    background thread);
  - network: python/unet.py (shared decoder, SIC regression head; NCHW, PyTorch defaults);
  - loss: w_sic * masked MSE + w_sod * CE(ignore 255) + w_floe * CE(ignore 255);
  - SGD (lr, momentum, dampening, weight decay, nesterov) with CosineAnnealingWarmRestarts
    stepped every iteration;
  - validation every epoch: each whole downscaled scene through the network in eval mode under
    torch.no_grad, SIC rounded (half to even) and clamped to [0, 10], SOD/FLOE argmax over the real
    classes, nearest upsampling to 80 m, R2 and support-weighted F1 pooled over every valid 80 m
    pixel of all scenes, combined = (2 SIC + 2 SOD + FLOE) / 5 (percent);
  - the last and the best state dicts saved every epoch (temporary name, then rename).

Randomness: torch.manual_seed(seed) for the initial weights; numpy Generator([seed, epoch]) for
the batches of each epoch. The streams differ from SeaIceKit's, so runs are compared by their
spread over several seeds, not value by value.

Usage: train_reference.py --manifest M.json --config C.json --seed S --threads T --out DIR [--channels-last]
(--channels-last stores weights and activations NHWC as SeaIceKit does; the default, NCHW, is the
reference's and what `seaice bench train` compares against.)
Prints one JSON line per epoch ({"epoch", "seconds", "train_seconds", "validation_seconds",
"loss", "sic_loss", "sod_loss", "floe_loss", "sic", "sod", "floe", "combined", "lr"}) and a last line {"done": true, "hwm_kb": peak RSS}.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import unet  # noqa: E402
from interchange import read_safetensors  # noqa: E402

VALID_SIC, VALID_SOD, VALID_FLOE = 11, 6, 7


def vm_hwm_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def fail(message):
    print(f"train_reference.py: {message}", file=sys.stderr)
    sys.exit(2)


class PatchSampler:
    """Random patches with rejection and the MMSeaIce augmentations (numpy, one generator)."""

    def __init__(self, scenes, sampler, rng):
        self.scenes = scenes
        self.p = sampler["patchSize"]
        self.batch = sampler["batchSize"]
        self.reject = sampler["rejectAtOrBelowValidSIC"]
        self.attempts = sampler["maxAttemptsPerPatch"]
        self.aug = sampler["augmentation"]
        self.rng = rng

    def raw(self):
        p = self.p
        for _ in range(self.attempts):
            x, y = self.scenes[self.rng.integers(len(self.scenes))]
            rows, cols = y.shape[1], y.shape[2]
            r0 = self.rng.integers(max(rows - p, 0) + 1)
            c0 = self.rng.integers(max(cols - p, 0) + 1)
            ly = y[:, r0:r0 + p, c0:c0 + p]
            if np.count_nonzero(ly[0] != 255) <= self.reject:
                continue
            xi = np.zeros((x.shape[0], p, p), np.float32)
            yi = np.full((3, p, p), 255, np.uint8)
            h, w = ly.shape[1], ly.shape[2]
            xi[:, :h, :w] = x[:, r0:r0 + p, c0:c0 + p]
            yi[:, :h, :w] = ly
            return xi, yi
        raise RuntimeError(f"no patch with more than {self.reject} valid SIC pixels in {self.attempts} draws")

    def affine(self, x, y, degrees, scale):
        p = self.p
        t = math.radians(degrees)
        c = (p - 1) / 2
        dy, dx = np.mgrid[0:p, 0:p].astype(np.float64) - c
        sy = c + (dy * math.cos(t) + dx * math.sin(t)) / scale
        sx = c + (-dy * math.sin(t) + dx * math.cos(t)) / scale
        sy = np.trunc(sy + np.copysign(0.5, sy)).astype(np.int64)
        sx = np.trunc(sx + np.copysign(0.5, sx)).astype(np.int64)
        inside = (sy >= 0) & (sy < p) & (sx >= 0) & (sx < p)
        sy, sx = np.where(inside, sy, 0), np.where(inside, sx, 0)
        x = np.where(inside, x[:, sy, sx], np.float32(0))
        y = np.where(inside, y[:, sy, sx], np.uint8(255))
        return x, y

    def sample(self):
        a, rng, p = self.aug, self.rng, self.p
        x, y = self.raw()
        if rng.random() < a["horizontalFlip"]:
            x, y = x[:, :, ::-1], y[:, :, ::-1]
        if rng.random() < a["verticalFlip"]:
            x, y = x[:, ::-1, :], y[:, ::-1, :]
        degrees, scale = 0.0, 1.0
        if rng.random() < a["rotation"]:
            lo, hi = a["rotationDegrees"]
            degrees = lo + rng.random() * (hi - lo)
        if rng.random() < a["scale"]:
            lo, hi = a["scaleRange"]
            scale = lo + rng.random() * (hi - lo)
        if degrees != 0 or scale != 1:
            x, y = self.affine(x, y, degrees, scale)
        x, y = np.array(x), np.array(y)
        if rng.random() < a["cutMix"]:
            lam = rng.random()
            side = int(p * math.sqrt(1 - lam))
            cy, cx = rng.integers(p), rng.integers(p)
            ox, oy = self.raw()
            r, c = slice(max(cy - side // 2, 0), min(cy + side // 2, p)), slice(max(cx - side // 2, 0), min(cx + side // 2, p))
            x[:, r, c] = ox[:, r, c]
            y[:, r, c] = oy[:, r, c]
        return x, y

    def next_batch(self):
        xs, ys = zip(*(self.sample() for _ in range(self.batch)))
        return torch.from_numpy(np.stack(xs)), torch.from_numpy(np.stack(ys))


class EpochBatches(torch.utils.data.IterableDataset):
    """The batches of one epoch, drawn from numpy Generator([seed, epoch])."""

    def __init__(self, scenes, sampler, seed, epoch, count):
        self.scenes, self.sampler, self.seed, self.epoch, self.count = scenes, sampler, seed, epoch, count

    def __iter__(self):
        s = PatchSampler(self.scenes, self.sampler, np.random.default_rng([self.seed, self.epoch]))
        for _ in range(self.count):
            yield s.next_batch()


def weighted_loss(out, labels, w):
    """The total loss and its three terms (masked MSE, CE SOD, CE FLOE)."""
    sic, sod, floe = labels[:, 0], labels[:, 1].long(), labels[:, 2].long()
    mask = (sic != 255).float()
    pred = out["SIC"].squeeze(-1)
    mse = (mask * (pred - sic.float()) ** 2).sum() / mask.sum()
    ce_sod = F.cross_entropy(out["SOD"], sod, ignore_index=255)
    ce_floe = F.cross_entropy(out["FLOE"], floe, ignore_index=255)
    return w["sic"] * mse + w["sod"] * ce_sod + w["floe"] * ce_floe, (mse, ce_sod, ce_floe)


def r2_percent(cm):
    """R2 x 100 from a 256 x 256 confusion matrix (rows reference, columns prediction)."""
    v = np.arange(256, dtype=np.float64)
    n = cm.sum()
    if n == 0:
        return float("nan")
    ref = cm.sum(1)
    mean = (ref * v).sum() / n
    ss_tot = (ref * (v - mean) ** 2).sum()
    ss_res = (cm * (v[:, None] - v[None, :]) ** 2).sum()
    return 100 * (1 - ss_res / ss_tot) if ss_tot > 0 else float("nan")


def weighted_f1_percent(cm):
    """Support-weighted F1 x 100 (scikit-learn's average='weighted')."""
    tp = np.diag(cm).astype(np.float64)
    support, predicted = cm.sum(1).astype(np.float64), cm.sum(0).astype(np.float64)
    n = support.sum()
    if n == 0:
        return float("nan")
    denom = support + predicted
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    return 100 * (f1 * support).sum() / n


def validate(model, scenes, memory_format=torch.contiguous_format):
    model.eval()
    cms = [np.zeros((256, 256), np.int64) for _ in range(3)]
    with torch.no_grad():
        for x, labels80, factor in scenes:
            out = model(torch.from_numpy(x)[None].contiguous(memory_format=memory_format))
            sic = torch.clamp(torch.round(out["SIC"][0, :, :, 0]), 0, 10).to(torch.uint8)
            sod = out["SOD"][0, :VALID_SOD].argmax(0).to(torch.uint8)
            floe = out["FLOE"][0, :VALID_FLOE].argmax(0).to(torch.uint8)
            lines, samples = labels80.shape[1], labels80.shape[2]
            for k, pred in enumerate((sic, sod, floe)):
                up = pred.numpy().repeat(factor, 0).repeat(factor, 1)[:lines, :samples]
                ref = labels80[k]
                valid = ref != 255
                cms[k] += np.bincount(ref[valid].astype(np.int64) * 256 + up[valid], minlength=65536).reshape(256, 256)
    model.train()
    sic, sod, floe = r2_percent(cms[0]), weighted_f1_percent(cms[1]), weighted_f1_percent(cms[2])
    combined = (2 * sic + 2 * sod + floe) / 5
    return sic, sod, floe, combined


def save_state(model, path):
    tmp = path + ".tmp"
    torch.save(model.state_dict(), tmp)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("--channels-last", action="store_true",
                    help="store weights and activations channels-last (NHWC), as SeaIceKit does; default NCHW as the reference")
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)
    with open(args.manifest) as f:
        manifest = json.load(f)
    m = cfg["model"]
    if m.get("decoder", "shared") != "shared" or m.get("sicHead", "regression") != "regression":
        fail(f"{args.config}: model.decoder 'shared' and model.sicHead 'regression' expected (the reference's network)")
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)

    train = []
    for path in manifest["train"]:
        t = read_safetensors(path)
        train.append((np.ascontiguousarray(t["inputs"], np.float32), np.ascontiguousarray(t["labels"], np.uint8)))
    validation = []
    for entry in manifest["validation"]:
        t = read_safetensors(entry["file"])
        validation.append((np.ascontiguousarray(t["inputs"], np.float32), t["labels80"], int(entry["factor"])))

    torch.manual_seed(args.seed)
    model = unet.UNet(m["inputChannels"], m["filters"], m["sodClasses"], m["floeClasses"])
    memory_format = torch.channels_last if args.channels_last else torch.contiguous_format
    model = model.to(memory_format=memory_format)
    o = cfg["optimizer"]
    optimizer = torch.optim.SGD(model.parameters(), lr=o["learningRate"], momentum=o["momentum"],
                                dampening=o.get("dampening", 0), weight_decay=o["weightDecay"],
                                nesterov=o.get("nesterov", False))
    schedule = cfg["schedule"]
    if "cosineWarmRestarts" not in schedule:
        fail(f"{args.config}: schedule.cosineWarmRestarts expected")
    s = schedule["cosineWarmRestarts"]
    scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=s["t0"], T_mult=s["tMult"], eta_min=s["etaMin"])
    weights = cfg["loss"]
    iterations = cfg["iterationsPerEpoch"]
    best = -math.inf
    print(json.dumps({"ready": True, "threads": torch.get_num_threads(), "torch": torch.__version__}), flush=True)
    for epoch in range(1, cfg["epochs"] + 1):
        start = time.perf_counter()
        model.train()
        loader = torch.utils.data.DataLoader(EpochBatches(train, cfg["sampler"], args.seed, epoch, iterations),
                                             batch_size=None, num_workers=1, prefetch_factor=2)
        total, terms, lr = 0.0, [0.0, 0.0, 0.0], 0.0
        for x, y in loader:
            lr = optimizer.param_groups[0]["lr"]
            optimizer.zero_grad()
            loss, parts = weighted_loss(model(x.contiguous(memory_format=memory_format)), y, weights)
            loss.backward()
            optimizer.step()
            scheduler.step()
            total += loss.item()
            terms = [t + p.item() for t, p in zip(terms, parts)]
        train_seconds = time.perf_counter() - start
        sic, sod, floe, combined = validate(model, validation, memory_format) if validation else (None,) * 4
        save_state(model, os.path.join(args.out, "last.pt"))
        if combined is None or combined > best:
            best = combined if combined is not None else best
            save_state(model, os.path.join(args.out, "best.pt"))
        seconds = time.perf_counter() - start
        print(json.dumps({"epoch": epoch, "seconds": seconds, "train_seconds": train_seconds,
                          "validation_seconds": seconds - train_seconds, "loss": total / iterations,
                          "sic_loss": terms[0] / iterations, "sod_loss": terms[1] / iterations,
                          "floe_loss": terms[2] / iterations,
                          "sic": sic, "sod": sod, "floe": floe, "combined": combined, "lr": lr}), flush=True)
    print(json.dumps({"done": True, "hwm_kb": vm_hwm_kb()}), flush=True)


if __name__ == "__main__":
    main()
