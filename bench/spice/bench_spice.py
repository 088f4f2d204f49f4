"""The cost of a co-simulated detection event against `filmtherm run`.

The Yang 2007 readout (R_L = 50 Ohm, 100 ns) run REPEAT times by each
program with the same cells: the median wall time and the median CPU time
(user + system of the child process) of each, and their ratio
(docs/performance.md, "filmtherm-spice against filmtherm run"); then the
same netlist with the lumped hotspot (--wire-model lumped) against the 1D
co-simulation (docs/spice.md, "The lumped hotspot").

    /usr/bin/python3 bench/spice/bench_spice.py BUILD_DIR [REPEAT]
"""
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE = pathlib.Path(__file__).resolve().parents[2]


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    build = pathlib.Path(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    device = SOURCE / "examples/devices/yang2007-nbn.yaml"
    netlist = SOURCE / "examples/spice/yang2007-readout.cir"
    spice_times = {}
    with tempfile.TemporaryDirectory() as out:
        for cells in ["200", "500"]:
            run = [str(build / "bin/filmtherm"), "run", str(device), "-o",
                   os.path.join(out, "run"), "--cells", cells, "--no-plot"]
            spice = [str(build / "bin/filmtherm-spice"), str(netlist), "--device",
                     str(device), "-o", os.path.join(out, "spice"), "--cells", cells,
                     "--no-plot"]
            runs = [timed(run) for _ in range(repeat)]
            spices = [timed(spice) for _ in range(repeat)]
            run_wall = statistics.median(r[0] for r in runs)
            run_cpu = statistics.median(r[1] for r in runs)
            spice_wall = statistics.median(r[0] for r in spices)
            spice_cpu = statistics.median(r[1] for r in spices)
            print(f"{cells} cells: filmtherm run {run_wall:.3f} s wall, {run_cpu:.3f} s CPU; "
                  f"filmtherm-spice {spice_wall:.3f} s wall, {spice_cpu:.3f} s CPU; "
                  f"ratio {spice_wall / run_wall:.2f} (wall), {spice_cpu / run_cpu:.2f} (CPU)")
            spice_times[cells] = (spice_wall, spice_cpu)
        lumped = [str(build / "bin/filmtherm-spice"), str(netlist), "--device", str(device),
                  "-o", os.path.join(out, "lumped"), "--wire-model", "lumped", "--no-plot"]
        lumpeds = [timed(lumped) for _ in range(repeat)]
        lumped_wall = statistics.median(r[0] for r in lumpeds)
        lumped_cpu = statistics.median(r[1] for r in lumpeds)
        print(f"lumped hotspot: filmtherm-spice {lumped_wall:.3f} s wall, {lumped_cpu:.3f} s CPU; "
              + "; ".join(f"1D with {cells} cells / lumped {wall / lumped_wall:.0f} (wall), "
                          f"{cpu / lumped_cpu:.0f} (CPU)"
                          for cells, (wall, cpu) in spice_times.items()))


if __name__ == "__main__":
    main()
