#!/usr/bin/python3
"""The lumped two-temperature model (docs/physics.md section 4) in SciPy, as a peer
for `filmtherm run`: the same equations, the same models and the same
tolerances, integrated with solve_ivp(method="BDF").

Reads the device YAML (and its imported material library) itself, evaluates
every material property straight from its formula (BCS electrons with the
self-consistent gap, the confined-film or Debye phonon heat capacity through
the Bose integrals I_n, P_ep from tau_eph at T0, acoustic-mismatch escape) by
SciPy quadrature, and writes a trace CSV at the output times of a filmtherm
trace, so the two can be compared row by row.

Run with Debian's Python (python3-scipy), not a pyenv one:
    /usr/bin/python3 bench/peer/lumped_scipy.py examples/devices/nbtin-6nm.yaml \
        --phonon-model film --times out/nbtin-6nm/trace-film.csv --output peer-film.csv
"""
import argparse
import math
import os
import re
import sys

import numpy as np
import yaml
from scipy import integrate, interpolate, optimize

K_B = 1.380649e-23
HBAR = 6.62607015e-34 / (2.0 * math.pi)
H = 6.62607015e-34
C_LIGHT = 299792458.0
BCS_A = math.pi / math.exp(np.euler_gamma)  # Delta(0) / (k_B T_c)

# The units the example files use, in SI.
UNITS = {
    "": 1.0, "m": 1.0, "nm": 1e-9, "um": 1e-6, "K": 1.0, "s": 1.0, "ns": 1e-9, "ps": 1e-12,
    "fs": 1e-15, "m/s": 1.0, "km/s": 1e3, "J/(m^3 K)": 1.0, "J/(m^3 K^2)": 1.0,
    "W/(m^2 K^4)": 1.0, "Ohm m": 1.0, "eV": 1.602176634e-19,
}


def si(value):
    """A YAML value ("6 nm", 3.45, or {value: ..., source: ...}) in SI."""
    if isinstance(value, dict):
        value = value["value"]
    if isinstance(value, (int, float)):
        return float(value)
    match = re.fullmatch(r"\s*([-+0-9.eE]+)\s*(.*?)\s*", str(value))
    return float(match.group(1)) * UNITS[match.group(2)]


# ---------------------------------------------------------------------------
# Material models, straight from their formulas

def bose_i(n, x):
    """I_n(x) = int_0^x t^n e^t / (e^t - 1)^2 dt."""
    if x == 0.0:
        return 0.0
    f = lambda t: t ** n * math.exp(-t) / (-math.expm1(-t)) ** 2
    return integrate.quad(f, 0.0, x, epsabs=0.0, epsrel=1e-12, limit=200)[0]


def bose_i_tail(n, x):
    """int_x^inf t^n e^t / (e^t - 1)^2 dt."""
    f = lambda t: t ** n * math.exp(-t) / (-math.expm1(-t)) ** 2
    return integrate.quad(f, x, math.inf, epsabs=0.0, epsrel=1e-12, limit=200)[0]


def phonon_heat_capacity(model, v, d, T):
    """Three equal branches, no Debye cutoff (the example's choice)."""
    prefactor = 3.0 * K_B / (2.0 * math.pi ** 2) * (K_B * T / (HBAR * v)) ** 3
    if model == "debye":
        return prefactor * 4.0 * math.pi ** 4 / 15.0
    x_x = 2.0 * math.pi * HBAR * v / (d * K_B * T)
    return prefactor * (bose_i(5, x_x) / x_x + bose_i_tail(4, x_x))


def solve_gap(t):
    """s = Delta(T)/Delta(0) from ln(1/s) = 2 int_0^inf de / (E (exp(a E / t) + 1)),
    E = sqrt(e^2 + s^2), energies in units of Delta(0)."""
    def f(e, s):
        energy = math.hypot(e, s)
        decay = math.exp(-BCS_A * energy / t)
        return decay / (energy * (1.0 + decay))

    def gap_equation(s):
        near = integrate.quad(f, 0.0, 1.0, args=(s,), epsabs=0.0, epsrel=1e-13, limit=200)[0]
        far = integrate.quad(f, 1.0, math.inf, args=(s,), epsabs=0.0, epsrel=1e-13, limit=200)[0]
        return math.log(s) + 2.0 * (near + far)

    return optimize.brentq(gap_equation, 1e-9, 1.0, xtol=1e-15, rtol=1e-14)


class BcsElectrons:
    """The gap is solved once on a grid in t and interpolated by a cubic spline of s^2
    (smooth in t, linear at T_c), as one would in any SciPy script; C_es is then the
    quadrature of docs/physics.md section 2 at every call."""

    def __init__(self, gamma, critical_temperature):
        self.gamma = gamma
        self.tc = critical_temperature
        nodes = np.linspace(0.05, 1.0, 191)
        s2 = [solve_gap(t) ** 2 if t < 1.0 else 0.0 for t in nodes]
        self.s2 = interpolate.CubicSpline(nodes, s2)
        self.ds2 = self.s2.derivative()

    def heat_capacity(self, T):
        t = T / self.tc
        if t >= 1.0:
            return self.gamma * T
        s2, ds2 = (float(self.s2(t)), float(self.ds2(t))) if t > 0.05 else (1.0, 0.0)

        def integrand(e):
            x = BCS_A * math.sqrt(e * e + s2) / t
            decay = math.exp(-x)
            return decay / (1.0 + decay) ** 2 * ((e * e + s2) / t - 0.5 * ds2)

        value = integrate.quad(integrand, 0.0, math.inf, epsabs=0.0, epsrel=1e-12)[0]
        return self.gamma * self.tc * 6.0 * BCS_A ** 3 / (math.pi ** 2 * t) * value

    def energy_between(self, T1, T2):
        return integrate.quad(self.heat_capacity, T1, T2, epsabs=0.0, epsrel=1e-11, limit=200)[0]


# ---------------------------------------------------------------------------

def load(device_path):
    with open(device_path) as f:
        device = yaml.safe_load(f)
    materials = {}
    for imported in device.get("imports", []):
        with open(os.path.join(os.path.dirname(device_path), imported)) as f:
            materials.update(yaml.safe_load(f)["materials"])
    return device, materials[device["film"]["material"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("device")
    parser.add_argument("--phonon-model", default=None)
    parser.add_argument("--times", help="a filmtherm trace CSV whose t_s column to output at")
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    device, material = load(args.device)
    d = si(device["film"]["thickness"])
    width = si(device["film"]["width"])
    bath = si(device["substrate"]["temperature"])
    escape = device["substrate"]["phonon_escape"]
    assert escape["model"] == "acoustic-mismatch"
    sigma_b = si(escape["boundary_coefficient"])
    photon = device["photon"]
    energy = H * C_LIGHT / si(photon["wavelength"]) * si(photon["absorbed_fraction"])
    volume = width * si(photon["hotspot_length"]) * d
    arrival = si(photon["arrival_time"])
    solver = device.get("solver", {})
    end_time = si(solver["end_time"])
    rtol = si(solver.get("relative_tolerance", 1e-6))
    atol = si(solver.get("absolute_tolerance", "1e-6 K"))

    phonons = material["phonon_heat_capacity"]
    phonon_model = args.phonon_model or phonons["model"]
    v = si(phonons["sound_velocity"])
    electrons = material["electron_heat_capacity"]
    assert electrons["model"] == "bcs"
    ce = BcsElectrons(si(electrons["sommerfeld_coefficient"]), si(material["critical_temperature"]))
    eph = material["electron_phonon_power"]
    assert eph["model"] == "eph-relaxation-time"
    m = si(eph["temperature_exponent"]) + 2.0
    t0 = si(eph["reference_temperature"])
    sigma = si(eph["electron_heat_capacity_at_reference"]) / (
        m * t0 ** (m - 1.0) * si(eph["relaxation_time"]))

    # The energy step: int_{T_b}^{T_e0} C_e dT = eta E / V.
    deposit = energy / volume
    t_e0 = optimize.brentq(lambda T: ce.energy_between(bath, T) - deposit, bath, 100.0 * bath,
                           xtol=1e-13, rtol=1e-14)

    def rhs(_, y):
        te, tph = bath + y[0], bath + y[1]
        p_ep = sigma * (te ** m - tph ** m)
        p_esc = sigma_b / d * (tph ** 4 - bath ** 4)
        return [-p_ep / ce.heat_capacity(te),
                (p_ep - p_esc) / phonon_heat_capacity(phonon_model, v, d, tph), p_esc]

    energy_atol = atol * (ce.heat_capacity(bath) + phonon_heat_capacity(phonon_model, v, d, bath))
    if args.times:
        rows = [line for line in open(args.times) if line[:1].isdigit()]
        times = np.array([float(line.split(",")[0]) for line in rows])
        times = times[times >= arrival]
    else:
        times = arrival + np.geomspace(1e-15, end_time - arrival, 400)
    solution = integrate.solve_ivp(rhs, (arrival, end_time), [t_e0 - bath, 0.0, 0.0],
                                   method="BDF", t_eval=times, rtol=rtol,
                                   atol=[atol, atol, energy_atol])
    if not solution.success:
        sys.exit(f"solve_ivp failed: {solution.message}")
    with open(args.output, "w") as out:
        out.write(f"# SciPy solve_ivp(BDF) peer of filmtherm run; phonon model {phonon_model}; "
                  f"nfev {solution.nfev}, njev {solution.njev}\n")
        out.write("t_s,T_e_K,T_ph_K,E_escaped_J\n")
        for k, t in enumerate(solution.t):
            out.write(f"{t:.12e},{bath + solution.y[0][k]:.15g},{bath + solution.y[1][k]:.15g},"
                      f"{solution.y[2][k] * volume:.12e}\n")


if __name__ == "__main__":
    main()
