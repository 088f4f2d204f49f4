"""filmtherm-spice with the lumped hotspot against an independent integration.

The lumped hotspot (docs/spice.md, "The lumped hotspot") in the plain readout
of examples/spice/yang2007-readout.cir is integrated here on its own: the
circuit equations of docs/physics.md section 5,

    L_k dI/dt = V_C + R_L (I_b - I) - R_hs I,   C_bt dV_C/dt = I_b - I,
    V_out = R_L (I_b - I),   R_hs = rho_n l / (w d),

with the domain's ends moving at the Skocpol-Beasley-Tinkham velocity
(Berggren et al., Supercond. Sci. Technol. 31, 055010 (2018)),

    dl/dt = 2 v0 (psi i^2 - 2) / sqrt(psi i^2 - 1),   i = I / I_sw,

the domain collapsing for good where psi i^2 <= 1 or l <= 0. The integration
is an adaptive Dormand-Prince 5(4) written below (numpy only), the collapse
located by bisecting the step. It takes v0, psi and I_sw from summary.json
after checking them against the device's own numbers: I_sw and psi from
I_c0, T_c, T_sub, rho_n, w, d and the boundary law's h, v0 from h, c and the
Wiedemann-Franz kappa averaged analytically; only the secant heat capacity c
is taken as reported (tests/api/test_c_api_lumped_hotspot.cpp checks it
against a quadrature of the heat capacities the C API evaluates). The
figures of both traces (spice_figures.py) must agree within 2 %, the
co-simulation's promise; the latched state also against its closed form
psi i^2 = 2.
"""
import json
import math
import os
import pathlib
import subprocess

import numpy as np
import pytest

from spice_figures import figures, read_csv

SOURCE = pathlib.Path(os.environ["FILMTHERM_SOURCE_DIR"])
SPICE = os.environ["FILMTHERM_SPICE_EXECUTABLE"]
DEVICE = SOURCE / "examples/devices/yang2007-nbn.yaml"
TOLERANCE = 0.02

# The Yang 2007 device (examples/devices/yang2007-nbn.yaml, NbN-yang2007).
RHO_N = 2.4e-6           # Ohm m
WIDTH = 100e-9           # m
THICKNESS = 4e-9         # m
LENGTH = 1.5e-6          # m
T_C = 10.5               # K
T_SUB = 2.0              # K
I_C0 = 20e-6             # A
BELT = 15e-9             # m, photon.hotspot_length
ALPHA_REF, T_REF, Q = 8e5, 10.0, 4.0   # boundary-conductance escape law
# The wiedemann-franz default Lorenz number pi^2 k_B^2 / (3 e^2), exact SI constants.
LORENZ = math.pi ** 2 / 3 * (1.380649e-23 / 1.602176634e-19) ** 2
# The readout of the netlists.
I_B, L_K, C_BT = 16.5e-6, 808e-9, 100e-9


def expected_constants(c):
    """I_sw, h, kappa, psi, v0 from the device's numbers (c as reported)."""
    i_sw = I_C0 * (1 - (T_SUB / T_C) ** 2) ** 2
    sigma_b = ALPHA_REF / (Q * T_REF ** (Q - 1))
    h = sigma_b * (T_C ** Q - T_SUB ** Q) / (T_C - T_SUB)
    # kappa_s = L0 T^2 / (rho_n T_c) below T_c, averaged over [T_sub, T_c].
    kappa = LORENZ * (T_C ** 3 - T_SUB ** 3) / (3 * RHO_N * T_C * (T_C - T_SUB))
    psi = RHO_N * i_sw ** 2 / (h * WIDTH ** 2 * THICKNESS * (T_C - T_SUB))
    v0 = math.sqrt(h * kappa / THICKNESS) / c
    return {"switching_current_A": i_sw, "heat_transfer_W_per_m2_K": h,
            "thermal_conductivity_W_per_m_K": kappa, "stekly_parameter": psi,
            "velocity_scale_m_per_s": v0,
            "minimum_current_A": i_sw / math.sqrt(psi),
            "propagation_current_A": i_sw * math.sqrt(2 / psi),
            "initial_length_m": BELT, "wire_length_m": LENGTH,
            "resistance_per_length_Ohm_per_m": RHO_N / (WIDTH * THICKNESS)}


# Dormand-Prince 5(4) tableau (J. R. Dormand, P. J. Prince, J. Comput. Appl.
# Math. 6, 19 (1980)).
A = [[], [1 / 5], [3 / 40, 9 / 40], [44 / 45, -56 / 15, 32 / 9],
     [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
     [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
     [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84]]
C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1]
B5 = np.array([35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0])
B4 = np.array([5179 / 57600, 0, 7571 / 16695, 393 / 640, -92097 / 339200,
               187 / 2100, 1 / 40])


class Readout:
    """The readout with the lumped domain; state (I, V_C, l)."""

    def __init__(self, k, load):
        self.load = load
        self.v0 = k["velocity_scale_m_per_s"]
        self.psi = k["stekly_parameter"]
        self.i_sw = k["switching_current_A"]
        self.per_length = RHO_N / (WIDTH * THICKNESS)
        self.alive = True

    def x(self, current):
        return self.psi * (current / self.i_sw) ** 2

    def rate(self, y):
        current, v_c, length = y
        r_hs = self.per_length * length if self.alive else 0.0
        d_current = (v_c + self.load * (I_B - current) - r_hs * current) / L_K
        d_length = 0.0
        if self.alive:
            x = self.x(current)
            if x <= 1:
                return None  # outside the domain's existence: the step is invalid
            d_length = 2 * self.v0 * (x - 2) / math.sqrt(x - 1)
        return np.array([d_current, (I_B - current) / C_BT, d_length])

    def step(self, y, h):
        """One DP5(4) step: (y5, error estimate), or None if a stage left the domain."""
        k = []
        for s in range(7):
            ys = y + h * sum(a * kk for a, kk in zip(A[s], k)) if s else y
            r = self.rate(ys)
            if r is None:
                return None
            k.append(r)
        k = np.array(k)
        y5 = y + h * B5 @ k
        y4 = y + h * B4 @ k
        if self.alive and (self.x(y5[0]) <= 1 or y5[2] <= 0):
            return None
        return y5, y5 - y4


def integrate(k, load, end, rtol=1e-9):
    """Samples (t, I, R_hs, V_out) of the readout from the photon to `end`,
    and the time the domain collapsed (None if it did not)."""
    model = Readout(k, load)
    y = np.array([I_B, 0.0, k["initial_length_m"]])
    scale = np.array([I_B, 1e-3, 1e-9])  # absolute floors per component
    t, h = 0.0, 1e-15
    collapse = None
    out = [(t, y[0], model.per_length * y[2], 0.0)]
    while t < end:
        h = min(h, end - t)
        attempt = model.step(y, h)
        if attempt is None:
            # The domain's end lies within h: bisect to the last valid step,
            # take it, and let the domain collapse there.
            low, high = 0.0, h
            for _ in range(60):
                mid = 0.5 * (low + high)
                (low, high) = (mid, high) if model.step(y, mid) is not None else (low, mid)
            if low > 0:
                y = model.step(y, low)[0]
                t += low
            assert y[2] <= LENGTH
            out.append((t, y[0], model.per_length * y[2], load * (I_B - y[0])))
            model.alive = False
            collapse = t
            y[2] = 0.0
            h = max(h, 1e-15)
            continue
        y_new, error = attempt
        norm = np.max(np.abs(error) / (rtol * (np.abs(y_new) + scale)))
        if norm <= 1:
            t += h
            y = y_new
            assert y[2] <= LENGTH  # the cases below never reach the ceiling
            r_hs = model.per_length * y[2] if model.alive else 0.0
            out.append((t, y[0], r_hs, load * (I_B - y[0])))
        h *= min(5.0, max(0.2, 0.9 * norm ** -0.2)) if norm > 0 else 5.0
    return np.array(out).T, collapse


def cosimulate(tmp_path, netlist, *extra):
    out = tmp_path / "spice"
    subprocess.run([SPICE, str(netlist), "--device", str(DEVICE), "-o", str(out),
                    "--no-plot", *extra], check=True, capture_output=True, timeout=120)
    return read_csv(out / "traces.csv"), json.loads((out / "summary.json").read_text())


def spice_figures(trace):
    return figures(trace["t_s"], trace["I_Rhs_A"], trace["R_hs_Rhs_Ohm"], trace["V(out)"],
                   trace["I_Rhs_A"][0])


def checked_constants(summary):
    wire = summary["wires"]["Rhs"]
    assert wire["model"] == "lumped"
    reported = wire["lumped_hotspot"]
    expected = expected_constants(reported["heat_capacity_J_per_m3_K"])
    for name, value in expected.items():
        # Closed forms against the code's quadrature and evaluation: 1e-9.
        assert reported[name] == pytest.approx(value, rel=1e-9), name
    return reported


@pytest.mark.parametrize("netlist, load, end, latched", [
    ("yang2007-readout.cir", 50.0, 100e-9, False),
    ("yang2007-latching.cir", 5000.0, 20e-9, True),
])
def test_agrees_with_an_independent_integration(tmp_path, netlist, load, end, latched):
    trace, summary = cosimulate(tmp_path, SOURCE / "examples/spice" / netlist,
                                "--wire-model", "lumped")
    k = checked_constants(summary)
    (t, current, r_hs, v_out), collapse = integrate(k, load, end)
    reference = figures(t, current, r_hs, v_out, I_B)
    if collapse is not None:
        # The first sample after the last resistive one is a step late here:
        # the reference knows the collapse itself.
        reference["hotspot_lifetime"] = collapse
    cosimulated = spice_figures(trace)
    print(reference, cosimulated)
    assert reference["latched"] == latched
    assert cosimulated["latched"] == latched
    assert cosimulated["peak_output_voltage"] == pytest.approx(
        reference["peak_output_voltage"], rel=TOLERANCE)
    if latched:
        # The latched domain stands where v = 0: psi i^2 = 2, so I = I_mp and
        # R_hs = (R_L I_b + V_C)/I_mp - R_L (V_C ~ 0: C_bt R_L = 0.5 ms).
        stationary = load * (I_B / k["propagation_current_A"] - 1)
        assert r_hs[-1] == pytest.approx(stationary, rel=1e-3)
        assert trace["R_hs_Rhs_Ohm"][-1] == pytest.approx(stationary, rel=1e-3)
        # The flat top makes the peak's time ill-posed (docs/spice.md); the
        # domain's growth up to 90 % of its final length is not.
        def growth(time, resistance):
            return time[np.argmax(resistance >= 0.9 * stationary)]
        assert growth(trace["t_s"], trace["R_hs_Rhs_Ohm"]) == pytest.approx(
            growth(t, r_hs), rel=TOLERANCE)
    else:
        for name in ("peak_output_time", "hotspot_lifetime", "recovery_90_time"):
            assert cosimulated[name] == pytest.approx(reference[name], rel=TOLERANCE), name
        # The collapse comes where psi i^2 reaches 1: the current's minimum is I_ss.
        assert current.min() == pytest.approx(k["minimum_current_A"], rel=1e-6)
        assert trace["I_Rhs_A"].min() == pytest.approx(k["minimum_current_A"], rel=1e-3)


def test_marker_chooses_the_model_per_wire(tmp_path):
    netlist = tmp_path / "marked.cir"
    text = (SOURCE / "examples/spice/yang2007-readout.cir").read_text()
    netlist.write_text(text.replace("*filmtherm: wire Rhs", "*filmtherm: wire Rhs model=lumped"))
    trace, summary = cosimulate(tmp_path, netlist, "--cells", "50")
    checked_constants(summary)
    assert "T_max_Rhs_K" not in trace and "hotspot_length_Rhs_m" in trace
    assert summary["wires"]["Rhs"]["peak_temperature_K"] is None
    assert summary["coupling"]["cells"] is None
    # model=1d overrides --wire-model lumped.
    netlist.write_text(text.replace("*filmtherm: wire Rhs", "*filmtherm: wire Rhs model=1d"))
    trace, summary = cosimulate(tmp_path, netlist, "--cells", "50", "--wire-model", "lumped")
    assert summary["wires"]["Rhs"]["model"] == "1d"
    assert "T_max_Rhs_K" in trace and summary["coupling"]["cells"] == 50
