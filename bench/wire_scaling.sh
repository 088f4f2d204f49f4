#!/usr/bin/env bash
# Cost of the electrothermal wire model against the number of cells, and the
# wall time of one detection event (photon to 99% current recovery) with 2000
# cells, on the Yang et al. (2007) NbN device (examples/devices/yang2007-nbn.yaml).
#
# Settings: the wire model's defaults (one temperature per cell, the front
# switch, sparse KLU Newton solves), photon to 100 ns (full recovery), T(x, t)
# not kept. Two passes: rtol 1e-4 with 1e-3 K on temperatures (the summary
# figures then agree with rtol 1e-6 runs to 0.1% for the peak voltage and the
# hotspot lifetime, 0.05% for the reset time), over 500..8000 cells; and the
# device's own tolerances (rtol 1e-6, 1e-6 K) over 500..2000 cells. Each
# figure is the median of REPEATS runs of the CVODE solve as `filmtherm run`
# reports it (solve_wall_time_s and, less disturbed by other processes on a
# shared machine, solve_cpu_time_s; process start, YAML and output files
# excluded). The cost exponent is the least-squares slope of log(time)
# against log(cells) (goal <= 1.15); the event goal is <= 0.3 s with 2000
# cells.
#
# Usage: bench/wire_scaling.sh [FILMTHERM_BINARY] [REPEATS]
# Default binary: build/release/bin/filmtherm.
set -euo pipefail
cd "$(dirname "$0")/.."
filmtherm="${1:-build/release/bin/filmtherm}"
repeats="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

materials="$(pwd)/examples/materials/nbn.yaml"
sed -e "s#imports: \[../materials/nbn.yaml\]#imports: ['$materials']#" \
    -e 's#^solver:#solver:\n  relative_tolerance: 1e-4\n  absolute_tolerance: 1e-3 K#' \
    examples/devices/yang2007-nbn.yaml > "$work/yang.yaml"
sed -e "s#imports: \[../materials/nbn.yaml\]#imports: ['$materials']#" \
    examples/devices/yang2007-nbn.yaml > "$work/yang-device.yaml"

/usr/bin/python3 - "$filmtherm" "$work" "$repeats" <<'EOF'
import json, math, statistics, subprocess, sys
filmtherm, work, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
def solve(cells, device="yang"):
    wall, cpu, run = [], [], None
    for _ in range(repeats):
        subprocess.run([filmtherm, "run", f"{work}/{device}.yaml", "--cells", str(cells),
                        "--no-record-profiles", "--no-plot", "--output", f"{work}/out"],
                       check=True, capture_output=True)
        run = json.load(open(f"{work}/out/summary.json"))["runs"][0]
        wall.append(run["solve_wall_time_s"])
        cpu.append(run["solve_cpu_time_s"])
    return statistics.median(wall), statistics.median(cpu), run
def exponent(points):
    x = [math.log(c) for c, _ in points]
    y = [math.log(t) for _, t in points]
    mx, my = sum(x) / len(x), sum(y) / len(y)
    return sum((a - mx) * (b - my) for a, b in zip(x, y)) / sum((a - mx) ** 2 for a in x)
def table(device, sizes):
    print(f"{'cells':>6} {'wall [s]':>9} {'CPU [s]':>8} {'steps':>7} {'rhs':>7} {'jac':>5} "
          f"{'CPU ms/step':>11} {'peak V_out [mV]':>16} {'lifetime [ps]':>14} "
          f"{'90% reset [ns]':>15}")
    walls, cpus = [], []
    for cells in sizes:
        wall, cpu, run = solve(cells, device)
        st = run["solver_statistics"]
        walls.append((cells, wall))
        cpus.append((cells, cpu))
        print(f"{cells:>6} {wall:>9.3f} {cpu:>8.3f} {st['steps']:>7} {st['rhs_evaluations']:>7} "
              f"{st['jacobian_evaluations']:>5} {1e3 * cpu / st['steps']:>11.3f} "
              f"{1e3 * run['peak_output_voltage_V']:>16.5f} "
              f"{1e12 * run['hotspot_lifetime_s']:>14.2f} "
              f"{1e9 * run['time_to_90pct_current_recovery_s']:>15.4f}", flush=True)
    print(f"cost exponent {sizes[0]}..{sizes[-1]} cells (goal <= 1.15): "
          f"wall {exponent(walls):.3f}, CPU {exponent(cpus):.3f}")
    print(f"one detection event, 2000 cells, photon to 100 ns (goal <= 0.3 s): "
          f"wall {dict(walls)[2000]:.3f} s, CPU {dict(cpus)[2000]:.3f} s", flush=True)
print("== rtol 1e-4, 1e-3 K")
table("yang", (500, 1000, 2000, 4000, 8000))
print("== the device's tolerances, rtol 1e-6, 1e-6 K")
table("yang-device", (500, 1000, 2000))
EOF
uptime
