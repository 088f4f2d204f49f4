#!/usr/bin/python3
"""Compares a filmtherm trace CSV with the SciPy peer's, row by row at the same
times: the largest relative difference of T_e and T_ph, and of their rises
above the bath (the harder measure: it does not hide behind T_b).

    /usr/bin/python3 bench/peer/compare_traces.py FILMTHERM.csv PEER.csv [--bath 2]
"""
import argparse
import sys


def rows(path):
    table = {}
    header = None
    for line in open(path):
        if line.startswith("#"):
            continue
        fields = line.strip().split(",")
        if header is None:
            header = fields
            continue
        record = dict(zip(header, map(float, fields)))
        table[round(record["t_s"], 25)] = record
    return table


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("filmtherm")
    parser.add_argument("peer")
    parser.add_argument("--bath", type=float, default=2.0)
    parser.add_argument("--tolerance", type=float, default=1e-5)
    args = parser.parse_args()
    ours, theirs = rows(args.filmtherm), rows(args.peer)
    common = sorted(set(ours) & set(theirs))
    worst = {"T_e_K": 0.0, "T_ph_K": 0.0}
    worst_rise = {"T_e_K": 0.0, "T_ph_K": 0.0}
    for t in common:
        for key in worst:
            a, b = ours[t][key], theirs[t][key]
            worst[key] = max(worst[key], abs(a - b) / abs(b))
            rise = b - args.bath
            if rise > 1e-3 * args.bath:
                worst_rise[key] = max(worst_rise[key], abs(a - b) / rise)
    print(f"{len(common)} common times; largest relative difference: "
          f"T_e {worst['T_e_K']:.2e}, T_ph {worst['T_ph_K']:.2e}; of the rises above the bath "
          f"(where > 0.1% of T_b): T_e {worst_rise['T_e_K']:.2e}, T_ph {worst_rise['T_ph_K']:.2e}")
    if len(common) < 10 or max(worst.values()) > args.tolerance:
        sys.exit(f"traces differ by more than {args.tolerance:g}")


if __name__ == "__main__":
    main()
