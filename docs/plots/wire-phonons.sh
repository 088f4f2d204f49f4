#!/usr/bin/env bash
# The plots and the table of docs/wire-model.md "Confined against Debye
# phonons": the NbTiN wire of examples/devices/nbtin-wire.yaml at 4 nm and
# 10 nm, in the two-temperature form, once with the confined-film phonon heat
# capacity and once with bulk Debye phonons (everything else equal, the
# circuit included). For each: the detection event (hotspot lifetime, reset
# time, peak output voltage) and the latching threshold in R_L, bisected to 2%.
#
# Usage: docs/plots/wire-phonons.sh [FILMTHERM_BINARY] [CELLS]
# Writes docs/img/wire-phonons-traces.png and docs/img/wire-phonons-summary.png
# and prints the table. Default binary build/release/bin/filmtherm, 200 cells.
set -euo pipefail
cd "$(dirname "$0")/../.."
filmtherm="${1:-build/release/bin/filmtherm}"
cells="${2:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
materials="$(pwd)/examples/materials/nbtin.yaml"

for d in 4 10; do
  sed -e "s#imports: \[../materials/nbtin.yaml\]#imports: ['$materials']#" \
      -e "s#thickness: 6 nm .*#thickness: $d nm#" \
      examples/devices/nbtin-wire.yaml > "$work/nbtin-$d.yaml"
  "$filmtherm" run "$work/nbtin-$d.yaml" --temperatures two --cells "$cells" \
    --compare-phonons film,debye --no-plot --output "$work/run-$d" > /dev/null
done

/usr/bin/python3 - "$filmtherm" "$work" "$cells" <<'EOF'
import json, math, subprocess, sys
filmtherm, work, cells = sys.argv[1], sys.argv[2], sys.argv[3]

def latched(d, model, load):
    text = open(f"{work}/nbtin-{d}.yaml").read()
    text = text.replace("load_resistance: 50 Ohm", f"load_resistance: {load:.6g} Ohm")
    text = text.replace("end_time: 60 ns", "end_time: 5 ns")
    open(f"{work}/latch.yaml", "w").write(text)
    subprocess.run([filmtherm, "run", f"{work}/latch.yaml", "--temperatures", "two", "--cells",
                    "150", "--compare-phonons", model, "--no-plot", "--output", f"{work}/latch"],
                   check=True, capture_output=True)
    return json.load(open(f"{work}/latch/summary.json"))["runs"][0]["latched"]

def threshold(d, model):
    low, high = 50.0, 20000.0
    while high / low > 1.02:
        middle = math.sqrt(low * high)
        if latched(d, model, middle):
            high = middle
        else:
            low = middle
    return math.sqrt(low * high)

rows = []
print("| film | phonons | peak V_out | max R_hs | hotspot lifetime | reset (90%) | latching R_L* |")
print("|---|---|---|---|---|---|---|")
for d in (4, 10):
    summary = json.load(open(f"{work}/run-{d}/summary.json"))
    for run in summary["runs"]:
        model = run["phonon_model"]
        r_star = threshold(d, model)
        rows.append((d, model, run["hotspot_lifetime_s"], run["time_to_90pct_current_recovery_s"],
                     r_star))
        print(f"| {d} nm | {model} | {1e3 * run['peak_output_voltage_V']:.4f} mV | "
              f"{1e-3 * run['max_hotspot_resistance_Ohm']:.3f} kOhm | "
              f"{1e12 * run['hotspot_lifetime_s']:.1f} ps | "
              f"{1e9 * run['time_to_90pct_current_recovery_s']:.3f} ns | {r_star:.0f} Ohm |",
              flush=True)
with open(f"{work}/summary.dat", "w") as f:
    for i, (d, model, life, reset, r_star) in enumerate(rows):
        f.write(f"{i} \"{d} nm {model}\" {1e12 * life} {1e9 * reset} {r_star}\n")
EOF

gnuplot <<EOF
set terminal pngcairo size 1000,800 enhanced font 'DejaVu Sans,11'
set output 'docs/img/wire-phonons-traces.png'
set datafile separator ','
set multiplot layout 2,1 title 'NbTiN wire, two-temperature form: confined (solid) and Debye (dashed) phonons'
set logscale x; set format x '10^{%L}'; set grid; set key top left
set xrange [1e-12:6e-8]
set ylabel 'R_{hs} [kOhm]'
plot '$work/run-4/trace-film.csv' skip 5 using 1:(\$5*1e-3) w l lw 2 lc rgb '#d62728' t '4 nm, film', \
     '$work/run-4/trace-debye.csv' skip 5 using 1:(\$5*1e-3) w l lw 2 dt 2 lc rgb '#d62728' t '4 nm, debye', \
     '$work/run-10/trace-film.csv' skip 5 using 1:(\$5*1e-3) w l lw 2 lc rgb '#1f77b4' t '10 nm, film', \
     '$work/run-10/trace-debye.csv' skip 5 using 1:(\$5*1e-3) w l lw 2 dt 2 lc rgb '#1f77b4' t '10 nm, debye'
set ylabel 'current I [uA]'; set xlabel 'time after the photon [s]'; set key bottom left
plot '$work/run-4/trace-film.csv' skip 5 using 1:(\$2*1e6) w l lw 2 lc rgb '#d62728' t '4 nm, film', \
     '$work/run-4/trace-debye.csv' skip 5 using 1:(\$2*1e6) w l lw 2 dt 2 lc rgb '#d62728' t '4 nm, debye', \
     '$work/run-10/trace-film.csv' skip 5 using 1:(\$2*1e6) w l lw 2 lc rgb '#1f77b4' t '10 nm, film', \
     '$work/run-10/trace-debye.csv' skip 5 using 1:(\$2*1e6) w l lw 2 dt 2 lc rgb '#1f77b4' t '10 nm, debye'
unset multiplot
set output 'docs/img/wire-phonons-summary.png'
set terminal pngcairo size 1100,420 enhanced font 'DejaVu Sans,11'
unset logscale x; set format x '%g'; unset xrange; unset xlabel; set key off
set style fill solid 0.6 border -1; set boxwidth 0.6; set xtics rotate by -20
set multiplot layout 1,3 title 'Confined against Debye phonons, NbTiN wire (two-temperature form)'
set datafile separator whitespace
set ylabel 'hotspot lifetime [ps]'; set yrange [0:*]; plot '$work/summary.dat' using 1:3:xtic(2) with boxes lc rgb '#1f77b4'
set ylabel 'reset time, 90% recovery [ns]'; set yrange [*:*]; plot '$work/summary.dat' using 1:4:xtic(2) with boxes lc rgb '#2ca02c'
set ylabel 'latching threshold R_L* [Ohm]'; set yrange [0:*]; plot '$work/summary.dat' using 1:5:xtic(2) with boxes lc rgb '#d62728'
unset multiplot
EOF
echo "wrote docs/img/wire-phonons-traces.png docs/img/wire-phonons-summary.png"
