#!/usr/bin/python3
"""The latching threshold R_L* of an electrothermal-wire device, bisected in the
load resistance: the smallest R_L at which `filmtherm run` reports the wire
latched (or, with --peer, at which the NumPy peer of the published scheme,
bench/peer/wire_published_numpy.py, ends with a resistive domain).

Each trial writes a copy of the device with circuit.load_resistance (and the
end time) replaced, runs it, and reads `latched` from summary.json (or the
peer's last R_hs). Options after `--` go to `filmtherm run` unchanged.

    /usr/bin/python3 bench/wire_latching_threshold.py examples/devices/yang2007-nbn.yaml \\
        --cells 300 --low 1000 --high 8000 -- --scheme published --switch root-finding
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def device_copy(device_path, load_Ohm, end_ns, folder):
    """The device with its load and end time replaced and its imports made absolute."""
    base = os.path.dirname(os.path.abspath(device_path))
    with open(device_path) as f:
        text = f.read()
    text = re.sub(r"imports:\s*\[(.*?)\]",
                  lambda m: "imports: [" + ", ".join(
                      "'" + os.path.join(base, p.strip().strip("'\"")) + "'"
                      for p in m.group(1).split(",")) + "]", text)
    text = re.sub(r"load_resistance:.*", f"load_resistance: {load_Ohm:.6g} Ohm", text)
    text = re.sub(r"end_time:.*", f"end_time: {end_ns:g} ns", text)
    path = os.path.join(folder, f"device-{load_Ohm:.6g}.yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def latched(args, load_Ohm, folder):
    device = device_copy(args.device, load_Ohm, args.end_ns, folder)
    if args.peer:
        trace = os.path.join(folder, "peer.csv")
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "peer", "wire_published_numpy.py"),
                        device, "--cells", str(args.cells), "--dt-fine", "0.2e-12",
                        "--margin", "0.3e-9", "--trace", trace],
                       check=True, capture_output=True)
        with open(trace) as f:
            last = f.read().strip().splitlines()[-1].split(",")
        return float(last[3]) > 0.0
    out = os.path.join(folder, "run")
    subprocess.run([args.filmtherm, "run", device, "--cells", str(args.cells), "--no-plot",
                    "--output", out] + args.filmtherm_args, check=True, capture_output=True)
    with open(os.path.join(out, "summary.json")) as f:
        return bool(json.load(f)["runs"][0]["latched"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("device")
    parser.add_argument("--filmtherm", default="build/release/bin/filmtherm")
    parser.add_argument("--cells", type=int, default=300)
    parser.add_argument("--low", type=float, required=True, help="Ohm, must recover")
    parser.add_argument("--high", type=float, required=True, help="Ohm, must latch")
    parser.add_argument("--tolerance", type=float, default=0.02, help="relative bracket")
    parser.add_argument("--end-ns", type=float, default=20.0, help="end time of each run")
    parser.add_argument("--peer", action="store_true", help="bisect the NumPy peer instead")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    args.filmtherm_args = argv[split + 1:]  # after --: options of filmtherm run
    low, high = args.low, args.high
    with tempfile.TemporaryDirectory() as folder:
        for load, expected in ((low, False), (high, True)):
            if latched(args, load, folder) != expected:
                sys.exit(f"R_L = {load:g} Ohm {'recovers' if expected else 'latches'}: "
                         "widen --low/--high")
        while high / low > 1.0 + args.tolerance:
            middle = (low * high) ** 0.5
            if latched(args, middle, folder):
                high = middle
            else:
                low = middle
            print(f"  recovers at {low:8.1f} Ohm, latches at {high:8.1f} Ohm", flush=True)
    print(f"R_L* = {(low * high) ** 0.5:.4g} Ohm (between {low:.4g} and {high:.4g})")


if __name__ == "__main__":
    main()
