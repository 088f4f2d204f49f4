#!/usr/bin/python3
"""`filmtherm run --scheme published` against its independent NumPy peer
(bench/peer/wire_published_numpy.py, fixed-step Crank-Nicolson) on the Yang et
al. (2007) NbN wire: the device as it stands (R_L = 50 Ohm, recovers) and with
a load that latches. Both runs use the same grid; filmtherm locates the sharp
switch by root finding, as the published codes have it.

The figures are computed here, in the same way from both traces, so that the
comparison does not depend on filmtherm's summary: peak V_out and its time (a
parabola through the largest sample and its neighbours), the hotspot lifetime
(the last downward crossing of T_max - T*(I), interpolated), the recovery to
0.9 I_b and of I_b - I to 10 % of its dip (interpolated), latched or not (R_hs
at the end). Exit 1 if any figure differs by more than --tolerance (2 %) or the
verdicts differ.

    /usr/bin/python3 bench/peer/check_published_scheme.py --filmtherm build/release/bin/filmtherm
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path[:0] = [HERE, os.path.dirname(HERE)]
from wire_latching_threshold import device_copy  # noqa: E402  (bench/, runs filmtherm only)
from wire_published_numpy import load, si  # noqa: E402


def read_trace(path):
    """Columns t, I, V_out, R_hs, T_max of a filmtherm or peer trace CSV."""
    with open(path) as f:
        lines = [line for line in f if not line.startswith("#")]
    names = lines[0].strip().split(",")
    data = np.loadtxt(lines[1:], delimiter=",", ndmin=2)
    column = {name: data[:, k] for k, name in enumerate(names)}
    return {key: column[key] for key in ("t_s", "I_A", "V_out_V", "R_hs_Ohm", "T_max_K")}


def crossing(t, y, k):
    """Time where y crosses zero between samples k and k + 1 (linear)."""
    return t[k] - y[k] * (t[k + 1] - t[k]) / (y[k + 1] - y[k])


def figures(trace, bias_A, critical_A, tc_K):
    t, current, v_out = trace["t_s"], trace["I_A"], trace["V_out_V"]
    k = int(np.argmax(v_out))
    a, b, c = v_out[k - 1], v_out[k], v_out[k + 1]
    t0, t1, t2 = t[k - 1], t[k], t[k + 1]
    # The parabola's vertex through the three samples.
    num = (t1 - t0) ** 2 * (b - c) - (t1 - t2) ** 2 * (b - a)
    den = (t1 - t0) * (b - c) - (t1 - t2) * (b - a)
    peak_t = t1 - 0.5 * num / den if den != 0.0 else t1
    coefficients = np.polyfit([t0, t1, t2], [a, b, c], 2)
    peak_v = float(np.polyval(coefficients, peak_t))
    result = {"peak V_out [V]": peak_v, "peak time [s]": peak_t,
              "latched": bool(trace["R_hs_Ohm"][-1] > 0.0)}
    switching = tc_K * np.sqrt(np.clip(1.0 - np.sqrt(np.abs(current) / critical_A), 0.0, None))
    above = trace["T_max_K"] - switching
    down = np.nonzero((above[:-1] >= 0.0) & (above[1:] < 0.0))[0]
    result["hotspot lifetime [s]"] = (None if result["latched"] or len(down) == 0
                                      else float(crossing(t, above, down[-1])))
    dip = bias_A - current[k]
    for name, level in (("I back to 0.9 I_b [s]", (bias_A - current) - 0.1 * bias_A),
                        ("I_b - I at 10% of dip [s]", (bias_A - current) - 0.1 * dip)):
        after = np.nonzero((level[k:-1] > 0.0) & (level[k + 1:] <= 0.0))[0]
        result[name] = None if len(after) == 0 else float(crossing(t, level, k + after[0]))
    return result


def run_case(args, folder, load_Ohm, end_ns):
    device = device_copy(args.device, load_Ohm, end_ns, folder)
    with open(device) as f:
        text = f.read()
    # Fine output times for the filmtherm trace (the peer writes its own steps).
    text = text.replace("count: 500", "count: 3000")
    with open(device, "w") as f:
        f.write(text)
    out = os.path.join(folder, f"ft-{load_Ohm:g}")
    subprocess.run([args.filmtherm, "run", device, "--scheme", "published", "--switch",
                    "root-finding", "--cells", str(args.cells), "--no-plot", "--output", out],
                   check=True, capture_output=True)
    peer_csv = os.path.join(folder, f"peer-{load_Ohm:g}.csv")
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "wire_published_numpy.py"), device,
                    "--cells", str(args.cells), "--dt-fine", str(args.dt_fine),
                    "--margin", "0.3e-9", "--dt-coarse", "20e-12", "--record-every", "2",
                    "--trace", peer_csv], check=True, capture_output=True)
    return read_trace(os.path.join(out, "trace.csv")), read_trace(peer_csv)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--filmtherm", default=os.path.join(ROOT, "build/release/bin/filmtherm"))
    parser.add_argument("--device",
                        default=os.path.join(ROOT, "examples/devices/yang2007-nbn.yaml"))
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--dt-fine", type=float, default=0.2e-12, help="s, the peer's step")
    parser.add_argument("--latching-load", type=float, default=2000.0, help="Ohm")
    parser.add_argument("--tolerance", type=float, default=0.02)
    args = parser.parse_args()
    device, material = load(args.device)
    bias_A = si(device["circuit"]["bias_current"])
    critical_A = si(device["circuit"]["critical_current"])
    tc_K = si(material["critical_temperature"])
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        cases = (("device as given", si(device["circuit"]["load_resistance"]), 45.0),
                 ("latching load", args.latching_load, 2.0))
        for label, load_Ohm, end_ns in cases:
            ft_trace, peer_trace = run_case(args, folder, load_Ohm, end_ns)
            ft = figures(ft_trace, bias_A, critical_A, tc_K)
            peer = figures(peer_trace, bias_A, critical_A, tc_K)
            print(f"== {label}: R_L = {load_Ohm:g} Ohm, {args.cells} cells "
                  "(filmtherm / NumPy peer, relative difference)")
            for key in ft:
                a, b = ft[key], peer[key]
                if isinstance(a, bool) or a is None or b is None:
                    ok = a == b
                    print(f"  {key:28s} {a!s:>14} {b!s:>14}  {'ok' if ok else 'DIFFERENT'}")
                else:
                    difference = (a - b) / b
                    ok = abs(difference) <= args.tolerance
                    print(f"  {key:28s} {a:14.6g} {b:14.6g} {difference:+9.2e}"
                          f"  {'ok' if ok else 'OUTSIDE'}")
                if not ok:
                    failures.append(f"{label}: {key}")
    if failures:
        print("differ beyond {:.0%}: {}".format(args.tolerance, "; ".join(failures)))
        sys.exit(1)
    print(f"all figures within {args.tolerance:.0%}")


if __name__ == "__main__":
    main()
