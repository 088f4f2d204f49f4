"""Speed of the Python binding against C++ (figures in docs/performance.md).

1. C_ph(T, d) of the confined-film model on 10^6 points from NumPy
   (filmtherm.heat_capacity) against the same array call in C++
   (bench_heat_capacity_array, Google Benchmark). Goal: within 1.5x.
2. A device run from Python (Device.run, wall time of the whole call: the
   solve, the summary, the NumPy arrays) against the solve time the CLI
   reports for the same run (summary.json's solve_wall_time_s). Goal:
   within 10%.

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python/bench_heat_capacity.py build/release

Prints medians over the repetitions, one line per figure.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

import filmtherm

build = sys.argv[1] if len(sys.argv) > 1 else "build/release"
source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
repetitions = 9


def median_seconds(call, repeat=repetitions):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# 1. 10^6 points, the same temperatures as the C++ benchmark (1-20 K, geometric).
n = 1_000_000
T = 20.0 ** (np.arange(n) / (n - 1))
filmtherm.heat_capacity(T[:10], 6e-9, sound_velocity=4000.0)  # load the plugins first
python_s = median_seconds(lambda: filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0))
bench = subprocess.run(
    [os.path.join(build, "bin", "bench_heat_capacity_array"), f"--benchmark_repetitions={repetitions}",
     "--benchmark_report_aggregates_only=true", "--benchmark_format=json"],
    check=True, capture_output=True, text=True)
report = json.loads(bench.stdout)
cpp_ms = next(b["real_time"] for b in report["benchmarks"] if b.get("aggregate_name") == "median")
cpp_s = cpp_ms / 1e3
print(f"heat_capacity, 10^6 points: Python {python_s * 1e3:.1f} ms, C++ {cpp_s * 1e3:.1f} ms, "
      f"ratio {python_s / cpp_s:.3f} (goal <= 1.5)")

# 2. Device runs: the lumped NbTiN detector and the NbTiN wire (film phonons).
filmtherm_exe = os.path.join(build, "bin", "filmtherm")
for device_file, extra in (("examples/devices/nbtin-6nm.yaml", []),
                           ("examples/devices/nbtin-wire.yaml", [])):
    path = os.path.join(source, device_file)
    device = filmtherm.Device.load(path)
    python_runs, solve_runs, cli_runs = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(5 if "wire" in device_file else repetitions):
            start = time.perf_counter()
            result = device.run(phonon_models=["film"])
            python_runs.append(time.perf_counter() - start)
            solve_runs.append(result.runs[0].solve_wall_time)
            subprocess.run([filmtherm_exe, "run", path, "--output", folder, "--no-plot",
                            "--compare-phonons", "film", *extra], check=True, capture_output=True)
            with open(os.path.join(folder, "summary.json")) as stream:
                cli_runs.append(json.load(stream)["runs"][0]["solve_wall_time_s"])
    py = statistics.median(python_runs)
    cli = statistics.median(cli_runs)
    inner = statistics.median(solve_runs)
    print(f"{os.path.basename(device_file)}: Device.run {py * 1e3:.2f} ms (its solve "
          f"{inner * 1e3:.2f} ms), CLI solve {cli * 1e3:.2f} ms, ratio {py / cli:.3f} "
          f"(goal <= 1.10)")
