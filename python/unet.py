"""The seed-001 (MMSeaIce) U-Net in plain PyTorch, as the reference code builds it.

Structure and state-dict names follow the AI4Arctic starter pack / MMSeaIce `unet.py`
(see ../shared/specs/mmseaice.md, "Network"): `input_block`, `contract_blocks.i`, `bridge`,
`expand_blocks.i` (each a `DoubleConv` = Sequential(conv3x3 no bias, BN, ReLU, conv3x3 no
bias, BN, ReLU) under `double_conv`), heads `regression_layer` (Linear 32 -> 1, applied per
pixel on NHWC features), `sod_feature_map.feature_out` and `floe_feature_map.feature_out`
(1x1 convs). Used by bench_unet.py and interchange.py; the Swift `UNet` must produce the same
state-dict names and the same outputs.
"""
import torch
import torch.nn.functional as F


class DoubleConv(torch.nn.Module):
    """Two (3x3 conv without bias -> BatchNorm -> ReLU)."""

    def __init__(self, input_n, output_n):
        super().__init__()
        self.double_conv = torch.nn.Sequential(
            torch.nn.Conv2d(input_n, output_n, kernel_size=3, stride=1, padding=1, bias=False),
            torch.nn.BatchNorm2d(output_n),
            torch.nn.ReLU(),
            torch.nn.Conv2d(output_n, output_n, kernel_size=3, stride=1, padding=1, bias=False),
            torch.nn.BatchNorm2d(output_n),
            torch.nn.ReLU(),
        )

    def forward(self, x):
        return self.double_conv(x)


class ContractingBlock(torch.nn.Module):
    """2x2 max-pool, then a DoubleConv."""

    def __init__(self, input_n, output_n):
        super().__init__()
        self.contract_block = torch.nn.MaxPool2d(kernel_size=2)
        self.double_conv = DoubleConv(input_n, output_n)

    def forward(self, x):
        return self.double_conv(self.contract_block(x))


def expand_padding(x, x_skip):
    """Zero-pads x (NCHW) to the skip's height and width (extra pixel at the bottom/right)."""
    dh = x_skip.size(2) - x.size(2)
    dw = x_skip.size(3) - x.size(3)
    return F.pad(x, [dw // 2, dw - dw // 2, dh // 2, dh - dh // 2], mode="constant")


class ExpandingBlock(torch.nn.Module):
    """Bilinear x2 up (align_corners=True), pad to the skip, concatenate [up, skip], DoubleConv."""

    def __init__(self, input_n, output_n):
        super().__init__()
        self.upsample = torch.nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
        self.double_conv = DoubleConv(input_n + output_n, output_n)

    def forward(self, x, x_skip):
        x = expand_padding(self.upsample(x), x_skip)
        return self.double_conv(torch.cat([x, x_skip], dim=1))


class FeatureMap(torch.nn.Module):
    """1x1 convolution producing class logits."""

    def __init__(self, input_n, output_n):
        super().__init__()
        self.feature_out = torch.nn.Conv2d(input_n, output_n, kernel_size=1, stride=1)

    def forward(self, x):
        return self.feature_out(x)


class UNet(torch.nn.Module):
    """MMSeaIce U-Net: SIC regression (NHWC [N, H, W, 1]), SOD and FLOE logits (NCHW)."""

    def __init__(self, input_channels=18, filters=(32, 32, 64, 64), sod_classes=7, floe_classes=8):
        super().__init__()
        filters = list(filters)
        self.input_block = DoubleConv(input_channels, filters[0])
        self.contract_blocks = torch.nn.ModuleList(
            [ContractingBlock(filters[i - 1], filters[i]) for i in range(1, len(filters))])
        self.bridge = ContractingBlock(filters[-1], filters[-1])
        self.expand_blocks = torch.nn.ModuleList([ExpandingBlock(filters[-1], filters[-1])])
        for n in range(len(filters), 1, -1):
            self.expand_blocks.append(ExpandingBlock(filters[n - 1], filters[n - 2]))
        self.regression_layer = torch.nn.Linear(filters[0], 1)
        self.sod_feature_map = FeatureMap(filters[0], sod_classes)
        self.floe_feature_map = FeatureMap(filters[0], floe_classes)

    def forward(self, x):
        skips = [self.input_block(x)]
        for block in self.contract_blocks:
            skips.append(block(skips[-1]))
        y = self.bridge(skips[-1])
        for block, skip in zip(self.expand_blocks, reversed(skips)):
            y = block(y, skip)
        return {
            "SIC": self.regression_layer(y.permute(0, 2, 3, 1)),
            "SOD": self.sod_feature_map(y),
            "FLOE": self.floe_feature_map(y),
        }


def from_config(config):
    """A UNet from the Swift `UNetConfiguration` JSON (keys inputChannels, filters, sodClasses, floeClasses)."""
    return UNet(config["inputChannels"], config["filters"], config["sodClasses"], config["floeClasses"])


def mmseaice_loss(out, sic, sod, floe):
    """1 * masked MSE (SIC, label 255 excluded) + 3 * CE(SOD, ignore 255) + 3 * CE(FLOE, ignore 255)."""
    mask = (sic != 255).float()
    pred = out["SIC"].squeeze(-1)
    mse = (mask * (pred - sic.float()) ** 2).sum() / mask.sum()
    ce_sod = F.cross_entropy(out["SOD"], sod, ignore_index=255)
    ce_floe = F.cross_entropy(out["FLOE"], floe, ignore_index=255)
    return mse + 3 * ce_sod + 3 * ce_floe
