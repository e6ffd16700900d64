#!/usr/bin/env bash
# SeaIceKit tool check: every command-line tool that the tests, scripts and benchmarks run, looked up
# on PATH (so a test can simulate a missing tool with a PATH that lacks it). setup.sh calls it last.
#
# Usage: scripts/check-tools.sh                 check every command of the table; exit 1 naming each
#                                               missing one and the Debian package that provides it
#        scripts/check-tools.sh COMMAND...      check only these (each must be in the table)
#        scripts/check-tools.sh --which COMMAND print the command's path, or fail as above
#        scripts/check-tools.sh --commands      print the table's commands, one a line
#        scripts/check-tools.sh --missing-packages
#                                               print the Debian packages of the absent commands
#
# Only bash builtins run here (no sort, awk, ...): the check works with a PATH that holds nothing
# but the tools of the table. Run it as `bash scripts/check-tools.sh` when PATH may lack bash.
# The Swift toolchain (swift) is not a Debian package and is not checked here.
set -uo pipefail

# command      Debian package  who runs it
table=(
  "nccopy      netcdf-bin      Tests/SeaIceInferenceTests/NetCDFCopy.swift (nccopy -V drops variables)"
  "ncgen       netcdf-bin      Tests/SeaIceCLITests/PreprocessAuxiliaryCLITests.swift (CDL to netCDF)"
  "ncdump      netcdf-bin      Tests/SeaIceCLITests/PreprocessAuxiliaryCLITests.swift (header checks)"
  "pkg-config  pkg-config      Package.swift (CNetCDF, CGDAL, CCairo) and scripts/setup.sh"
  "python3     python3         scripts/python (tests, SeaIceBench references, make fixtures), setup.sh"
)

declare -A package_of=()
commands=()
for row in "${table[@]}"; do
  read -r cmd pkg _ <<< "$row"
  package_of[$cmd]=$pkg
  commands+=("$cmd")
done

# Prints the message for a missing command on standard error.
report_missing() {
  echo "check-tools: missing command $1: install Debian package ${package_of[$1]}" \
       "(apt-get install ${package_of[$1]}, or run scripts/setup.sh)" >&2
}

known() {
  [ -n "${package_of[$1]+set}" ] && return 0
  echo "check-tools: '$1' is not in the tool table of scripts/check-tools.sh (known: ${commands[*]})" >&2
  return 2
}

case "${1:-}" in
  --commands)
    printf '%s\n' "${commands[@]}"
    exit 0;;
  --missing-packages)
    declare -A seen=()
    for cmd in "${commands[@]}"; do
      pkg=${package_of[$cmd]}
      if ! command -v "$cmd" >/dev/null 2>&1 && [ -z "${seen[$pkg]+set}" ]; then
        seen[$pkg]=1
        echo "$pkg"
      fi
    done
    exit 0;;
  --which)
    [ $# -eq 2 ] || { echo "check-tools: --which takes one command (got $(($# - 1)))" >&2; exit 2; }
    known "$2" || exit 2
    command -v "$2" && exit 0
    report_missing "$2"
    exit 1;;
  -*)
    echo "check-tools: unknown option '$1' (expected --commands, --missing-packages or --which)" >&2
    exit 2;;
esac

wanted=("$@")
((${#wanted[@]})) || wanted=("${commands[@]}")
missing=0
for cmd in "${wanted[@]}"; do
  known "$cmd" || exit 2
  command -v "$cmd" >/dev/null 2>&1 || { report_missing "$cmd"; missing=1; }
done
if ((missing)); then
  echo "check-tools: FAILED: PATH is $PATH" >&2
  exit 1
fi
echo "check-tools: all ${#wanted[@]} tools present (${wanted[*]})"
