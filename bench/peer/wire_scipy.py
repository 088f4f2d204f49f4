#!/usr/bin/python3
"""The electrothermal wire model (docs/physics.md section 5) in SciPy, as a peer for
`filmtherm run` on the Yang et al. (2007) NbN device: the same discretised
model as filmtherm's default wire options (one temperature per cell, finite
volumes with kappa(T) at the faces and the ends held at T_sub, the front
switch (each cell's resistive share is the part of it where the temperature,
read as straight lines between the cell centres and the bath at the ends,
exceeds T*(I)), Yang's linearised escape alpha(T)(T - T_sub)/d,
the readout with its bias tee), integrated with solve_ivp(method="BDF") and
the Jacobian's sparsity pattern (jac_sparsity), and the same summary figures:
peak output voltage, largest hotspot length and resistance, hotspot lifetime,
time to 90% current recovery, fitted recovery time constant, latched or not.

The material is the NbN-yang2007 set written out from its formulas (Yang's
C_es, the T^3 phonon law, Wiedemann-Franz kappa with kappa_s = kappa_n T/T_c,
alpha(T) = alpha(T_ref)(T/T_ref)^3); the numbers are read from the device and
material YAML files. Events (the current's minimum, the recovery to 90%, the
hotspot's end) are located by solve_ivp's event finding, as filmtherm locates
them by CVODE's root finding.

Run with Debian's Python (python3-scipy):
    /usr/bin/python3 bench/peer/wire_scipy.py examples/devices/yang2007-nbn.yaml \
        --cells 500 --output peer-summary.json
"""
import argparse
import json
import math
import os
import re
import time

import numpy as np
import yaml
from scipy import integrate, optimize, sparse

K_B = 1.380649e-23
HBAR = 6.62607015e-34 / (2.0 * math.pi)
E_CHARGE = 1.602176634e-19
LORENZ = math.pi ** 2 * K_B ** 2 / (3.0 * E_CHARGE ** 2)

UNITS = {"": 1.0, "m": 1.0, "nm": 1e-9, "um": 1e-6, "K": 1.0, "s": 1.0, "ns": 1e-9, "ps": 1e-12,
         "m/s": 1.0, "J/(m^3 K)": 1.0, "J/(m^3 K^2)": 1.0, "W/(m^2 K)": 1.0, "Ohm m": 1.0,
         "Ohm": 1.0, "uA": 1e-6, "nH": 1e-9, "nF": 1e-9}


def si(value):
    if isinstance(value, dict):
        value = value["value"]
    if isinstance(value, (int, float)):
        return float(value)
    match = re.fullmatch(r"\s*([-+0-9.eE]+)\s*(.*?)\s*", str(value))
    return float(match.group(1)) * UNITS[match.group(2)]


def load(device_path):
    with open(device_path) as f:
        device = yaml.safe_load(f)
    materials = {}
    for imported in device.get("imports", []):
        with open(os.path.join(os.path.dirname(device_path), imported)) as f:
            materials.update(yaml.safe_load(f)["materials"])
    return device, materials[device["film"]["material"]]


class Wire:
    def __init__(self, device, material, cells):
        film, circuit = device["film"], device["circuit"]
        escape = device["substrate"]["phonon_escape"]
        self.n = cells
        self.length, self.width, self.d = si(film["length"]), si(film["width"]), si(film["thickness"])
        self.dx = self.length / cells
        self.area = self.width * self.d
        self.t_sub = si(device["substrate"]["temperature"])
        self.tc = si(material["critical_temperature"])
        self.rho = si(material["normal_resistivity"])
        electrons = material["electron_heat_capacity"]
        if "heat_capacity_at_reference" in electrons:
            # Read as Yang's superconducting C_es at T_ref < T_c, as filmtherm does.
            t_ref = si(electrons["reference_temperature"])
            tr = t_ref / self.tc
            self.gamma = si(electrons["heat_capacity_at_reference"]) / (
                2.43 * self.tc * math.exp(-2.15 * self.tc * (1.0 - tr * tr) / t_ref))
        else:
            self.gamma = si(electrons["sommerfeld_coefficient"])
        self.v = si(material["phonon_heat_capacity"]["sound_velocity"])
        self.alpha_ref = si(escape["conductance_at_reference"])
        self.t_ref = si(escape["reference_temperature"])
        self.q = si(escape["power_exponent"])
        self.ib, self.ic0 = si(circuit["bias_current"]), si(circuit["critical_current"])
        self.rl, self.lk = si(circuit["load_resistance"]), si(circuit["kinetic_inductance"])
        self.cbt = si(circuit["bias_tee_capacitance"])
        # The hotspot's end: the hottest cell 1e-4 of the window T*(I_b) - T_sub
        # below T*, as filmtherm locates it.
        self.margin = 1e-4 * (self.switching_K(self.ib) - self.t_sub)
        self.r_cell = self.rho * self.dx / self.area
        self.dist = np.full(cells + 1, self.dx)
        self.dist[0] = self.dist[-1] = 0.5 * self.dx
        self.photon = device["photon"]

    # Material laws (docs/physics.md 2, 3 and 6)
    def c_e(self, T):
        t = T / self.tc
        sc = 2.43 * self.gamma * self.tc * np.exp(-2.15 * self.tc * (1.0 - t * t) / T)
        return np.where(T >= self.tc, self.gamma * T, sc)

    def c_ph(self, T):
        return 0.4 * math.pi ** 2 * K_B * (K_B * T / (HBAR * self.v)) ** 3

    def kappa(self, T):
        normal = LORENZ * T / self.rho
        return np.where(T >= self.tc, normal, normal * T / self.tc)

    def escape(self, T):
        # (alpha(T)/d)(T - T_sub), alpha(T)/d = dP/dT of the boundary law.
        return self.alpha_ref * (T / self.t_ref) ** (self.q - 1.0) / self.d * (T - self.t_sub)

    def switching_K(self, current):
        x = abs(current) / self.ic0
        return 0.0 if x >= 1.0 else self.tc * math.sqrt(1.0 - math.sqrt(x))

    def resistive(self, T, current):
        """Each cell's share above T*: the mean of its two half cells, over
        which T runs linearly from the centre to the face (the neighbours'
        mean, T_sub at the ends); a half cell whose ends a, b (from T*) differ
        in sign is above T* over max(a, b)/|a - b| of its length."""
        star = self.switching_K(current)
        centre = T - star
        faces = 0.5 * (np.concatenate(([self.t_sub], T)) + np.concatenate((T, [self.t_sub])))
        faces[0] = faces[-1] = self.t_sub
        faces = faces - star

        def half(a, b):
            share = np.where((a > 0.0) & (b > 0.0), 1.0, 0.0)
            mixed = (a > 0.0) != (b > 0.0)
            span = np.where(mixed, np.abs(a - b), 1.0)
            return np.where(mixed, np.maximum(a, b) / span, share)
        return 0.5 * (half(centre, faces[:-1]) + half(centre, faces[1:]))

    def rhs(self, t, y):
        n = self.n
        T = self.t_sub + y[:n]
        current, vc = y[n], y[n + 1]
        left = np.concatenate(([self.t_sub], T))
        right = np.concatenate((T, [self.t_sub]))
        flow = self.kappa(0.5 * (left + right)) * (left - right) / self.dist
        s = self.resistive(T, current)
        joule = self.rho * current * current / self.area ** 2
        heating = (flow[:-1] - flow[1:]) / self.dx + s * joule - self.escape(T)
        dydt = np.empty_like(y)
        dydt[:n] = heating / (self.c_e(T) + self.c_ph(T))
        hotspot = self.r_cell * s.sum()
        dydt[n] = (vc + self.rl * (self.ib - current) - hotspot * current) / self.lk
        dydt[n + 1] = (self.ib - current) / self.cbt
        return dydt

    def sparsity(self):
        n = self.n
        pattern = sparse.lil_matrix((n + 2, n + 2), dtype=np.int8)
        for i in range(n):
            for j in (i - 1, i, i + 1):
                if 0 <= j < n:
                    pattern[i, j] = 1
            pattern[i, n] = 1
            pattern[n, i] = 1
        pattern[n, n] = pattern[n, n + 1] = pattern[n + 1, n] = 1
        return pattern.tocsc()

    def hotspot_ohm(self, y):
        return self.r_cell * self.resistive(self.t_sub + y[: self.n], y[self.n]).sum()

    def energy(self, T):
        """U(T) - U(T_sub) of C_e + C_ph, by quadrature (C_e jumps at T_c)."""
        def c(x):
            return float(self.c_e(np.array(x)) + self.c_ph(x))
        edges = [self.t_sub, T] if not (self.t_sub < self.tc < T) else [self.t_sub, self.tc, T]
        return sum(integrate.quad(c, a, b, epsabs=0.0, epsrel=1e-12)[0]
                   for a, b in zip(edges[:-1], edges[1:]))

    def initial_state(self):
        belt = si(self.photon["hotspot_length"])
        hot = si(self.photon["hotspot_temperature"])
        lo, hi = 0.5 * (self.length - belt), 0.5 * (self.length + belt)
        y = np.zeros(self.n + 2)
        belt_energy = self.energy(hot)
        for i in range(self.n):
            overlap = min(hi, (i + 1) * self.dx) - max(lo, i * self.dx)
            cover = min(max(overlap / self.dx, 0.0), 1.0)
            if cover == 1.0:
                y[i] = hot - self.t_sub
            elif cover > 0.0:
                target = cover * belt_energy
                y[i] = optimize.brentq(lambda T: self.energy(T) - target, self.t_sub, hot,
                                       xtol=1e-14, rtol=1e-14) - self.t_sub
        y[self.n] = self.ib
        return y


def fit_tau(times, dips, peak_dip, after, lower=0.01):
    """tau of dip = d_inf + d_0 exp(-(t - t_0)/tau), fitted by scipy's curve_fit
    from `after` down to `lower` of the peak dip (as filmtherm states its fit)."""
    points = []
    for t, x in zip(times, dips):
        if t < after:
            continue
        if x / peak_dip < lower:
            break
        points.append((t, x))
    if len(points) < 5:
        return None
    t, y = np.array(points).T
    t0 = t[0]
    try:
        (_, _, tau), _ = optimize.curve_fit(
            lambda s, a, b, tau: a + b * np.exp(-(s - t0) / tau), t, y,
            p0=(0.0, y[0], (t[-1] - t0) / 3.0), maxfev=20000)
    except RuntimeError:
        return None
    return float(tau) if tau > 0 else None


def run(wire, end_s, first_s, count, rtol, atol_K):
    n = wire.n
    times = first_s * (end_s / first_s) ** (np.arange(count) / (count - 1.0))
    times[-1] = end_s
    atol = np.full(n + 2, atol_K)
    atol[n] = 1e-3 * rtol * wire.ib
    atol[n + 1] = 1e-3 * rtol * wire.rl * wire.ib
    options = dict(method="BDF", rtol=rtol, atol=atol, jac_sparsity=wire.sparsity())

    def minimum(t, y):
        return wire.rhs(t, y)[n]
    minimum.terminal, minimum.direction = True, 1.0

    def gone(t, y):
        T = wire.t_sub + y[:n]
        return np.max(T - wire.switching_K(y[n])) + wire.margin
    gone.direction = -1.0

    y0 = wire.initial_state()
    first = integrate.solve_ivp(wire.rhs, (0.0, end_s), y0, t_eval=times, events=[minimum, gone],
                                **options)
    samples_t, samples_y = list(first.t), list(first.y.T)
    gone_times = list(first.t_events[1])
    result = {"nfev": first.nfev, "njev": first.njev, "nlu": first.nlu}
    if len(first.t_events[0]) == 0:
        raise RuntimeError("the current never reached its minimum")
    t_min, y_min = first.t_events[0][0], first.y_events[0][0]
    i_min = y_min[n]
    dip = wire.ib - i_min

    def recovery(fraction):
        def g(t, y):
            return (wire.ib - y[n]) - fraction * dip
        g.direction = -1.0
        return g

    rest = times[times > t_min]
    second = integrate.solve_ivp(wire.rhs, (t_min, end_s), y_min, t_eval=rest,
                                 events=[recovery(0.1), recovery(0.01), gone], **options)
    samples_t += list(second.t)
    samples_y += list(second.y.T)
    gone_times += list(second.t_events[2])
    for key in result:
        result[key] += getattr(second, key)
    currents = np.array([y[n] for y in samples_y])
    resistances = np.array([wire.hotspot_ohm(y) for y in samples_y])
    latched = resistances[-1] > 0.0
    result.update({
        "peak_output_voltage_V": wire.rl * dip,
        "peak_output_time_after_arrival_s": t_min,
        "minimum_current_A": i_min,
        "max_hotspot_resistance_Ohm": float(resistances.max()),
        "max_hotspot_length_m": float(resistances.max() / wire.r_cell * wire.dx),
        "hotspot_lifetime_s": None if latched or not gone_times else float(gone_times[-1]),
        "time_to_90pct_recovery_of_dip_s":
            float(second.t_events[0][0]) if len(second.t_events[0]) else None,
        "time_to_99pct_recovery_of_dip_s":
            float(second.t_events[1][0]) if len(second.t_events[1]) else None,
        "latched": bool(latched),
    })
    after = max(t_min, gone_times[-1]) if gone_times else t_min
    result["fitted_recovery_time_constant_s"] = fit_tau(samples_t, wire.ib - currents, dip, after)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("device")
    parser.add_argument("--cells", type=int, default=500)
    parser.add_argument("--output", default=None, help="summary JSON")
    args = parser.parse_args()
    device, material = load(args.device)
    solver = device.get("solver", {})
    output_times = solver.get("output_times", {})
    rtol = float(solver.get("relative_tolerance", 1e-6))
    atol = si(solver.get("absolute_tolerance", "1e-6 K"))
    wire = Wire(device, material, args.cells)
    started = time.perf_counter()
    result = run(wire, si(solver.get("end_time", "100 ns")), si(output_times.get("first", "1 ps")),
                 int(output_times.get("count", 500)), rtol, atol)
    result["solve_wall_time_s"] = time.perf_counter() - started
    result["cells"] = args.cells
    text = json.dumps(result, indent=2)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
