"""The seed-002 (Wang & Li 2021) sea-ice-cover base U-Net in PyTorch, with SeaIceKit's state-dict names,
and the interchange commands the Swift test uses.

Network: (conv 3x3 no bias -> BatchNorm -> ReLU) x 2 per level, 2x2 max-pooling, a 2x2 stride-2
transposed-convolution decoder with skip concatenation (zero padding to the skip's size at the
bottom/right), a 1x1 convolution giving one ice logit per pixel.

  forward --config C.json --weights W.safetensors --input X.safetensors --output Y.safetensors
      Builds CoverUNet from the Swift configuration JSON ({"inputChannels", "filters"}), loads W
      strictly, writes the eval-mode logits `ice` [N,1,H,W] of tensor `x` to Y.
  export --config C.json --seed S --size H W --weights W.safetensors --input X.safetensors --output Y.safetensors
      Builds it with torch.manual_seed(S), gives every BatchNorm non-trivial running statistics, writes
      its state dict, a deterministic input and the eval-mode output.
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interchange import read_safetensors, run_commands, write_safetensors  # noqa: E402


class DoubleConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.double_conv = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.double_conv(x)


class Down(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.double_conv = DoubleConv(cin, cout)

    def forward(self, x):
        return self.double_conv(F.max_pool2d(x, 2))


class Up(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.up = nn.ConvTranspose2d(cin, cout, 2, stride=2)
        self.conv = DoubleConv(2 * cout, cout)

    def forward(self, x, skip):
        u = self.up(x)
        dh, dw = skip.shape[2] - u.shape[2], skip.shape[3] - u.shape[3]
        if dh or dw:
            u = F.pad(u, [dw // 2, dw - dw // 2, dh // 2, dh - dh // 2])
        return self.conv(torch.cat([u, skip], dim=1))


class FeatureMap(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.feature_out = nn.Conv2d(cin, cout, 1)

    def forward(self, x):
        return self.feature_out(x)


class CoverUNet(nn.Module):
    def __init__(self, input_channels=3, filters=(64, 128, 256, 512, 1024)):
        super().__init__()
        f = list(filters)
        self.inc = DoubleConv(input_channels, f[0])
        self.down = nn.ModuleList([Down(f[i - 1], f[i]) for i in range(1, len(f))])
        self.up = nn.ModuleList([Up(f[i], f[i - 1]) for i in reversed(range(1, len(f)))])
        self.outc = FeatureMap(f[0], 1)

    def forward(self, x):
        skips = [self.inc(x)]
        for block in self.down:
            skips.append(block(skips[-1]))
        y = skips.pop()
        for block in self.up:
            y = block(y, skips.pop())
        return self.outc(y)


def from_config(config):
    return CoverUNet(config.get("inputChannels", 3), config["filters"])


def cmd_forward(args):
    model = from_config(json.load(open(args.config)))
    state = {k: torch.from_numpy(v) for k, v in read_safetensors(args.weights).items()}
    model.load_state_dict(state, strict=True)
    model.eval()
    x = torch.from_numpy(read_safetensors(args.input)["x"])
    with torch.no_grad():
        y = model(x)
    write_safetensors(args.output, {"ice": y.numpy()})


def cmd_export(args):
    config = json.load(open(args.config))
    torch.manual_seed(args.seed)
    model = from_config(config)
    g = torch.Generator().manual_seed(args.seed + 1)
    model.train()
    with torch.no_grad():
        for k in range(3):  # training-mode passes: running statistics move away from (0, 1)
            model(torch.randn(2, config.get("inputChannels", 3), args.size[0], args.size[1], generator=g) * (1 + k))
    model.eval()
    x = torch.randn(2, config.get("inputChannels", 3), args.size[0], args.size[1], generator=g)
    with torch.no_grad():
        y = model(x)
    write_safetensors(args.weights, {k: v.numpy() for k, v in model.state_dict().items()})
    write_safetensors(args.input, {"x": x.numpy()})
    write_safetensors(args.output, {"ice": y.numpy()})


def main():
    run_commands(__doc__, cmd_forward, cmd_export)


if __name__ == "__main__":
    main()
