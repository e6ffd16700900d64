#!/usr/bin/env bash
# The demo on the release build (called by `make demo` after `make release`): trains a small
# U-Net on a synthetic task (simulated data), checkpoints it, reloads it and checks predictions.
# Usage: scripts/demo.sh [OUTPUT_FOLDER]   (default: .build/demo)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$(cd "$root" && swift build -c release --show-bin-path)/seaice
out=${1:-$root/.build/demo}
"$bin" info
"$bin" demo --out "$out"
