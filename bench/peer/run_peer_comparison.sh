#!/usr/bin/env bash
# filmtherm run against the SciPy peer (bench/peer/lumped_scipy.py) on the NbTiN
# example: traces compared row by row (goal: 1e-5 relative), then the wall time
# of whole runs of each, start-up included, as medians over repetitions.
#
# Usage: bench/peer/run_peer_comparison.sh [FILMTHERM_BINARY] [REPEATS_FILMTHERM] [REPEATS_SCIPY]
# Default binary: build/release/bin/filmtherm. Needs Debian's /usr/bin/python3
# with python3-scipy and python3-yaml.
set -euo pipefail
cd "$(dirname "$0")/../.."
filmtherm="${1:-build/release/bin/filmtherm}"
repeats_filmtherm="${2:-21}"
repeats_scipy="${3:-5}"
python=/usr/bin/python3
device=examples/devices/nbtin-6nm.yaml
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A copy of the device with tighter tolerances, for a second comparison that
# is not limited by the example's rtol = 1e-6.
materials="$(pwd)/examples/materials/nbtin.yaml"
sed -e "s#imports: \[../materials/nbtin.yaml\]#imports: ['$materials']#" \
    -e 's#^solver:#solver:\n  relative_tolerance: 1e-9\n  absolute_tolerance: 1e-9 K#' \
    "$device" > "$work/nbtin-6nm-tight.yaml"

echo "== traces (same output times, same tolerances)"
for variant in "$device" "$work/nbtin-6nm-tight.yaml"; do
  for model in film debye; do
    "$filmtherm" run "$variant" --compare-phonons "$model" --no-plot --output "$work/ft" >/dev/null
    "$python" bench/peer/lumped_scipy.py "$variant" --phonon-model "$model" \
      --times "$work/ft/trace-$model.csv" --output "$work/peer-$model.csv" 2>/dev/null
    printf '%-22s %-6s ' "$(basename "$variant")" "$model"
    "$python" bench/peer/compare_traces.py "$work/ft/trace-$model.csv" "$work/peer-$model.csv"
  done
done

echo "== wall time of a whole run, phonon model film, no plot (median of repeats)"
"$python" - "$filmtherm" "$device" "$work" "$repeats_filmtherm" "$repeats_scipy" <<'EOF'
import resource, statistics, subprocess, sys, time
filmtherm, device, work, n_ft, n_py = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
commands = {
    "filmtherm": [filmtherm, "run", device, "--compare-phonons", "film", "--no-plot",
                  "--output", f"{work}/timing-ft"],
    "scipy": ["/usr/bin/python3", "bench/peer/lumped_scipy.py", device, "--phonon-model", "film",
              "--output", f"{work}/timing-peer.csv"],
}
def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
medians, cpu_medians = {}, {}
for name, repeats in (("filmtherm", n_ft), ("scipy", n_py)):
    subprocess.run(commands[name], check=True, capture_output=True)  # warm the file cache
    wall, cpu_times = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), cpu()
        subprocess.run(commands[name], check=True, capture_output=True)
        wall.append(time.perf_counter() - start)
        cpu_times.append(cpu() - start_cpu)
    medians[name] = statistics.median(wall)
    cpu_medians[name] = statistics.median(cpu_times)
    print(f"{name:10s} wall median {medians[name] * 1e3:8.1f} ms (min {min(wall) * 1e3:.1f}, "
          f"max {max(wall) * 1e3:.1f}); CPU median {cpu_medians[name] * 1e3:8.1f} ms; {repeats} runs")
print(f"ratio scipy / filmtherm: wall {medians['scipy'] / medians['filmtherm']:.0f}x, "
      f"CPU {cpu_medians['scipy'] / cpu_medians['filmtherm']:.0f}x")
EOF
uptime
