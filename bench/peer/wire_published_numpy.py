#!/usr/bin/python3
"""The published 1D electrothermal wire scheme in NumPy, as a peer for
`filmtherm run --scheme published`.

An independent re-implementation, written from docs/physics.md (sections 2, 3,
5 and 6) and the conventions of the Yang et al. (2007) family of codes (J. K.
W. Yang et al., IEEE Trans. Appl. Supercond. 17, 581 (2007); A. J. Kerman et
al., Appl. Phys. Lett. 95, 012603 (2009)), integrated as those codes are: with
fixed time steps of Crank-Nicolson, the properties and the resistive state of
every point taken at the start of each step.

* One temperature per cell on filmtherm's grid (N equal cells, the ends held at
  T_sub half a cell beyond the end cells), heat flow kappa(T_i) times the
  discrete second difference at the cell (node-local kappa, not a flux form).
* A cell is resistive where T >= T*(I) = T_c sqrt(1 - sqrt(|I|/I_c0)), i.e.
  T >= T_c or |I| >= I_c(T) with I_c(T) = I_c0 (1 - (T/T_c)^2)^2.
* Resistive cells: C_e = gamma T and kappa_n = L0 T/rho_n; the others Yang's
  C_es = 2.43 gamma T_c exp(-2.15 T_c (1 - (T/T_c)^2)/T) and kappa_s = kappa_n
  T/T_c; gamma from the quoted c_e(T_ref) read as gamma T_ref (the published
  reading), or the material's sommerfeld_coefficient.
* C_ph = (2/5) pi^2 k_B (k_B T/(hbar v))^3 (the debye-low-T law of the set);
  escape (alpha(T_ref)(T/T_ref)^(q-1)/d)(T - T_sub), Yang's linearised law.
* The readout L_k dI/dt = V_C + R_L (I_b - I) - R_hs I, C_bt dV_C/dt = I_b - I,
  by Crank-Nicolson with R_hs of the step's start, after the heat step.

The time step is dt_fine while the hotspot lives and for a margin after it has
gone, dt_coarse afterwards (the circuit alone, the wire at the bath). Writes the
trace (t, I, V_out, R_hs, hottest T, T*(I)) as CSV and a few figures as JSON.
Does not import filmtherm.

    /usr/bin/python3 bench/peer/wire_published_numpy.py examples/devices/yang2007-nbn.yaml \\
        --cells 200 --end-time 60e-9 --trace peer.csv
"""
import argparse
import json
import math
import os
import re
import time

import numpy as np
import yaml
from scipy.linalg import solve_banded

K_B = 1.380649e-23
HBAR = 6.62607015e-34 / (2.0 * math.pi)
E_CHARGE = 1.602176634e-19
LORENZ = math.pi ** 2 * K_B ** 2 / (3.0 * E_CHARGE ** 2)

UNITS = {"": 1.0, "m": 1.0, "nm": 1e-9, "um": 1e-6, "K": 1.0, "s": 1.0, "ns": 1e-9, "ps": 1e-12,
         "m/s": 1.0, "J/(m^3 K)": 1.0, "J/(m^3 K^2)": 1.0, "W/(m^2 K)": 1.0, "Ohm m": 1.0,
         "Ohm": 1.0, "kOhm": 1e3, "uA": 1e-6, "nH": 1e-9, "nF": 1e-9}


def si(value):
    """SI value of a YAML quantity ("16.5 uA", or a {value: ...} mapping)."""
    if isinstance(value, dict):
        value = value["value"]
    if isinstance(value, (int, float)):
        return float(value)
    match = re.fullmatch(r"\s*([-+0-9.eE]+)\s*(.*?)\s*", str(value))
    return float(match.group(1)) * UNITS[match.group(2)]


def load(device_path):
    """The device mapping and its film's material from the imported libraries."""
    with open(device_path) as f:
        device = yaml.safe_load(f)
    materials = {}
    for imported in device.get("imports", []):
        path = os.path.join(os.path.dirname(os.path.abspath(device_path)), imported)
        with open(path) as f:
            materials.update(yaml.safe_load(f)["materials"])
    return device, materials[device["film"]["material"]]


class PublishedWire:
    """The wire, its material laws and readout, in SI."""

    def __init__(self, device, material, cells, load_resistance=None):
        film, circuit = device["film"], device["circuit"]
        escape = device["substrate"]["phonon_escape"]
        self.n = cells
        self.length, self.width, self.d = (si(film["length"]), si(film["width"]),
                                           si(film["thickness"]))
        self.dx = self.length / cells
        self.area = self.width * self.d
        self.t_sub = si(device["substrate"]["temperature"])
        self.tc = si(material["critical_temperature"])
        self.rho = si(material["normal_resistivity"])
        electrons = material["electron_heat_capacity"]
        if "heat_capacity_at_reference" in electrons:
            # The published reading: c_e(T_ref) = gamma T_ref, also below T_c.
            self.gamma = (si(electrons["heat_capacity_at_reference"])
                          / si(electrons["reference_temperature"]))
        else:
            self.gamma = si(electrons["sommerfeld_coefficient"])
        self.v = si(material["phonon_heat_capacity"]["sound_velocity"])
        self.alpha_ref = si(escape["conductance_at_reference"])
        self.t_ref = si(escape["reference_temperature"])
        self.q = si(escape.get("power_exponent", 4))
        self.ib, self.ic0 = si(circuit["bias_current"]), si(circuit["critical_current"])
        self.rl = si(circuit["load_resistance"]) if load_resistance is None else load_resistance
        self.lk = si(circuit["kinetic_inductance"])
        self.cbt = si(circuit["bias_tee_capacitance"])
        self.r_cell = self.rho * self.dx / self.area
        # Distances to the left and right neighbours; the ends at half a cell.
        self.h_left = np.full(cells, self.dx)
        self.h_right = np.full(cells, self.dx)
        self.h_left[0] = self.h_right[-1] = 0.5 * self.dx
        self.photon = device["photon"]

    def switching_K(self, current):
        x = abs(current) / self.ic0
        return 0.0 if x >= 1.0 else self.tc * math.sqrt(1.0 - math.sqrt(x))

    def properties(self, T, resistive):
        """c [J m^-3 K^-1], kappa [W m^-1 K^-1], escape conductance g [W m^-3 K^-1]."""
        t = np.minimum(T / self.tc, 1.0)
        c_es = 2.43 * self.gamma * self.tc * np.exp(-2.15 * self.tc * (1.0 - t * t) / T)
        c_e = np.where(resistive | (T >= self.tc), self.gamma * T, c_es)
        c_ph = 0.4 * math.pi ** 2 * K_B * (K_B * T / (HBAR * self.v)) ** 3
        kappa_n = LORENZ * T / self.rho
        kappa = np.where(resistive | (T >= self.tc), kappa_n, kappa_n * T / self.tc)
        g = self.alpha_ref * (T / self.t_ref) ** (self.q - 1.0) / self.d
        return c_e + c_ph, kappa, g

    def initial_temperatures(self):
        """T_hs on the belt; it must cover whole cells (checked)."""
        belt = si(self.photon["hotspot_length"])
        hot = si(self.photon["hotspot_temperature"])
        lo, hi = 0.5 * (self.length - belt), 0.5 * (self.length + belt)
        T = np.full(self.n, self.t_sub)
        edges = np.arange(self.n + 1) * self.dx
        overlap = np.clip(np.minimum(hi, edges[1:]) - np.maximum(lo, edges[:-1]), 0.0, None)
        cover = overlap / self.dx
        if np.any((cover > 1e-9) & (cover < 1.0 - 1e-9)):
            raise SystemExit("the hotspot belt must cover whole cells: choose --cells so that "
                             "it does (for the Yang wire 100 * k)")
        T[cover > 0.5] = hot
        return T

    def heat_step(self, T, current, dt):
        """One Crank-Nicolson step of the heat equation, properties and switch at T."""
        resistive = T >= self.switching_K(current)
        c, kappa, g = self.properties(T, resistive)
        a = kappa / self.dx  # the factor of the second difference at each cell
        lower = a / self.h_left
        upper = a / self.h_right
        diagonal = -(lower + upper)
        # Laplacian of T with the bath beyond the ends.
        laplacian_T = diagonal * T
        laplacian_T[1:] += lower[1:] * T[:-1]
        laplacian_T[:-1] += upper[:-1] * T[1:]
        laplacian_T[0] += lower[0] * self.t_sub
        laplacian_T[-1] += upper[-1] * self.t_sub
        joule = np.where(resistive, self.rho * current * current / self.area ** 2, 0.0)
        rhs = (c / dt) * T + 0.5 * laplacian_T + joule - g * (0.5 * T - self.t_sub)
        rhs[0] += 0.5 * lower[0] * self.t_sub
        rhs[-1] += 0.5 * upper[-1] * self.t_sub
        bands = np.zeros((3, self.n))
        bands[0, 1:] = -0.5 * upper[:-1]
        bands[1] = c / dt - 0.5 * diagonal + 0.5 * g
        bands[2, :-1] = -0.5 * lower[1:]
        return solve_banded((1, 1), bands, rhs), resistive

    def circuit_step(self, current, capacitor_V, hotspot_Ohm, dt):
        """Crank-Nicolson for the readout with R_hs held over the step."""
        m = np.array([[-(self.rl + hotspot_Ohm) / self.lk, 1.0 / self.lk],
                      [-1.0 / self.cbt, 0.0]])
        b = np.array([self.rl * self.ib / self.lk, self.ib / self.cbt])
        x = np.array([current, capacitor_V])
        eye = np.eye(2)
        return np.linalg.solve(eye - 0.5 * dt * m, (eye + 0.5 * dt * m) @ x + dt * b)


def run(wire, end_s, dt_fine, dt_coarse, margin_s, record_every):
    """Integrates to end_s; returns the trace as an array of rows."""
    T = wire.initial_temperatures()
    current, capacitor_V, t = wire.ib, 0.0, 0.0
    gone_at = None
    rows, step = [], 0

    def record(resistive):
        rows.append((t, current, wire.rl * (wire.ib - current),
                     wire.r_cell * float(np.count_nonzero(resistive)), float(T.max()),
                     wire.switching_K(current)))

    record(T >= wire.switching_K(current))
    while t < end_s * (1.0 - 1e-12):
        fine = gone_at is None or t < gone_at + margin_s
        dt = min(dt_fine if fine else dt_coarse, end_s - t)
        T, resistive = wire.heat_step(T, current, dt)
        hotspot_Ohm = wire.r_cell * float(np.count_nonzero(resistive))
        current, capacitor_V = wire.circuit_step(current, capacitor_V, hotspot_Ohm, dt)
        t += dt
        step += 1
        now_resistive = T >= wire.switching_K(current)
        if now_resistive.any():
            gone_at = None
        elif gone_at is None:
            gone_at = t
        if not fine or step % record_every == 0 or t >= end_s * (1.0 - 1e-12):
            record(now_resistive)
    return np.array(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("device")
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--load-resistance", type=float, default=None, help="Ohm (override)")
    parser.add_argument("--end-time", type=float, default=None, help="s (default: the device's)")
    parser.add_argument("--dt-fine", type=float, default=0.05e-12, help="s")
    parser.add_argument("--dt-coarse", type=float, default=10e-12, help="s")
    parser.add_argument("--margin", type=float, default=1e-9,
                        help="s of fine steps after the hotspot has gone")
    parser.add_argument("--record-every", type=int, default=10, help="fine steps per trace row")
    parser.add_argument("--trace", required=True, help="CSV: t, I, V_out, R_hs, T_max, T*")
    args = parser.parse_args()
    device, material = load(args.device)
    end_s = args.end_time if args.end_time else si(device.get("solver", {}).get("end_time",
                                                                                "100 ns"))
    wire = PublishedWire(device, material, args.cells, args.load_resistance)
    started = time.perf_counter()
    trace = run(wire, end_s, args.dt_fine, args.dt_coarse, args.margin, args.record_every)
    elapsed = time.perf_counter() - started
    np.savetxt(args.trace, trace, delimiter=",", comments="",
               header="t_s,I_A,V_out_V,R_hs_Ohm,T_max_K,T_switch_K")
    print(json.dumps({"cells": args.cells, "gamma": wire.gamma, "rows": len(trace),
                      "wall_time_s": elapsed}))


if __name__ == "__main__":
    main()
