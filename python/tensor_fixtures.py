"""Expected values for SeaIceTensorTests, computed with PyTorch.

Run: scripts/python python/tensor_fixtures.py
Writes Tests/SeaIceTensorTests/Fixtures/tensor_fixtures.json (commit it).

Inputs are deterministic sine patterns, not torch's RNG, so the Swift tests rebuild exactly the
same inputs: element i of a pattern (a, b, scale) is float32(sin(i * a + b) * scale), computed in
float64. Each case stores its input specs and the expected outputs (shape + flat values).
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_grad_enabled(True)


def pattern(shape, a=0.37, b=0.1, scale=1.0):
    n = math.prod(shape)
    x = torch.sin(torch.arange(n, dtype=torch.float64) * a + b) * scale
    return x.to(torch.float32).reshape(shape)


def spec(shape, a=0.37, b=0.1, scale=1.0):
    return {"shape": list(shape), "a": a, "b": b, "scale": scale}


def out(t):
    t = t.detach()
    return {"shape": list(t.shape), "values": [float(v) for v in t.double().flatten().tolist()]}


cases = {}


def case(name, inputs, outputs):
    cases[name] = {"inputs": inputs, "expected": {k: out(v) for k, v in outputs.items()}}


def build(inputs):
    return {k: pattern(**v) for k, v in inputs.items()}


# --- element-wise ---------------------------------------------------------------------------------
ins = {"a": spec([2, 3], 0.37, 0.1, 2.0), "b": spec([3], 0.71, 0.4, 1.0)}
t = build(ins)
a, b = t["a"], t["b"]
bpos = b.abs() + 0.5
case("binary", ins, {
    "add": a + b, "sub": a - b, "mul": a * b, "div": a / bpos, "add_s": a + 2.5, "rsub_s": 1.5 - a,
    "rdiv_s": 2.0 / bpos, "mul_s": a * -3.0, "pow_s": (a.abs() + 0.1) ** 1.7, "maximum": torch.maximum(a, b),
    "gt": (a > b).float(), "le_s": (a <= 0.2).float(), "where": torch.where(a > b, a, b),
})

ins = {"x": spec([9], 0.9, -0.3, 2.0)}
x = build(ins)["x"]
case("unary", ins, {
    "exp": x.exp(), "log": (x.abs() + 0.1).log(), "sqrt": x.abs().sqrt(), "rsqrt": (x.abs() + 0.1).rsqrt(),
    "abs": x.abs(), "sin": x.sin(), "cos": x.cos(), "square": x.square(), "sign": x.sign(),
    "floor": (3 * x).floor(), "round": (3 * x).round(), "clamp": x.clamp(-0.3, 0.5), "sigmoid": x.sigmoid(),
    "tanh": x.tanh(), "neg": -x, "relu": F.relu(x), "leaky_relu": F.leaky_relu(x, 0.2), "gelu": F.gelu(x),
    "gelu_tanh": F.gelu(x, approximate="tanh"), "silu": F.silu(x),
})

# --- reductions and linear algebra ----------------------------------------------------------------
ins = {"x": spec([2, 3, 4], 0.53, 0.2, 1.5)}
x = build(ins)["x"]
mx = x.max(dim=2)
mn = x.min(dim=1, keepdim=True)
case("reduce", ins, {
    "sum": x.sum(), "sum_1_keep": x.sum(dim=[1], keepdim=True), "mean_02": x.mean(dim=[0, 2]), "max": x.max(),
    "max2_values": mx.values, "max2_indices": mx.indices.float(), "min1_values": mn.values,
    "min1_indices": mn.indices.float(), "argmax1": x.argmax(dim=1).float(), "argmax_all": x.argmax().float(),
    "var2": x.var(dim=[2]), "var_pop": x.var(correction=0), "std": x.std(), "amax_01": x.amax(dim=[0, 1]),
    "softmax1": F.softmax(x, dim=1), "log_softmax2": F.log_softmax(x, dim=2), "cumsum2": x.cumsum(2),
})

ins = {"a": spec([2, 3, 4], 0.3, 0.0, 1.0), "b": spec([4, 5], 0.45, 0.3, 1.0), "c": spec([2, 4, 2], 0.61, 0.7, 1.0)}
t = build(ins)
case("linalg", ins, {"matmul": t["a"] @ t["b"], "bmm": torch.bmm(t["a"], t["c"]),
                     "linear": F.linear(t["a"], t["b"].t(), t["b"][0])})

# --- shape ops --------------------------------------------------------------------------------------
ins = {"x": spec([2, 3, 4], 0.29, 0.5, 1.0), "y": spec([2, 1, 4], 0.83, 0.1, 1.0)}
t = build(ins)
x, y = t["x"], t["y"]
idx = torch.tensor([2, 0, 2])
gidx = torch.tensor([[[0, 1, 2, 2]], [[2, 2, 0, 1]]])
case("shape", ins, {
    "permute": x.permute(2, 0, 1).contiguous(), "transpose": x.transpose(0, 2).contiguous(),
    "cat1": torch.cat([x, y], dim=1), "stack": torch.stack([x, x * 2], dim=1),
    "pad_const": F.pad(x, [1, 2, 0, 1], value=-1.5), "pad_reflect": F.pad(x.unsqueeze(0), [2, 1, 1, 2], mode="reflect"),
    "pad_replicate": F.pad(x.unsqueeze(0), [1, 1, 2, 0], mode="replicate"), "flip": x.flip([0, 2]),
    "rot90": torch.rot90(x, 1, [1, 2]), "rot90_k3": torch.rot90(x, 3, [1, 2]), "repeat": y.repeat(1, 2, 2),
    "expand": y.expand(2, 3, 4).contiguous(), "index_select": x.index_select(1, idx),
    "gather": x.gather(1, gidx), "narrow": x.narrow(2, 1, 2).contiguous(), "slice": x[:, :, 0:4:2].contiguous(),
    "select": x.select(1, -1).contiguous(), "one_hot": F.one_hot(torch.tensor([[0, 3], [2, 1]]), 4).float(),
})

# --- convolution, normalisation, pooling, resizing --------------------------------------------------
ins = {"x": spec([2, 3, 6, 7], 0.37, 0.1, 1.0), "w": spec([4, 3, 3, 3], 0.77, 0.3, 0.5), "b": spec([4], 1.3, 0.2, 0.3),
       "wg": spec([4, 1, 2, 2], 0.91, 0.4, 0.5)}
t = build(ins)
x = t["x"].clone().requires_grad_()
w = t["w"].clone().requires_grad_()
bb = t["b"].clone().requires_grad_()
y = F.conv2d(x, w, bb, stride=2, padding=1)
g = pattern(list(y.shape), 0.13, 0.9, 1.0)
(y * g).sum().backward()
y2 = F.conv2d(t["x"], t["w"], None, stride=1, padding=(2, 1), dilation=2)
xg = torch.cat([t["x"], t["x"][:, :1]], dim=1)  # 4 channels for groups = 2
y3 = F.conv2d(xg, t["wg"].repeat(1, 2, 1, 1), None, groups=2)
case("conv2d", ins, {"out": y, "grad_out": g, "dx": x.grad, "dw": w.grad, "db": bb.grad, "dilated": y2, "grouped": y3})

ins = {"x": spec([1, 4, 3, 3], 0.41, 0.2, 1.0), "w": spec([4, 2, 3, 3], 0.67, 0.5, 0.5), "b": spec([2], 1.1, 0.3, 0.2)}
t = build(ins)
case("conv_transpose2d", ins, {
    "out": F.conv_transpose2d(t["x"], t["w"], t["b"], stride=2, padding=1, output_padding=1),
    "plain": F.conv_transpose2d(t["x"], t["w"][:, :, :2, :2], None, stride=2),
})

ins = {"x": spec([3, 2, 4, 4], 0.47, 0.3, 2.0), "w": spec([2], 1.7, 0.9, 1.0), "b": spec([2], 2.3, 0.1, 0.5)}
t = build(ins)
x = t["x"].clone().requires_grad_()
rm, rv = torch.zeros(2), torch.ones(2)
y = F.batch_norm(x, rm, rv, t["w"], t["b"], training=True, momentum=0.1, eps=1e-5)
g = pattern(list(y.shape), 0.19, 0.4, 1.0)
(y * g).sum().backward()
ev = F.batch_norm(t["x"], torch.tensor([0.1, -0.2]), torch.tensor([0.5, 2.0]), t["w"], t["b"], training=False, eps=1e-5)
ln = F.layer_norm(t["x"], [4, 4], t["x"][0, 0], t["x"][1, 1], eps=1e-5)
gn = F.group_norm(t["x"], 2, t["w"], t["b"], eps=1e-5)
case("batch_norm", ins, {"out": y, "running_mean": rm, "running_var": rv, "grad_out": g, "dx": x.grad, "eval": ev,
                         "layer_norm": ln, "group_norm": gn})

ins = {"x": spec([1, 2, 7, 5], 0.59, 0.2, 1.0)}
x = build(ins)["x"]
case("pool", ins, {
    "max2": F.max_pool2d(x, 2), "max3s2p1": F.max_pool2d(x, 3, 2, 1), "max2_ceil": F.max_pool2d(x, 2, ceil_mode=True),
    "avg2": F.avg_pool2d(x, 2), "avg3s2p1_excl": F.avg_pool2d(x, 3, 2, 1, count_include_pad=False),
    "adaptive32": F.adaptive_avg_pool2d(x, (3, 2)),
})

ins = {"x": spec([1, 2, 3, 4], 0.73, 0.4, 1.0)}
x = build(ins)["x"]
xr = x.clone().requires_grad_()
yb = F.interpolate(xr, size=(5, 7), mode="bilinear", align_corners=False)
gb = pattern(list(yb.shape), 0.23, 0.5, 1.0)
(yb * gb).sum().backward()
case("interpolate", ins, {
    "nearest_size": F.interpolate(x, size=(5, 7), mode="nearest"),
    "nearest_scale2": F.interpolate(x, scale_factor=2, mode="nearest"),
    "nearest_scale1_5": F.interpolate(x, scale_factor=1.5, mode="nearest"),
    "nearest_exact": F.interpolate(x, size=(5, 7), mode="nearest-exact"),
    "bilinear": yb, "bilinear_grad_out": gb, "bilinear_dx": xr.grad,
    "bilinear_align": F.interpolate(x, size=(5, 7), mode="bilinear", align_corners=True),
    "bilinear_scale1_5": F.interpolate(x, scale_factor=1.5, mode="bilinear", align_corners=False),
    "bilinear_down": F.interpolate(x, size=(2, 3), mode="bilinear", align_corners=False),
    "bicubic": F.interpolate(x, size=(5, 7), mode="bicubic", align_corners=False),
})

ins = {"q": spec([1, 2, 3, 4], 0.31, 0.1, 1.0), "k": spec([1, 2, 5, 4], 0.57, 0.2, 1.0),
       "v": spec([1, 2, 5, 3], 0.83, 0.3, 1.0)}
t = build(ins)
mask = torch.tensor([[True, True, False, True, False], [True, False, True, True, True], [False, True, True, True, True]])
case("attention", ins, {
    "plain": F.scaled_dot_product_attention(t["q"], t["k"], t["v"]),
    "masked": F.scaled_dot_product_attention(t["q"], t["k"], t["v"], attn_mask=mask),
})

# --- losses -------------------------------------------------------------------------------------------
ins = {"logits": spec([4, 5], 0.61, 0.3, 2.0), "img": spec([2, 3, 3, 4], 0.43, 0.6, 2.0),
       "cw": spec([3], 1.1, 0.9, 0.4), "pred": spec([2, 1, 3, 4], 0.39, 0.2, 1.0), "w": spec([2, 1, 3, 4], 0.91, 0.1, 1.0)}
t = build(ins)
tgt = torch.tensor([1, 4, 255, 0])
tgt_img = torch.tensor([[[0, 1, 2, 255], [2, 2, 1, 0], [1, 255, 0, 2]],
                        [[2, 1, 0, 0], [255, 255, 1, 2], [0, 0, 2, 1]]])
sample_w = torch.tensor([0.5, 2.0])
li = t["logits"].clone().requires_grad_()
ce_mean = F.cross_entropy(li, tgt, ignore_index=255)
ce_mean.backward()
ce_img_none = F.cross_entropy(t["img"], tgt_img, ignore_index=255, reduction="none")
valid = (tgt_img != 255).float()
per_sample = ce_img_none.sum(dim=[1, 2]) / valid.sum(dim=[1, 2]).clamp(min=1)
weighted = (per_sample * sample_w).sum() / 2
# masked MSE and weighted L1 (targets in 0..1 with 255 = ignore)
y_reg = (t["pred"] * 0.5 + 0.5).clone()
y_reg[0, 0, 0, 0] = 255.0
y_reg[1, 0, 2, 3] = 255.0
p_reg = t["pred"]
m = (y_reg != 255).float()
masked_mse = ((p_reg - y_reg) ** 2 * m).sum() / m.sum()
wts = t["w"].abs()
wl1 = (wts * (p_reg - y_reg.clamp(max=1)).abs()).sum() / wts.sum()
# binary: BCE with logits and Dice
yb = (t["w"] > 0).float()
bce = F.binary_cross_entropy_with_logits(t["pred"] * 3, yb)
bce_pw = F.binary_cross_entropy_with_logits(t["pred"] * 3, yb, pos_weight=torch.tensor([2.5]))
pb = torch.sigmoid(t["pred"] * 3)
bdice = 1 - (2 * (pb * yb).sum() + 1) / ((pb + yb).sum() + 1)
# multi-class Dice with ignore
p = F.softmax(t["img"], dim=1)
vm = (tgt_img != 255)
oh = F.one_hot(torch.where(vm, tgt_img, 0), 3).permute(0, 3, 1, 2).float()
vf = vm.unsqueeze(1).float()
inter = (p * oh * vf).sum(dim=[0, 2, 3])
card = ((p + oh) * vf).sum(dim=[0, 2, 3])
dice = 1 - ((2 * inter + 1) / (card + 1)).mean()
case("losses", ins, {
    "ce_mean": ce_mean, "ce_dlogits": li.grad,
    "ce_sum": F.cross_entropy(t["logits"], tgt, ignore_index=255, reduction="sum"),
    "ce_none": F.cross_entropy(t["logits"], tgt, ignore_index=255, reduction="none"),
    "ce_smooth": F.cross_entropy(t["logits"], torch.tensor([1, 4, 2, 0]), label_smoothing=0.1),
    "ce_img_weighted": F.cross_entropy(t["img"], tgt_img, weight=t["cw"].abs() + 0.2, ignore_index=255),
    "ce_img_none": ce_img_none, "ce_sample_weighted": weighted,
    "masked_mse": masked_mse, "weighted_l1": wl1, "bce": bce, "bce_pos_weight": bce_pw,
    "binary_dice": bdice, "dice": dice,
})

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "SeaIceTensorTests", "Fixtures", "tensor_fixtures.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    json.dump({"generator": "python/tensor_fixtures.py", "torch": torch.__version__, "cases": cases}, f,
              separators=(",", ":"))
print(f"wrote {path}: {os.path.getsize(path)} bytes, {len(cases)} cases")
