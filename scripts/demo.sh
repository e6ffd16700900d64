#!/usr/bin/env bash
# The main job (`make demo`, after `make release`), on SIMULATED data, a few minutes on 2 cores:
#   1. simulate 6 AI4Arctic raw scenes (seaice simulate with configs/demo-simulation.json: Kara Sea
#      geometry with little land, 10 km chart polygons, different seeds and months),
#   2. convert 4 of them to ready-to-train files (seaice ai4arctic prepare),
#   3. train a small multi-task U-Net on 4 of them, validating on the 5th (seaice train configs/demo.json),
#   4. predict the held-out 5th scene from its RAW file (seaice predict: netCDF, GeoTIFF, PNG, submission),
#   5. score the prediction against that scene's chart (seaice evaluate),
# then print where everything is. Every figure it prints comes from simulated data.
# Usage: scripts/demo.sh [OUTPUT_FOLDER]   (default: .build/demo); DEMO_SIZE=raw pixels (default 1280)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$(cd "$root" && swift build -c release --show-bin-path)/seaice
out=${1:-$root/.build/demo}
size=${DEMO_SIZE:-1280}
rm -rf "$out"
mkdir -p "$out"
banner() { printf '\n=== %s ===\n' "$1"; }

echo "SeaIceKit demo: ALL DATA BELOW ARE SIMULATED (SeaIceKit scene simulator), not satellite observations."
banner "1/5 simulate 6 raw scenes (${size} x ${size} px at 40 m)"
for k in 0 1 2 3 4 5; do
  "$bin" simulate --format ai4arctic-raw --scenes 1 --size "$size" --template 0 --month $((10 + k % 3)) \
    --seed $((2026 + k)) --config "$root/configs/demo-simulation.json" --out "$out/raw"
done
held_out=$(ls "$out"/raw/*.nc | tail -n 1)
mkdir -p "$out/test-raw"
mv "$held_out" "$out/test-raw/"

banner "2/5 convert to ready-to-train (80 m)"
"$bin" ai4arctic prepare "$out"/raw/*.nc --out "$out/ready"
"$bin" ai4arctic prepare "$out"/test-raw/*.nc --out "$out/test-ready"

banner "3/5 train (configs/demo.json: U-Net 8/8/16/16, 10 epochs x 40 iterations, validation on 1 scene)"
"$bin" train "$root/configs/demo.json" --data "$out/ready" --out "$out/run" --device cpu

banner "4/5 predict the held-out scene from its RAW file (converted on the fly)"
"$bin" predict "$out/run/best" "$out"/test-raw/*.nc --out "$out/products" \
  --submission "$out/submission/submission.nc" --device cpu

banner "5/5 evaluate against the held-out scene's (simulated) chart"
"$bin" evaluate "$out/products" "$out/test-ready" --out "$out/evaluation"

banner "where things are (SIMULATED DATA)"
echo "run (configuration.json, metrics.jsonl, best/ and last/ checkpoints): $out/run"
echo "products (CF-1.10 netCDF, COG GeoTIFFs, PNG):                        $out/products"
ls -1 "$out/products" | sed 's/^/    /'
echo "AutoICE submission file:                                             $out/submission/submission.nc"
echo "evaluation report (report.md, report.json, confusion matrices):      $out/evaluation"
echo
echo "Reminder: the scenes, charts and scores above come from SIMULATED data; they say nothing about real ice."
