#!/usr/bin/env bash
# Installs every Debian 12 package that filmtherm's build, tests, benchmarks
# and plots need. Idempotent: when everything is present it does nothing
# (no apt-get update, no network).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-dev            # Units, Math, Multiprecision (header-only parts)
  libyaml-cpp-dev         # device and study files
  libsundials-dev         # CVODE (+ KLU through libsuitesparse)
  libgtest-dev libgmock-dev
  libbenchmark-dev
  libcli11-dev            # command line
  nlohmann-json3-dev      # JSON output
  libfmt-dev              # formatting (g++ 12 has no std::format)
  gnuplot-nox             # plots
  libopenmpi-dev openmpi-bin   # filmtherm sweep across MPI ranks (optional at build time)
  clang libclang-rt-14-dev clang-format   # fuzzing, sanitizers, formatting
  python3 python3-scipy   # peer comparisons in bench/peer
  python3-dev pybind11-dev python3-numpy   # the Python package (python/)
  python3-pytest python3-yaml python3-pandas python3-matplotlib   # its tests and examples
  libngspice0-dev         # filmtherm-spice: ngspice as a shared library (hosts/spice)
  freefem++ libfreefem++-dev   # the FreeFEM plugin and crosstalk example (hosts/freefem)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
