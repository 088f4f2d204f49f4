#!/usr/bin/env bash
# filmtherm's electrothermal wire model against the SciPy peer
# (bench/peer/wire_scipy.py) on the Yang et al. (2007) NbN device with 500
# cells: the same discretised model, the same tolerances (the device's rtol
# 1e-6, 1e-6 K), the summary figures side by side (goal: within 1%), then the
# wall time of whole runs of each (process start included, no plots), as
# medians over repetitions.
#
# Usage: bench/peer/run_wire_peer.sh [FILMTHERM_BINARY] [REPEATS_FILMTHERM] [REPEATS_SCIPY]
# Default binary: build/release/bin/filmtherm. Needs Debian's /usr/bin/python3
# with python3-scipy and python3-yaml.
set -euo pipefail
cd "$(dirname "$0")/../.."
filmtherm="${1:-build/release/bin/filmtherm}"
repeats_filmtherm="${2:-7}"
repeats_scipy="${3:-3}"
device=examples/devices/yang2007-nbn.yaml
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$filmtherm" "$device" "$work" "$repeats_filmtherm" "$repeats_scipy" <<'EOF'
import json, resource, statistics, subprocess, sys, time
filmtherm, device, work, n_ft, n_py = sys.argv[1:4] + [int(sys.argv[4]), int(sys.argv[5])]
commands = {
    "filmtherm": [filmtherm, "run", device, "--cells", "500", "--no-plot", "--output",
                  f"{work}/ft"],
    "scipy": ["/usr/bin/python3", "bench/peer/wire_scipy.py", device, "--cells", "500",
              "--output", f"{work}/peer.json"],
}
def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
wall, cpu_time = {}, {}
for name, repeats in (("filmtherm", n_ft), ("scipy", n_py)):
    subprocess.run(commands[name], check=True, capture_output=True)  # warm the file cache
    w, c = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), cpu()
        subprocess.run(commands[name], check=True, capture_output=True)
        w.append(time.perf_counter() - start)
        c.append(cpu() - start_cpu)
    wall[name], cpu_time[name] = statistics.median(w), statistics.median(c)

ft = json.load(open(f"{work}/ft/summary.json"))["runs"][0]
peer = json.load(open(f"{work}/peer.json"))
print("== summary figures, 500 cells (filmtherm / SciPy, relative difference)")
worst = 0.0
for key in ("peak_output_voltage_V", "peak_output_time_after_arrival_s",
            "max_hotspot_length_m", "max_hotspot_resistance_Ohm", "hotspot_lifetime_s",
            "time_to_90pct_recovery_of_dip_s", "time_to_99pct_recovery_of_dip_s",
            "fitted_recovery_time_constant_s", "latched"):
    a, b = ft[key], peer[key]
    if isinstance(a, bool) or a is None or b is None:
        print(f"  {key:36s} {a!s:>14} {b!s:>14}")
        continue
    difference = (a - b) / b
    worst = max(worst, abs(difference))
    print(f"  {key:36s} {a:14.7g} {b:14.7g} {difference:+10.2e}")
print(f"  largest relative difference {worst:.2e} (goal 1e-2)")
print("== wall time of a whole run (median)")
for name in ("filmtherm", "scipy"):
    print(f"  {name:10s} wall {wall[name]:8.3f} s, CPU {cpu_time[name]:8.3f} s")
print(f"  solve only: filmtherm {ft['solve_wall_time_s']:.3f} s, SciPy "
      f"{peer['solve_wall_time_s']:.3f} s")
print(f"  ratio scipy / filmtherm: wall {wall['scipy'] / wall['filmtherm']:.1f}x, "
      f"CPU {cpu_time['scipy'] / cpu_time['filmtherm']:.1f}x (goal >= 30x)")
EOF
uptime
