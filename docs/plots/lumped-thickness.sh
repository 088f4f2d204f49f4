#!/usr/bin/env bash
# Makes docs/img/lumped-thickness.png and docs/img/lumped-nbtin-{4,6,10}nm.png: hotspot
# cooling of the default NbTiN device (examples/devices/nbtin-6nm.yaml) at film
# thicknesses of 4, 6 and 10 nm, confined (film) against bulk Debye phonons, run to
# 20 ns; prints a Markdown table of the summaries. Uses the built filmtherm, Debian's
# gnuplot and /usr/bin/python3.
# Usage: docs/plots/lumped-thickness.sh [path/to/filmtherm]
set -euo pipefail
cd "$(dirname "$0")/../.."
filmtherm="${1:-build/release/bin/filmtherm}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
materials="$(pwd)/examples/materials/nbtin.yaml"

for d in 4 6 10; do
  sed -e "s#imports: \[../materials/nbtin.yaml\]#imports: ['$materials']#" \
      -e "s#^name: nbtin-6nm#name: nbtin-${d}nm#" \
      -e "s#thickness: 6 nm #thickness: ${d} nm #" \
      -e "s#end_time: 1 ns#end_time: 20 ns#" \
      examples/devices/nbtin-6nm.yaml > "$data/nbtin-${d}nm.yaml"
  "$filmtherm" run "$data/nbtin-${d}nm.yaml" --compare-phonons film,debye --output "$data/${d}nm" >/dev/null
  cp "$data/${d}nm/temperatures.png" "docs/img/lumped-nbtin-${d}nm.png"
done

gnuplot <<GNUPLOT
set terminal pngcairo size 1500,520 font "DejaVu Sans,12"
set output "docs/img/lumped-thickness.png"
set datafile separator ","
set multiplot layout 1,3 title "NbTiN hotspot after a 1550 nm photon (eta = 0.5, bath 2 K): confined (solid) vs bulk Debye (dashed) phonons"
set logscale x
set format x "10^{%L}"
set xrange [1e-13:2e-8]
set yrange [2:*]
set grid
set xlabel "t - t_a [s]"
set ylabel "temperature [K]"
do for [d in "4 6 10"] {
  set title d." nm film"
  plot "$data/".d."nm/trace-film.csv" skip 6 using (\$1-1e-11):2 with lines lw 2 lc rgb "#1f77b4" title "T_e film", \
       "$data/".d."nm/trace-film.csv" skip 6 using (\$1-1e-11):3 with lines lw 2 lc rgb "#d62728" title "T_{ph} film", \
       "$data/".d."nm/trace-debye.csv" skip 6 using (\$1-1e-11):2 with lines lw 2 dt 2 lc rgb "#1f77b4" title "T_e Debye", \
       "$data/".d."nm/trace-debye.csv" skip 6 using (\$1-1e-11):3 with lines lw 2 dt 2 lc rgb "#d62728" title "T_{ph} Debye"
}
unset multiplot
GNUPLOT

/usr/bin/python3 - "$data" <<'PY'
import json, sys
data = sys.argv[1]
def ps(x):
    return "-" if x is None else f"{x * 1e12:.3g}"
print("| d | phonons | T_e peak [K] | T_ph peak [K] | T_ph peak at [ps] | T_e half [ps] | T_e 1% [ps] | T_ph 1% [ps] | tail tau [ps] | tau fast / slow at T_b [ps] | energy book |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for d in (4, 6, 10):
    summary = json.load(open(f"{data}/{d}nm/summary.json"))
    for run in summary["runs"]:
        e, p = run["electrons"], run["phonons"]
        tau = run["linearised_time_constants_s"]
        print(f"| {d} nm | {run['phonon_model']} | {e['peak_K']:.3f} | {p['peak_K']:.3f} | "
              f"{ps(p['peak_time_after_arrival_s'])} | {ps(e['half_rise_time_after_arrival_s'])} | "
              f"{ps(e['one_percent_rise_time_after_arrival_s'])} | "
              f"{ps(p['one_percent_rise_time_after_arrival_s'])} | {ps(e['tail_decay_time_s'])} | "
              f"{ps(tau['fast'])} / {ps(tau['slow'])} | {run['energy_book']['relative_error']:.1e} |")
PY
