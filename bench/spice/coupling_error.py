"""The coupling error of filmtherm-spice, by halving the coupling step.

Runs the Yang 2007 readout (recovering, R_L = 50 Ohm) and its latching
variant (R_L = 5 kOhm) with the step cap's allowed change of R_hs per step
(--relative-change) at 0.04, 0.02, 0.01 and 0.005, for both coupling schemes,
and prints each detection figure's relative change from the finest run
(docs/spice.md, "The coupling and its error").

    /usr/bin/python3 bench/spice/coupling_error.py BUILD_DIR
"""
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tests/hosts/spice"))
from spice_figures import figures, read_csv  # noqa: E402

SOURCE = pathlib.Path(__file__).resolve().parents[2]
CHANGES = [0.04, 0.02, 0.01, 0.005]
FIGURES = ["peak_output_voltage", "peak_output_time", "hotspot_lifetime", "recovery_90_time"]


def device(folder, load, end_time):
    text = (SOURCE / "examples/devices/yang2007-nbn.yaml").read_text()
    text = text.replace("[../materials/nbn.yaml]",
                        f"[{(SOURCE / 'examples/materials/nbn.yaml').as_posix()}]")
    text = re.sub(r"load_resistance: .*", f"load_resistance: {load}", text)
    text = re.sub(r"end_time: .*", f"end_time: {end_time}", text)
    path = pathlib.Path(folder) / f"device-{load.replace(' ', '')}.yaml"
    path.write_text(text)
    return path


def run(spice, netlist, dev, out, coupling, change):
    subprocess.run([spice, str(netlist), "--device", str(dev), "-o", str(out), "--cells",
                    "200", "--no-plot", "--coupling", coupling, "--relative-change",
                    str(change)], check=True, capture_output=True)
    t = read_csv(pathlib.Path(out) / "traces.csv")
    f = figures(t["t_s"], t["I_Rhs_A"], t["R_hs_Rhs_Ohm"], t["V(out)"], t["I_Rhs_A"][0])
    f["points"] = len(t["t_s"])
    return f


def main():
    spice = pathlib.Path(sys.argv[1]) / "bin/filmtherm-spice"
    with tempfile.TemporaryDirectory() as folder:
        cases = [("yang2007-readout.cir", "50 Ohm", "100 ns"),
                 ("yang2007-latching.cir", "5 kOhm", "20 ns")]
        for netlist, load, end_time in cases:
            dev = device(folder, load, end_time)
            for coupling in ["hold", "extrapolate"]:
                runs = {c: run(spice, SOURCE / "examples/spice" / netlist, dev,
                               pathlib.Path(folder) / f"o{c}", coupling, c) for c in CHANGES}
                finest = runs[CHANGES[-1]]
                print(f"\n{netlist} (R_L = {load}), coupling {coupling}")
                print("relative_change  points  " + "  ".join(f"{n:>20}" for n in FIGURES))
                for c in CHANGES:
                    cells = []
                    for n in FIGURES:
                        if finest[n] is None:
                            cells.append(f"{'(latched)':>20}")
                        else:
                            cells.append(f"{(runs[c][n] - finest[n]) / finest[n]:>+20.2e}")
                    print(f"{c:>15}  {runs[c]['points']:>6}  " + "  ".join(cells))
                print("finest: " + ", ".join(f"{n} = {finest[n]}" for n in FIGURES))


if __name__ == "__main__":
    main()
