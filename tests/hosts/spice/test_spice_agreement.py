"""filmtherm-spice against `filmtherm run` on the Yang 2007 NbN device.

The same device, cell count and switch in both; the readout written once as
filmtherm's own circuit (the device file) and once as a netlist ngspice
solves. Both traces are reduced to the same figures (spice_figures.py); the
tolerance is the 2 % the co-simulation promises (docs/spice.md), latching
must agree exactly. One recovering case (R_L = 50 Ohm) and one latching case
(R_L = 5 kOhm).
"""
import os
import pathlib
import re
import subprocess

import pytest

from spice_figures import figures, read_csv

SOURCE = pathlib.Path(os.environ["FILMTHERM_SOURCE_DIR"])
FILMTHERM = os.environ["FILMTHERM_EXECUTABLE"]
SPICE = os.environ["FILMTHERM_SPICE_EXECUTABLE"]
CELLS = "200"
TOLERANCE = 0.02


def device_yaml(tmp_path, load, end_time):
    """yang2007-nbn.yaml with another load and end time, and dense output."""
    text = (SOURCE / "examples/devices/yang2007-nbn.yaml").read_text()
    materials = (SOURCE / "examples/materials/nbn.yaml").as_posix()
    text = text.replace("[../materials/nbn.yaml]", f"[{materials}]")
    text = re.sub(r"load_resistance: .*", f"load_resistance: {load}", text)
    text = re.sub(r"end_time: .*", f"end_time: {end_time}", text)
    text = re.sub(r"output_times: .*",
                  "output_times: {spacing: log, count: 4000, first: 0.1 ps}", text)
    path = tmp_path / "device.yaml"
    path.write_text(text)
    return path


def filmtherm_figures(device, out):
    subprocess.run([FILMTHERM, "run", str(device), "-o", str(out), "--cells", CELLS,
                    "--no-plot"], check=True, capture_output=True)
    t = read_csv(out / "trace.csv")
    return figures(t["t_s"], t["I_A"], t["R_hs_Ohm"], t["V_out_V"], t["I_A"][0])


def spice_figures(netlist, device, out, *extra):
    subprocess.run([SPICE, str(netlist), "--device", str(device), "-o", str(out),
                    "--cells", CELLS, "--no-plot", *extra], check=True,
                   capture_output=True)
    t = read_csv(out / "traces.csv")
    return figures(t["t_s"], t["I_Rhs_A"], t["R_hs_Rhs_Ohm"], t["V(out)"],
                   t["I_Rhs_A"][0])


def assert_agree(reference, cosimulated):
    assert cosimulated["latched"] == reference["latched"]
    for name, value in reference.items():
        if name == "latched":
            continue
        if value is None:
            assert cosimulated[name] is None, name
            continue
        assert cosimulated[name] == pytest.approx(value, rel=TOLERANCE), name


@pytest.mark.parametrize("netlist, load, end_time, latched", [
    ("yang2007-readout.cir", "50 Ohm", "100 ns", False),
    ("yang2007-latching.cir", "5 kOhm", "20 ns", True),
])
def test_agrees_with_filmtherm_run(tmp_path, netlist, load, end_time, latched):
    device = device_yaml(tmp_path, load, end_time)
    reference = filmtherm_figures(device, tmp_path / "run")
    assert reference["latched"] == latched
    cosimulated = spice_figures(SOURCE / "examples/spice" / netlist, device,
                                tmp_path / "spice")
    print(reference, cosimulated)
    assert_agree(reference, cosimulated)
