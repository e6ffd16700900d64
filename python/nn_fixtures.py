"""Generates the PyTorch expected-value fixtures of SeaIceNN / SeaIceOptim tests.

Run once with `scripts/python python/nn_fixtures.py` and commit the JSON files written to
Tests/SeaIceNNTests/Fixtures (layers.json) and Tests/SeaIceOptimTests/Fixtures (optim.json,
schedules.json). Every input and weight is a deterministic function (a sine ramp, `det`) passed
explicitly, never drawn from torch's random generator, so the Swift tests rebuild the same
inputs from the stored numbers.

Each entry holds flat float lists plus shapes: `{"shape": [...], "values": [...]}`.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def det(shape, a=0.37, b=0.1, scale=1.0):
    """A deterministic tensor: scale * sin(a * i + b) over the flat index i."""
    n = math.prod(shape)
    return (scale * torch.sin(a * torch.arange(n, dtype=torch.float64) + b)).float().reshape(shape)


def enc(t):
    t = t.detach().float().contiguous()
    return {"shape": list(t.shape), "values": [float(v) for v in t.flatten().tolist()]}


def set_params(module, seed_a):
    """Overwrites every parameter of `module` with det() values (in state-dict order)."""
    with torch.no_grad():
        for i, (name, p) in enumerate(module.named_parameters()):
            p.copy_(det(p.shape, a=seed_a + 0.11 * i, b=0.2 * i, scale=0.5))
    return {name: enc(p) for name, p in module.named_parameters()}


def layers():
    out = {}
    x = det([2, 3, 7, 6])
    conv = torch.nn.Conv2d(3, 4, 3, stride=2, padding=1)
    params = set_params(conv, 0.21)
    out["conv2d"] = {"input": enc(x), "params": params, "stride": 2, "padding": 1, "output": enc(conv(x))}

    tconv = torch.nn.ConvTranspose2d(3, 2, 2, stride=2)
    params = set_params(tconv, 0.29)
    out["conv_transpose2d"] = {"input": enc(x), "params": params, "stride": 2, "padding": 0, "output": enc(tconv(x))}

    bn = torch.nn.BatchNorm2d(3, momentum=0.1, eps=1e-5)
    params = set_params(bn, 0.33)
    train_y = bn(x)
    stats = {"running_mean": enc(bn.running_mean), "running_var": enc(bn.running_var)}
    bn.eval()
    eval_y = bn(x)
    out["batch_norm2d"] = {"input": enc(x), "params": params, "train_output": enc(train_y),
                           "after_train": stats, "eval_output": enc(eval_y)}

    s = det([2, 5, 8], a=0.23)
    ln = torch.nn.LayerNorm(8)
    params = set_params(ln, 0.41)
    out["layer_norm"] = {"input": enc(s), "params": params, "output": enc(ln(s))}

    lin = torch.nn.Linear(8, 3)
    params = set_params(lin, 0.17)
    out["linear"] = {"input": enc(s), "params": params, "output": enc(lin(s))}

    mha = torch.nn.MultiheadAttention(8, 2, batch_first=True)
    params = set_params(mha, 0.13)
    y, _ = mha(s, s, s, need_weights=False)
    out["multihead_attention"] = {"input": enc(s), "heads": 2, "params": params, "output": enc(y)}

    for norm_first in (False, True):
        for act in ("relu", "gelu"):
            layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0, activation=act,
                                                     batch_first=True, norm_first=norm_first)
            params = set_params(layer, 0.19)
            layer.eval()
            key = f"transformer_{act}_{'prenorm' if norm_first else 'postnorm'}"
            out[key] = {"input": enc(s), "heads": 2, "feedforward": 16, "norm_first": norm_first,
                        "activation": act, "params": params, "output": enc(layer(s))}
    return out


def optim():
    out = {}
    shape = [3, 4]
    configs = {
        "sgd_plain": (torch.optim.SGD, dict(lr=0.1)),
        "sgd_momentum_wd": (torch.optim.SGD, dict(lr=0.05, momentum=0.9, weight_decay=0.01)),
        "sgd_dampening": (torch.optim.SGD, dict(lr=0.05, momentum=0.8, dampening=0.3)),
        "sgd_nesterov": (torch.optim.SGD, dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.001)),
        "adam": (torch.optim.Adam, dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
        "adam_wd": (torch.optim.Adam, dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
        "adamw": (torch.optim.AdamW, dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)),
    }
    for key, (cls, kw) in configs.items():
        p = torch.nn.Parameter(det(shape, a=0.31))
        opt = cls([p], **kw)
        grads, steps = [], []
        for k in range(3):
            g = det(shape, a=0.27 + 0.05 * k, b=0.3 * k)
            p.grad = g.clone()
            opt.step()
            grads.append(enc(g))
            steps.append(enc(p))
        out[key] = {"options": {k: list(v) if isinstance(v, tuple) else v for k, v in kw.items()},
                    "initial": enc(det(shape, a=0.31)), "grads": grads, "after_steps": steps}

    a = torch.nn.Parameter(det([3, 4]))
    b = torch.nn.Parameter(det([5], a=0.5))
    a.grad = det([3, 4], a=0.7, scale=3.0)
    b.grad = det([5], a=0.9, scale=2.0)
    grads = [enc(a.grad), enc(b.grad)]
    total = torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.5)
    out["clip_grad_norm"] = {"max_norm": 1.5, "grads": grads, "total_norm": float(total),
                             "clipped": [enc(a.grad), enc(b.grad)]}
    return out


def schedules():
    out = {}

    def run(make, n):
        p = torch.nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([p], lr=0.1)
        sched = make(opt)
        lrs = []
        for _ in range(n):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        return lrs

    out["cosine_warm_restarts"] = {"base_lr": 0.1, "T_0": 5, "T_mult": 2, "eta_min": 0.001,
                                   "lrs": run(lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(
                                       o, T_0=5, T_mult=2, eta_min=0.001), 40)}
    out["cosine_warm_restarts_tmult1"] = {"base_lr": 0.1, "T_0": 7, "T_mult": 1, "eta_min": 0.0,
                                          "lrs": run(lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(
                                              o, T_0=7, T_mult=1), 30)}
    out["step_decay"] = {"base_lr": 0.1, "step_size": 4, "gamma": 0.5,
                         "lrs": run(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=4, gamma=0.5), 20)}
    out["linear_warmup"] = {"base_lr": 0.1, "start_factor": 0.1, "total_iters": 5,
                            "lrs": run(lambda o: torch.optim.lr_scheduler.LinearLR(
                                o, start_factor=0.1, end_factor=1.0, total_iters=5), 12)}
    return out


def dump(obj, relative):
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=0)
    print("wrote", relative)


if __name__ == "__main__":
    torch.set_num_threads(1)
    dump(layers(), "Tests/SeaIceNNTests/Fixtures/layers.json")
    dump(optim(), "Tests/SeaIceOptimTests/Fixtures/optim.json")
    dump(schedules(), "Tests/SeaIceOptimTests/Fixtures/schedules.json")
