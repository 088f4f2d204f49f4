#!/usr/bin/env bash
# The built-in default example: hotspot cooling of the seed paper's NbTiN
# detector (6 nm film, v = 4000 m/s, 1550 nm photon) with the lumped
# two-temperature model, confined (film) and bulk Debye phonons side by side.
# Writes out/nbtin-6nm/{trace-film.csv,trace-debye.csv,summary.json,temperatures.png}.
set -euo pipefail
cd "$(dirname "$0")/.."
build/release/bin/filmtherm run examples/devices/nbtin-6nm.yaml --output out/nbtin-6nm
