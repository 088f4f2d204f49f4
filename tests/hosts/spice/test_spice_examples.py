"""The examples of docs/spice.md run, and show what they are meant to show.

(a) amplifier-chain.cir: the pulse reaches the oscilloscope one line delay
    (2 ns) after the detector's, amplified 100 times and shaped by the
    amplifier's 1 GHz pole (a single pole: the 10-90 % rise is 0.35/f = 0.35 ns
    and the peak no higher than 100 x the detector's).
(b) two-wires.cir: the photon's hotspot in wire 1 pushes wire 2 past its
    critical current, and wire 2 switches although no photon reached it.
(c) latching_boundary.py: the latching boundary against R_L and L_k from the
    netlist side agrees point by point with `filmtherm sweep` on filmtherm's
    own circuit, and has the shape of Kerman et al., APL 95, 243501 (2009).
"""
import csv
import json
import os
import pathlib
import subprocess
import sys

import numpy as np
from spice_figures import read_csv

SOURCE = pathlib.Path(os.environ["FILMTHERM_SOURCE_DIR"])
SPICE = os.environ["FILMTHERM_SPICE_EXECUTABLE"]
EXAMPLES = SOURCE / "examples/spice"
DEVICE = SOURCE / "examples/devices/yang2007-nbn.yaml"


def cosimulate(netlist, out):
    subprocess.run([SPICE, str(EXAMPLES / netlist), "--device", str(DEVICE), "-o",
                    str(out), "--cells", "100", "--no-plot"], check=True,
                   capture_output=True, timeout=240)
    return read_csv(out / "traces.csv"), json.loads((out / "summary.json").read_text())


def test_amplifier_chain(tmp_path):
    trace, summary = cosimulate("amplifier-chain.cir", tmp_path)
    detector = summary["vectors"]["V(a)"]
    scope = summary["vectors"]["V(out)"]
    # One line delay (2 ns) plus the pole's few hundred ps behind the detector.
    delay = scope["max_time_s"] - detector["max_time_s"]
    assert 2.0e-9 < delay < 3.0e-9
    assert 0.5 * 100 * detector["max"] < scope["max"] < 100 * detector["max"]
    # The AC coupling: the output undershoots below zero after the pulse.
    assert scope["min"] < -0.01 * scope["max"]
    assert not summary["wires"]["Rhs"]["latched"]


def test_two_wires_avalanche(tmp_path):
    trace, summary = cosimulate("two-wires.cir", tmp_path)
    first, second = summary["wires"]["Rhs1"], summary["wires"]["Rhs2"]
    assert first["max_hotspot_resistance_Ohm"] > 0
    # The second wire had no photon, yet it switches, and after the first.
    assert second["max_hotspot_resistance_Ohm"] > 1000
    onset = trace["t_s"][np.argmax(trace["R_hs_Rhs2_Ohm"] > 0)]
    assert onset > trace["t_s"][np.argmax(trace["R_hs_Rhs1_Ohm"] > 0)]
    # Its current rose well above its bias of 16.5 uA (wire 1's diverted
    # share) to the switching current at the substrate temperature, which lies
    # below I_c0 = 20 uA: I_c(2 K) = I_c0 (1 - (T/T_c)^2)^2 is 7 % lower,
    # and the smoothed switch starts w/2 = 0.25 K below T*.
    assert 17.5e-6 < trace["I_Rhs2_A"].max() < 20e-6
    assert not first["latched"] and not second["latched"]


def test_latching_boundary_agrees_with_the_sweep(tmp_path):
    build = pathlib.Path(os.environ["FILMTHERM_EXECUTABLE"]).parents[1]
    result = subprocess.run([sys.executable, str(EXAMPLES / "latching_boundary.py"),
                             str(build), str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(tmp_path / "latching-boundary.csv") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 24
    assert all(r["latched_run"] == r["latched_spice"] for r in rows)
    assert (tmp_path / "latching-boundary.png").stat().st_size > 0
    by_inductance = {}
    for r in rows:
        by_inductance.setdefault(float(r["L_k_H"]), []).append(
            (float(r["load_Ohm"]), int(r["latched_run"])))
    first_latching = {}
    for inductance, points in by_inductance.items():
        verdicts = [latched for _, latched in sorted(points)]
        # Recovers at 50 Ohm, latches at 6.4 kOhm, one boundary in between.
        assert verdicts[0] == 0 and verdicts[-1] == 1
        assert verdicts == sorted(verdicts)
        first_latching[inductance] = min(load for load, latched in points if latched)
    # A smaller L_k returns the current sooner: it latches at no larger a load.
    inductances = sorted(first_latching)
    assert all(first_latching[a] <= first_latching[b]
               for a, b in zip(inductances, inductances[1:]))
