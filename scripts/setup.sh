#!/usr/bin/env bash
# SeaIceKit setup: Debian packages + libtorch (from the `torch` wheel) in .deps/torch, then the
# tool check (scripts/check-tools.sh: every command the tests, scripts and benchmarks run).
# Idempotent: a second run checks and returns in seconds.
#
# SEAICE_TORCH_SOURCE chooses where torch comes from:
#   auto  (default) the CPU-only wheel in pip's configured local folder when there is one, else PyPI
#   local only pip's configured local wheel folder (find-links), no index
#   pypi  PyPI only (pip --isolated, no find-links): torch with all its dependencies, the CUDA
#         libraries included (a few GB): CUDA works on GPU machines and the Python reference
#         scripts (`import torch`) run
#   pypi-minimal  PyPI only: torch plus just the two small NVIDIA runtime wheels
#         (nvidia-cuda-runtime, nvidia-cuda-cupti) that libtorch_cpu.so needs to load: enough for
#         SeaIceKit itself on CPU; Python's `import torch` then fails (no cuDNN), so the tests
#         that compare with PyTorch at run time are skipped
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps="$root/.deps"
torchdir="$deps/torch"
stamp="$torchdir/.seaice-setup"
source_choice="${SEAICE_TORCH_SOURCE:-auto}"
python="${PYTHON:-python3}"
# Libraries Package.swift links, and UDUNITS-2 for cfchecker (checked with dpkg); the packages of
# command-line tools come from scripts/check-tools.sh's table (checked on PATH, so a python3 from pyenv counts).
# libcairo2-dev + libpango1.0-dev: CCairo (SeaIceQuicklook's pictures); fonts-dejavu-core: the font pango
# finds through fontconfig (without any font, text renders as empty boxes). netcdf-bin: nccopy, ncgen and ncdump,
# which tests call (also in check-tools.sh's table; listed here so a fresh machine gets it even when an ncdump
# elsewhere on PATH would hide it from that check).
apt_packages=(pkg-config libnetcdf-dev libgdal-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core libudunits2-0 netcdf-bin)
# Pure-Python packages torch imports, and what the reference scripts use.
py_packages=(filelock fsspec typing-extensions sympy networkx jinja2 numpy)

say() { echo "setup: $*"; }
fail() { echo "setup: ERROR: $*" >&2; exit 1; }

# --- Debian packages ---------------------------------------------------------------
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
while read -r p; do
  [ -n "$p" ] && [[ " ${missing[*]} " != *" $p "* ]] && missing+=("$p")
done < <(bash "$root/scripts/check-tools.sh" --missing-packages)
# pip for the torch wheel (only Debian's python3 can get it from apt; another $python must bring its own).
if [ "$python" = python3 ] && ! { command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; }; then
  missing+=(python3-pip)
fi
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "need root or sudo to apt-get install ${missing[*]}"
    sudo=sudo
  fi
  $sudo apt-get update -qq || fail "apt-get update failed (is the Debian mirror reachable?)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]} failed"
else
  say "Debian packages present: ${apt_packages[*]}, and the providers of every tool in scripts/check-tools.sh"
fi
pkg-config --exists netcdf || fail "pkg-config cannot find netcdf after installing libnetcdf-dev"
pkg-config --exists gdal || fail "pkg-config cannot find gdal after installing libgdal-dev"
pkg-config --exists pangocairo || fail "pkg-config cannot find pangocairo after installing libpango1.0-dev"

# --- CF checkers (Tests/SeaIceTestSupport/CFCheckers.swift) ----------------------------
# cfchecker (NCAS) and the IOOS compliance-checker from PyPI into .deps/checkers (pip --target; run
# as `PYTHONPATH=.deps/checkers python3 .deps/checkers/bin/cfchecks FILE`). cfunits is an sdist, so
# binaries are preferred, not required. Tests that run them skip, naming this folder, when it is absent.
checkers="$deps/checkers"
if [ -f "$checkers/bin/cfchecks" ] && [ -f "$checkers/bin/compliance-checker" ]; then
  say "CF checkers present in $checkers"
else
  command -v "$python" >/dev/null || fail "$python not found (needed to install cfchecker and compliance-checker)"
  say "installing cfchecker and compliance-checker from PyPI into $checkers"
  mkdir -p "$deps"
  rm -rf "$checkers.partial"
  "$python" -m pip install --root-user-action=ignore -q --disable-pip-version-check --no-warn-script-location \
    --no-warn-conflicts --prefer-binary --target "$checkers.partial" cfchecker compliance-checker \
    || fail "pip could not install cfchecker and compliance-checker"
  rm -rf "$checkers"
  mv "$checkers.partial" "$checkers"
fi

# --- pyresample (python/grid_reference.py, `seaice bench pm-grid`) -----------------------
# pyresample and its dependencies (pykdtree, pyproj with its own PROJ, numpy, shapely, …) from PyPI into
# .deps/pyresample (pip --target, binary wheels only); the benchmark runs it with PYTHONPATH set there.
pyresample_dir="$deps/pyresample"
if [ -d "$pyresample_dir/pyresample" ] && [ -d "$pyresample_dir/pykdtree" ]; then
  say "pyresample present in $pyresample_dir"
else
  command -v "$python" >/dev/null || fail "$python not found (needed to install pyresample)"
  say "installing pyresample from PyPI into $pyresample_dir"
  mkdir -p "$deps"
  rm -rf "$pyresample_dir.partial"
  "$python" -m pip install --root-user-action=ignore -q --disable-pip-version-check --no-warn-script-location \
    --no-warn-conflicts --only-binary=:all: --target "$pyresample_dir.partial" pyresample pykdtree \
    || fail "pip could not install pyresample"
  rm -rf "$pyresample_dir"
  mv "$pyresample_dir.partial" "$pyresample_dir"
fi

# --- libtorch from the torch wheel ---------------------------------------------------
if [ -f "$stamp" ] && [ -f "$torchdir/torch/lib/libtorch_cpu.so" ]; then
  if [ "$source_choice" = auto ] || grep -q "($source_choice)" "$stamp"; then
    say "libtorch present: $(cat "$stamp")"
    bash "$root/scripts/check-tools.sh" || fail "a tool is missing (see above)"
    exit 0
  fi
  say "libtorch present but from another source ($(cat "$stamp")); reinstalling from '$source_choice'"
fi
command -v "$python" >/dev/null || fail "$python not found (needed to install the torch wheel)"
"$python" -m pip --version >/dev/null 2>&1 \
  || fail "pip is not available for $python (for Debian's python3: apt-get install python3-pip)"

mkdir -p "$deps"
tmp="$torchdir.partial"
rm -rf "$tmp"
pip_q=(--root-user-action=ignore -q --disable-pip-version-check --no-warn-script-location)

install_local() {
  say "installing torch from pip's configured local wheel folder (no index)"
  "$python" -m pip install "${pip_q[@]}" --no-index --no-deps --target "$tmp" torch
}

install_pypi() {
  say "installing torch and all its dependencies from PyPI (isolated: no local wheel folder); this downloads a few GB"
  "$python" -m pip --isolated install "${pip_q[@]}" --only-binary=:all: --target "$tmp" torch \
    || fail "pip could not install torch and its dependencies from PyPI"
}

install_pypi_minimal() {
  say "installing torch alone from PyPI (isolated: no local wheel folder); this downloads about 1 GB"
  "$python" -m pip --isolated install "${pip_q[@]}" --no-deps --only-binary=:all: --target "$tmp" torch \
    || fail "pip could not install torch from PyPI"
  # The NVIDIA runtime wheels libtorch_cpu.so links against (libcudart, libcupti), at the
  # versions torch pins (directly, or through the cuda-toolkit meta-package). They land in
  # nvidia/*/lib beside torch/, which libtorch_cpu.so's own RPATH already searches.
  local meta reqs
  meta=$(ls -d "$tmp"/torch-*.dist-info | head -n 1)
  reqs=$("$python" "$root/scripts/torch_runtime_requirements.py" "$meta") \
    || fail "could not work out which NVIDIA runtime wheels $meta needs"
  if [ -n "$reqs" ]; then
    say "installing NVIDIA runtime wheels: $(echo $reqs)"
    # shellcheck disable=SC2086
    "$python" -m pip --isolated install "${pip_q[@]}" --no-deps --only-binary=:all: --target "$tmp" $reqs \
      || fail "pip could not install $reqs"
  fi
}

case "$source_choice" in
  local) install_local || fail "no torch wheel in pip's configured local folder (set SEAICE_TORCH_SOURCE=pypi)";;
  pypi) install_pypi;;
  pypi-minimal) install_pypi_minimal;;
  auto) install_local 2>/dev/null || { rm -rf "$tmp"; say "no local torch wheel found"; install_pypi; };;
  *) fail "SEAICE_TORCH_SOURCE must be auto, local, pypi or pypi-minimal (got '$source_choice')";;
esac

say "installing Python helpers for the reference scripts: ${py_packages[*]}"
"$python" -m pip install "${pip_q[@]}" --upgrade --only-binary=:all: --target "$tmp" "${py_packages[@]}" \
  || fail "pip could not install ${py_packages[*]}"

[ -f "$tmp/torch/lib/libtorch_cpu.so" ] || fail "the torch wheel has no torch/lib/libtorch_cpu.so"
version=$(ls -d "$tmp"/torch-*.dist-info | head -n 1 | sed -E 's/.*torch-(.*)\.dist-info/\1/')
rm -rf "$torchdir"
mv "$tmp" "$torchdir"
echo "torch $version ($source_choice) in $torchdir" > "$stamp"
say "libtorch ready: $(cat "$stamp")"
bash "$root/scripts/check-tools.sh" || fail "a tool is missing (see above)"
