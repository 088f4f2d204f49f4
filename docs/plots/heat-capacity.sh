#!/usr/bin/env bash
# Makes docs/img/heat-capacity.png: C_ph(T) of films of 2, 4, 6, 10 and 20 nm
# and bulk Debye (v = 4000 m/s, Theta = 450 K), and their log-slope
# d ln C / d ln T. Uses the built filmtherm and Debian's gnuplot.
# Usage: docs/plots/heat-capacity.sh [path/to/filmtherm]
set -euo pipefail
cd "$(dirname "$0")/../.."
filmtherm="${1:-build/release/bin/filmtherm}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

common=(--sound-velocity 4000m/s --debye-temperature 450K --temperature-range 0.3K:1000K:120 --log --format csv)
for d in 2 4 6 10 20; do
  "$filmtherm" heat-capacity --thickness "${d}nm" --model film "${common[@]}" >"$data/film-$d.csv"
done
"$filmtherm" heat-capacity --thickness 6nm --model debye "${common[@]}" >"$data/bulk.csv"

gnuplot <<GNUPLOT
set terminal pngcairo size 1400,560 font "DejaVu Sans,12"
set output "docs/img/heat-capacity.png"
set datafile separator ","
set datafile commentschars "#"
set key autotitle columnhead
set multiplot layout 1,2 title "Phonon heat capacity of a film, v = 4000 m/s, {/Symbol Q} = 450 K"
set logscale xy
set xlabel "T [K]"
set ylabel "C_{ph} [J m^{-3} K^{-1}]"
set format y "10^{%L}"
set key top left
set grid
plot for [d in "2 4 6 10 20"] "$data/film-".d.".csv" using 1:2 skip 1 with lines lw 2 title d." nm", \
     "$data/bulk.csv" using 1:2 skip 1 with lines lw 2 dt 2 lc black title "bulk Debye"
unset logscale y
set format y "%g"
set ylabel "d ln C / d ln T"
set yrange [0:4.3]
set key bottom left
plot for [d in "2 4 6 10 20"] "$data/film-".d.".csv" using 1:5 skip 1 with lines lw 2 title d." nm", \
     "$data/bulk.csv" using 1:3 skip 1 with lines lw 2 dt 2 lc black title "bulk Debye"
unset multiplot
GNUPLOT
echo "wrote docs/img/heat-capacity.png"
