"""Independent RCM calibration reference (numpy only) for SeaIceKit's SeaIceRCM tests.

Reads the real RCM-2 LUTs (metadata/calibration/lut{Sigma,Beta,Gamma}_{HH,HV}.xml) with the standard library's
ElementTree and applies xsar's RCM formula (xsar/rcm_dataset.py `_apply_calibration_lut`: sigma0 = (DN**2 + offset)
/ gain, the LUT node k at pixel pixelFirstLutValue + k * stepSize) at every node of the σ⁰ LUTs (every 25th of β⁰, γ⁰) for a node-dependent DN.
Writes Tests/SeaIceRCMTests/Fixtures/rcm_calibration.json (checked in).

Usage: scripts/python python/rcm_calibration.py [PRODUCT_FOLDER] [OUT_JSON]
"""
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/rcm-metadata" / \
    "RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD"
OUT = Path(__file__).resolve().parents[1] / "Tests/SeaIceRCMTests/Fixtures/rcm_calibration.json"


def text(root, name):
    node = next(e for e in root.iter() if e.tag.split("}")[-1] == name)
    return node.text


def read_lut(path):
    root = ET.parse(path).getroot()
    first = int(text(root, "pixelFirstLutValue"))
    step = int(text(root, "stepSize"))
    count = int(text(root, "numberOfValues"))
    offset = float(text(root, "offset"))
    gains = np.array(text(root, "gains").split(), dtype=np.float64)
    assert gains.size == count, (path, gains.size, count)
    pixels = first + step * np.arange(count)
    return pixels, gains, offset


def node_dn(k):
    """The DN used at node k: spread over the UInt16 range the products use."""
    return 50.0 + (k * 7919) % 12000


def main():
    product = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    tables = []
    for stem in ["lutSigma", "lutBeta", "lutGamma"]:
        for pol in ["HH", "HV"]:
            pixels, gains, offset = read_lut(product / "metadata/calibration" / f"{stem}_{pol}.xml")
            # Every node of the sigma0 LUTs (the pipeline's calibration); every 25th of beta0/gamma0 (kept small).
            every = 1 if stem == "lutSigma" else 25
            k = np.arange(0, gains.size, every)
            dn = node_dn(k)
            gains = gains[k]
            value = (dn ** 2 + offset) / gains  # xsar: (DN**2 + offset) / gains
            tables.append({
                "file": f"{stem}_{pol}.xml", "offset": offset,
                "first_pixel": int(pixels[0]), "step": int(pixels[1] - pixels[0]), "every": every,
                "dn_rule": "50 + (k * 7919) % 12000",
                "value": [float(f"{v:.10g}") for v in value],
            })
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "source": "python/rcm_calibration.py (numpy, xsar's RCM formula (DN^2 + offset) / gain at every LUT node)",
        "product": product.name, "tables": tables}, separators=(",", ":")) + "\n")
    print(f"wrote {out}: {sum(len(t['value']) for t in tables)} node values")


if __name__ == "__main__":
    main()
