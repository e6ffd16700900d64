"""pyresample reference for `seaice bench pm-grid`: grids the same swath samples to the same NSIDC grid.

Reads <dir>/lat.f64, lon.f64, values.f64 (float64, one per sample) written by SeaIceKit, grids them with
pyresample's kd_tree.resample_nearest and resample_gauss (radius of influence, sigma, neighbours as given;
nprocs = threads), writes <dir>/py_nearest.f32 and py_gaussian.f32 (row-major over the grid, NaN = no value)
and prints one JSON line with the seconds of each call (the whole call: kd-tree, query, weighting).

Installed by scripts/setup.sh into .deps/pyresample; run as
  PYTHONPATH=.deps/pyresample python3 python/grid_reference.py DIR --epsg 3411 --cell 6250 ...
"""
import argparse
import json
import time

import numpy as np
from pyresample import geometry, kd_tree

PROJ = {
    3411: "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 +a=6378273 +b=6356889.449 +units=m",
    3413: "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m",
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--epsg", type=int, default=3411)
    p.add_argument("--cell", type=float, default=6250)
    p.add_argument("--radius", type=float, default=10000)
    p.add_argument("--sigma", type=float, default=5000)
    p.add_argument("--neighbours", type=int, default=8)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    lat = np.fromfile(f"{a.folder}/lat.f64")
    lon = np.fromfile(f"{a.folder}/lon.f64")
    values = np.fromfile(f"{a.folder}/values.f64")
    extent = (-3850000.0, -5350000.0, 3750000.0, 5850000.0)
    width = int(round((extent[2] - extent[0]) / a.cell))
    height = int(round((extent[3] - extent[1]) / a.cell))
    area = geometry.AreaDefinition("nsidc", "NSIDC north", "nsidc", PROJ[a.epsg], width, height, extent)
    swath = geometry.SwathDefinition(lons=lon, lats=lat)
    times = {}
    t = time.perf_counter()
    nearest = kd_tree.resample_nearest(swath, values, area, radius_of_influence=a.radius, fill_value=None,
                                       nprocs=a.threads)
    times["nearest"] = time.perf_counter() - t
    t = time.perf_counter()
    gaussian = kd_tree.resample_gauss(swath, values, area, radius_of_influence=a.radius, sigmas=a.sigma,
                                         neighbours=a.neighbours, fill_value=None, nprocs=a.threads)
    times["gaussian"] = time.perf_counter() - t
    for name, out in [("nearest", nearest), ("gaussian", gaussian)]:
        np.ma.masked_invalid(np.ma.asarray(out, dtype=np.float64)).filled(np.nan).astype(np.float32).tofile(
            f"{a.folder}/py_{name}.f32")
    print(json.dumps({"seconds": times, "width": width, "height": height}))


if __name__ == "__main__":
    main()
