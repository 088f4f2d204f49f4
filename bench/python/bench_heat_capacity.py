"""Speed of the Python binding against C++ (figures in docs/performance.md).

1. C_ph(T, d) of the confined-film model on 10^6 points from NumPy
   (filmtherm.heat_capacity) against the same array call in C++
   (bench_heat_capacity_array, Google Benchmark). Goal: within 1.5x.
2. A device run from Python (Device.run, wall time of the whole call: the
   solve, the summary, the NumPy arrays) against the solve time the CLI
   reports for the same run (summary.json's solve_wall_time_s). Goal:
   within 10%.

    export PYTHONPATH=build/release/python
    /usr/bin/python3 bench/python/bench_heat_capacity.py build/release

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


def median_times(call, repeat=repetitions):
    """Median wall and CPU seconds of `call` (CPU time is less disturbed by other jobs)."""
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        call()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(wall), statistics.median(cpu)


def cpp_times():
    """Median wall and CPU seconds of the C++ benchmark (its own repetitions)."""
    bench = subprocess.run(
        [os.path.join(build, "bin", "bench_heat_capacity_array"),
         f"--benchmark_repetitions={repetitions}", "--benchmark_report_aggregates_only=true",
         "--benchmark_format=json"], check=True, capture_output=True, text=True)
    median = next(b for b in json.loads(bench.stdout)["benchmarks"]
                  if b.get("aggregate_name") == "median")
    return median["real_time"] / 1e3, median["cpu_time"] / 1e3  # reported in ms


# 1. 10^6 points, the same temperatures as the C++ benchmark (1-20 K, geometric).
# Three rounds, Python and C++ alternating, so that both see the same machine load.
n = 1_000_000
T = 20.0 ** (np.arange(n) / (n - 1))
filmtherm.heat_capacity(T[:10], 6e-9, sound_velocity=4000.0)  # load the plugins first
rounds = []
for _ in range(3):
    py = median_times(lambda: filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0))
    rounds.append((py, cpp_times()))
py_wall = statistics.median(r[0][0] for r in rounds)
py_cpu = statistics.median(r[0][1] for r in rounds)
cpp_wall = statistics.median(r[1][0] for r in rounds)
cpp_cpu = statistics.median(r[1][1] for r in rounds)
print(f"heat_capacity, 10^6 points: Python {py_wall * 1e3:.1f} ms wall / "
      f"{py_cpu * 1e3:.1f} ms CPU, C++ {cpp_wall * 1e3:.1f} ms wall / "
      f"{cpp_cpu * 1e3:.1f} ms CPU, ratio "
      f"{py_wall / cpp_wall:.3f} wall / {py_cpu / cpp_cpu:.3f} CPU (goal <= 1.5)")

# 2. Device runs (film phonons): Device.run's wall time against the solve time the CLI
# reports, each the median over its repetitions (the Python runs in one process, the
# CLI a fresh process each time, as a user runs it).
filmtherm_exe = os.path.join(build, "bin", "filmtherm")
for device_file, count in (("examples/devices/nbtin-6nm.yaml", 51),
                           ("examples/devices/nbtin-wire.yaml", 5)):
    path = os.path.join(source, device_file)
    device = filmtherm.Device.load(path)
    python_runs, solve_runs, cli_runs = [], [], []
    for _ in range(count):
        start = time.perf_counter()
        result = device.run(phonon_models=["film"])
        python_runs.append(time.perf_counter() - start)
        solve_runs.append(result.runs[0].solve_wall_time)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(count):
            subprocess.run([filmtherm_exe, "run", path, "--output", folder, "--no-plot",
                            "--compare-phonons", "film"], check=True, capture_output=True)
            with open(os.path.join(folder, "summary.json")) as stream:
                cli_runs.append(json.load(stream)["runs"][0]["solve_wall_time_s"])
    py = statistics.median(python_runs)
    cli = statistics.median(cli_runs)
    inner = statistics.median(solve_runs)
    print(f"{os.path.basename(device_file)}: Device.run {py * 1e3:.3f} ms (its own solve "
          f"{inner * 1e3:.3f} ms), CLI solve {cli * 1e3:.3f} ms, ratio {py / cli:.3f} "
          f"(goal <= 1.10)")
