"""The lumped hotspot against the 1D wire in the same co-simulated readout.

examples/spice/yang2007-readout.cir (the Yang 2007 device, R_L = 50 Ohm,
L_k = 808 nH) through filmtherm-spice with --wire-model 1d (200 cells) and
--wire-model lumped: the detection figures of both (tests/hosts/spice/
spice_figures.py), then, for each model, the load at which the wire latches,
and the same for the 1D wire with the escape law the lumped h is the secant
of (the device with `wire: {escape: model-power}`; its own default is Yang's
linearised law),
bisected on a log scale between 50 Ohm and 20 kOhm to 2 % (a run latches when
R_hs > 0 at 20 ns). docs/spice.md, "The lumped hotspot", quotes the output.

    /usr/bin/python3 bench/spice/lumped_vs_wire.py BUILD_DIR
"""
import json
import math
import pathlib
import re
import subprocess
import sys
import tempfile

SOURCE = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SOURCE / "tests/hosts/spice"))
from spice_figures import figures, read_csv  # noqa: E402

DEVICE = SOURCE / "examples/devices/yang2007-nbn.yaml"
NETLIST = SOURCE / "examples/spice/yang2007-readout.cir"


def model_power_device(folder):
    """The device with the escape model's own power in the wire."""
    text = DEVICE.read_text().replace("[../materials/nbn.yaml]",
                                      f"[{(SOURCE / 'examples/materials/nbn.yaml').as_posix()}]")
    path = folder / "yang2007-model-power.yaml"
    path.write_text(text + "\nwire:\n  escape: model-power\n")
    return path


def cosimulate(spice, folder, model, load, end, device=DEVICE):
    text = NETLIST.read_text()
    text = re.sub(r"^RL out 0 .*$", f"RL out 0 {load:.6g}", text, flags=re.M)
    text = re.sub(r"^\.tran .*$", f".tran {end / 2000:.4g} {end:.4g}", text, flags=re.M)
    netlist = folder / "readout.cir"
    netlist.write_text(text)
    out = folder / "out"
    subprocess.run([spice, str(netlist), "--device", str(device), "-o", str(out), "--cells",
                    "200", "--wire-model", model, "--no-plot"], check=True,
                   capture_output=True)
    trace = read_csv(out / "traces.csv")
    summary = json.loads((out / "summary.json").read_text())
    return figures(trace["t_s"], trace["I_Rhs_A"], trace["R_hs_Rhs_Ohm"], trace["V(out)"],
                   trace["I_Rhs_A"][0]), summary


def latching_load(spice, folder, model, device):
    low, high = 50.0, 20e3  # recovers, latches
    assert not cosimulate(spice, folder, model, low, 20e-9, device)[0]["latched"]
    assert cosimulate(spice, folder, model, high, 20e-9, device)[0]["latched"]
    while high / low > 1.02:
        middle = math.sqrt(low * high)
        if cosimulate(spice, folder, model, middle, 20e-9, device)[0]["latched"]:
            high = middle
        else:
            low = middle
    return low, high


def main():
    spice = str(pathlib.Path(sys.argv[1]) / "bin/filmtherm-spice")
    with tempfile.TemporaryDirectory() as temporary:
        folder = pathlib.Path(temporary)
        cases = [("1d", "1d", DEVICE), ("1d, model-power escape", "1d",
                                        model_power_device(folder)),
                 ("lumped", "lumped", DEVICE)]
        for name, model, device in cases:
            f, summary = cosimulate(spice, folder, model, 50.0, 100e-9, device)
            wire = summary["wires"]["Rhs"]
            low, high = latching_load(spice, folder, model, device)
            print(f"{name}: peak V_out {f['peak_output_voltage'] * 1e3:.4f} mV at "
                  f"{f['peak_output_time'] * 1e12:.1f} ps, largest R_hs "
                  f"{wire['max_hotspot_resistance_Ohm']:.0f} Ohm, hotspot gone at "
                  f"{f['hotspot_lifetime'] * 1e12:.1f} ps, I back to 0.9 I_b at "
                  f"{f['recovery_90_time'] * 1e9:.2f} ns, current minimum "
                  f"{wire['minimum_current_A'] * 1e6:.3f} uA; recovers at {low:.0f} Ohm, "
                  f"latches at {high:.0f} Ohm")
            if model == "lumped":
                print("  constants:", json.dumps(wire["lumped_hotspot"]))


if __name__ == "__main__":
    main()
