"""The latching boundary of the Yang 2007 wire from the netlist side.

Runs `filmtherm sweep examples/studies/wire-reset-latching.yaml` (filmtherm's
own circuit: 8 loads x 3 kinetic inductances, 500 cells) and the same 24
points as netlists (yang2007-readout.cir with RL and Lk replaced) through
filmtherm-spice with the same cells, and writes latching-boundary.csv and
latching-boundary.png: latched or not, and the current's recovery to
0.9 I_b, against R_L for each L_k, from both (docs/spice.md, example c).

    /usr/bin/python3 examples/spice/latching_boundary.py BUILD_DIR [OUTPUT_DIR]
"""
import csv
import json
import pathlib
import re
import subprocess
import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parents[1]
CELLS = "500"


def spice_point(spice, load_ohm, inductance_h, folder):
    """One co-simulation; returns (latched, recovery time or None)."""
    text = (HERE / "yang2007-readout.cir").read_text()
    text = re.sub(r"^RL out 0 .*$", f"RL out 0 {load_ohm:.6g}", text, flags=re.M)
    text = re.sub(r"^Lk a w .*$", f"Lk a w {inductance_h:.6g}", text, flags=re.M)
    netlist = folder / "point.cir"
    netlist.write_text(text)
    subprocess.run([str(spice), str(netlist), "--device",
                    str(SOURCE / "examples/devices/yang2007-nbn.yaml"), "-o",
                    str(folder / "point"), "--cells", CELLS, "--no-plot"],
                   check=True, capture_output=True)
    wire = json.loads((folder / "point/summary.json").read_text())["wires"]["Rhs"]
    return wire["latched"], wire["recovery_90_time_s"]


def main():
    build = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else SOURCE / "out/latching-boundary"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(build / "bin/filmtherm"), "sweep",
                    str(SOURCE / "examples/studies/wire-reset-latching.yaml"), "-o",
                    str(out / "sweep"), "--no-plot"], check=True, capture_output=True)
    with open(out / "sweep/results.csv") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    table = []
    for row in rows:
        load = float(row["circuit.load_resistance [Ohm]"])
        inductance = float(row["circuit.kinetic_inductance [nH]"]) * 1e-9
        latched, recovery = spice_point(build / "bin/filmtherm-spice", load, inductance, out)
        table.append({"load_Ohm": load, "L_k_H": inductance,
                      "latched_run": int(float(row["latched"])), "latched_spice": int(latched),
                      "spice_recovery_90_to_0.9Ib_s": recovery if recovery else ""})
        print(table[-1])
    with open(out / "latching-boundary.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    fig, ax = plt.subplots(figsize=(7, 4))
    for k, inductance in enumerate(sorted({r["L_k_H"] for r in table})):
        pts = [r for r in table if r["L_k_H"] == inductance]
        loads = np.array([r["load_Ohm"] for r in pts])
        ax.plot(loads, [r["latched_run"] + 0.03 * k for r in pts], "o-",
                label=f"filmtherm sweep, L_k = {inductance * 1e9:.0f} nH")
        ax.plot(loads, [r["latched_spice"] - 0.03 * (k + 1) for r in pts], "x--",
                label=f"filmtherm-spice, L_k = {inductance * 1e9:.0f} nH")
    ax.set_xscale("log")
    ax.set_xlabel("load resistance R_L (Ohm)")
    ax.set_ylabel("latched (1) or recovered (0)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "latching-boundary.png", dpi=120)
    disagree = [r for r in table if r["latched_run"] != r["latched_spice"]]
    print(f"{len(table)} points, {len(disagree)} disagree; wrote {out}")
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
