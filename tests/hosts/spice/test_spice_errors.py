"""filmtherm-spice's exit codes and messages on bad input (docs/spice.md).

2: the command line, the netlist or a device is wrong (a message naming the
file and line); 3: ngspice fails (its own message is passed on).
"""
import os
import pathlib
import subprocess

SOURCE = pathlib.Path(os.environ["FILMTHERM_SOURCE_DIR"])
SPICE = os.environ["FILMTHERM_SPICE_EXECUTABLE"]
DEVICE = SOURCE / "examples/devices/yang2007-nbn.yaml"

READOUT = """readout
*filmtherm: wire Rhs
Ib 0 a dc 16.5u
Lk a w 808n
Rhs w 0 1
Cbt a out 100n
RL out 0 50
.tran 100p 2n
.end
"""


def run(tmp_path, netlist_text, *extra, device=DEVICE):
    netlist = tmp_path / "test.cir"
    netlist.write_text(netlist_text)
    args = [SPICE, str(netlist), "-o", str(tmp_path / "out"), "--cells", "50",
            "--no-plot", *extra]
    if device is not None:
        args += ["--device", str(device)]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def test_a_good_netlist_runs(tmp_path):
    result = run(tmp_path, READOUT)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/traces.csv").exists()
    assert (tmp_path / "out/summary.json").exists()


def test_unmarked_nanowire(tmp_path):
    result = run(tmp_path, READOUT.replace("*filmtherm: wire Rhs\n", ""))
    assert result.returncode == 2
    assert "no nanowire is marked" in result.stderr
    assert not (tmp_path / "out").exists()


def test_marker_naming_no_element(tmp_path):
    result = run(tmp_path, READOUT.replace("wire Rhs", "wire Rnw"))
    assert result.returncode == 2
    assert "'Rnw'" in result.stderr and "no such resistor" in result.stderr


def test_marker_naming_no_resistor(tmp_path):
    result = run(tmp_path, READOUT.replace("wire Rhs", "wire Lk"))
    assert result.returncode == 2
    assert "test.cir:2:" in result.stderr and "not a resistor" in result.stderr


def test_missing_tran(tmp_path):
    result = run(tmp_path, READOUT.replace(".tran 100p 2n\n", ""))
    assert result.returncode == 2
    assert ".tran" in result.stderr


def test_missing_device(tmp_path):
    result = run(tmp_path, READOUT, device=None)
    assert result.returncode == 2
    assert "--device" in result.stderr


def test_bad_option(tmp_path):
    result = run(tmp_path, READOUT, "--cells", "two")
    assert result.returncode == 2
    assert "--cells" in result.stderr


def test_ngspice_refuses_the_netlist(tmp_path):
    # A dangling node: ngspice's own complaint must come through, exit 3.
    bad = READOUT.replace("RL out 0 50\n", "RL out 0 50\nQ1 x y z nomodel\n")
    result = run(tmp_path, bad)
    assert result.returncode == 3, result.stderr
    assert "ngspice" in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_wire_model(tmp_path):
    result = run(tmp_path, READOUT, "--wire-model", "0d")
    assert result.returncode == 2
    assert "--wire-model" in result.stderr and "'0d'" in result.stderr
    assert "1d" in result.stderr and "lumped" in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_model_in_the_marker(tmp_path):
    result = run(tmp_path, READOUT.replace("wire Rhs", "wire Rhs model=spice"))
    assert result.returncode == 2
    assert "test.cir:2:" in result.stderr and "model=spice" in result.stderr
    assert not (tmp_path / "out").exists()
