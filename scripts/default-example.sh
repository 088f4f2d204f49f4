#!/usr/bin/env bash
# The built-in default example: the phonon heat capacity of the seed paper's
# NbTiN film (d = 6 nm, v = 4000 m/s), confined against bulk Debye, printed
# and written to out/nbtin-6nm-heat-capacity.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
build/release/bin/filmtherm heat-capacity --thickness 6nm --sound-velocity 4000m/s \
  --temperature-range 0.5K:50K:25 --log --output out/nbtin-6nm-heat-capacity.csv
