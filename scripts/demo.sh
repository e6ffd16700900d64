#!/usr/bin/env bash
# The main job on built-in sample data (called by `make demo` after the release build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$(cd "$root" && swift build -c release --show-bin-path)/seaice
"$bin" info
