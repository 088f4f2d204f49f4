#!/usr/bin/python3
"""Thermal crosstalk between NbTiN strips: the sweep, its table and plots.

Runs ``crosstalk.edp`` (FreeFEM with the filmtherm plugin) over pitches, film
thicknesses and the two phonon models, then writes

- ``crosstalk.csv``: one row per case (pitch, thickness, phonon model, the
  neighbour's peak temperature rises and their times, the fraction of the
  deposited energy that reaches the neighbour);
- ``mesh-refinement.csv``: one case at two meshes and the difference;
- ``crosstalk-peak-vs-pitch.png`` and ``crosstalk-field.png``.

Usage (from the repository root, after ``cmake --build --preset release``)::

    /usr/bin/python3 examples/freefem/run_crosstalk.py --out out/crosstalk

``--reduced`` runs the small CI-sized case set. docs/fem.md explains the model.
"""

import argparse
import concurrent.futures
import csv
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent

FULL = dict(pitches=[150, 300, 600], thicknesses=[4, 8], focus=(150, 4, "film"),
            options=["-strips", "2", "-hf", "5", "-hfar", "100", "-tend", "1000",
                     "-dt0", "0.05", "-growth", "1.1", "-dtmax", "25"],
            refine=["-hf", "2.5", "-hfar", "50"])
REDUCED = dict(pitches=[200, 400], thicknesses=[6], focus=(200, 6, "film"),
               options=["-strips", "2", "-hf", "10", "-hfar", "200", "-tsi", "1000",
                        "-margin", "500", "-tend", "300", "-dt0", "0.2",
                        "-growth", "1.15", "-dtmax", "20"],
               refine=["-hf", "5", "-hfar", "100"])


def run_case(freefem, loadpath, prefix, pitch, thickness, phonons, options, extra=()):
    """Run one case of crosstalk.edp; return its summary row (a dict).

    Parameters
    ----------
    freefem : str
        The FreeFem++ executable.
    loadpath : str
        Folder holding the plugin filmtherm.so (FF_LOADPATH).
    prefix : pathlib.Path
        Output prefix of the case's files.
    pitch, thickness : float
        Strip pitch and film thickness [nm].
    phonons : str
        "film" (confined) or "debye" (bulk).
    options, extra : sequence of str
        Further script arguments.
    """
    command = [freefem, "-nw", "-ne", str(HERE / "crosstalk.edp"),
               "-library", str(ROOT / "examples/materials/nbtin.yaml"),
               "-pitch", str(pitch), "-thickness", str(thickness), "-phonons", phonons,
               "-out", str(prefix), *options, *extra]
    env = dict(os.environ, FF_LOADPATH=loadpath)
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n"
                           + result.stdout[-2000:] + result.stderr[-2000:])
    with open(f"{prefix}-summary.csv", newline="") as handle:
        return next(csv.DictReader(handle))


def write_rows(path, rows, fields):
    """Write rows (dicts) to a CSV file with the given columns."""
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def plot(rows, out, field_prefix, focus):
    """Neighbour's peak rise against pitch, and the substrate field snapshot."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.tri as mtri
    import numpy as np

    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    thicknesses = sorted({float(r["thickness_nm"]) for r in rows})
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for k, d in enumerate(thicknesses):
        for phonons, style in (("film", "-o"), ("debye", "--s")):
            sel = sorted((r for r in rows if float(r["thickness_nm"]) == d
                          and r["phonons"] == phonons), key=lambda r: float(r["pitch_nm"]))
            if not sel:
                continue
            p = [float(r["pitch_nm"]) for r in sel]
            for ax, key in zip(axes, ("peak_dTph_nb_K", "peak_dTe_nb_K")):
                ax.plot(p, [1e3 * float(r[key]) for r in sel], style, color=colours[k],
                        label=f"d = {d:g} nm, {phonons}")
    axes[0].set_ylabel("neighbour's peak phonon rise [mK]")
    axes[1].set_ylabel("neighbour's peak electron rise [mK]")
    for ax in axes:
        ax.set_xlabel("pitch [nm]")
        ax.set_yscale("log")
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=7)
    fig.suptitle("NbTiN strips (100 nm) on 300 nm a-SiO2 / Si, T_b = 2 K, hot strip T_e0 = 6 K",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(out / "crosstalk-peak-vs-pitch.png", dpi=110)
    plt.close(fig)

    field = pathlib.Path(f"{field_prefix}-field.csv")
    if field.exists():
        xyz = np.loadtxt(field, delimiter=",", skiprows=1)
        tri = np.loadtxt(f"{field_prefix}-triangles.csv", delimiter=",", skiprows=1, dtype=int)
        fig, ax = plt.subplots(figsize=(7, 3.2))
        mesh = mtri.Triangulation(xyz[:, 0], xyz[:, 1], tri)
        shown = ax.tricontourf(mesh, 1e3 * (xyz[:, 2] - xyz[:, 2].min()), levels=30,
                               cmap="inferno")
        ax.set_xlim(-2.5 * focus[0], 3.5 * focus[0])
        ax.set_ylim(-500, 20)
        ax.set_xlabel("x [nm]")
        ax.set_ylabel("y [nm]")
        ax.axhline(-300, color="w", lw=0.5, ls=":")
        fig.colorbar(shown, ax=ax, label="T - T_b [mK]")
        ax.set_title(f"substrate 20 ps after the hit (pitch {focus[0]} nm, d = {focus[1]} nm, "
                     f"{focus[2]} phonons)", fontsize=9)
        fig.tight_layout()
        fig.savefig(out / "crosstalk-field.png", dpi=110)
        plt.close(fig)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="out/crosstalk", help="output folder")
    parser.add_argument("--build", default=str(ROOT / "build/release"),
                        help="build tree holding lib/filmtherm/freefem/filmtherm.so")
    parser.add_argument("--freefem", default="FreeFem++", help="FreeFem++ executable")
    parser.add_argument("--reduced", action="store_true", help="the small CI case set")
    parser.add_argument("--jobs", type=int, default=3, help="cases run at once")
    args = parser.parse_args(argv)

    loadpath = str(pathlib.Path(args.build) / "lib/filmtherm/freefem")
    if not (pathlib.Path(loadpath) / "filmtherm.so").exists():
        sys.exit(f"error: {loadpath}/filmtherm.so not found: build the project first "
                 "(cmake --build --preset release) or give --build")
    plan = REDUCED if args.reduced else FULL
    out = pathlib.Path(args.out)
    (out / "runs").mkdir(parents=True, exist_ok=True)

    cases = [(p, d, ph) for d in plan["thicknesses"] for p in plan["pitches"]
             for ph in ("film", "debye")]
    snapshot = plan["focus"]  # the case with the field snapshot and the refined mesh
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = []
        for p, d, ph in cases:
            extra = ["-snapshot", "20"] if (p, d, ph) == snapshot else []
            prefix = out / "runs" / f"p{p}-d{d}-{ph}"
            futures.append(pool.submit(run_case, args.freefem, loadpath, prefix, p, d, ph,
                                       plan["options"], extra))
        refined = pool.submit(run_case, args.freefem, loadpath, out / "runs" / "refined",
                              *snapshot, plan["options"], plan["refine"])
        rows = [f.result() for f in futures]
        fine = refined.result()

    fields = ["pitch_nm", "thickness_nm", "phonons", "peak_dTe_nb_K", "t_peak_dTe_nb_s",
              "peak_dTph_nb_K", "t_peak_dTph_nb_s", "energy_fraction_nb",
              "t_peak_energy_nb_s", "Ts_max_K", "substrate_triangles", "steps",
              "max_iterations"]
    write_rows(out / "crosstalk.csv", rows, fields)
    coarse = next(r for r in rows if (float(r["pitch_nm"]), float(r["thickness_nm"]),
                                      r["phonons"]) == tuple(map(float, snapshot[:2])) + snapshot[2:])
    refinement = []
    for key in ("peak_dTph_nb_K", "peak_dTe_nb_K", "energy_fraction_nb"):
        a, b = float(coarse[key]), float(fine[key])
        refinement.append({"quantity": key, "mesh": coarse["substrate_triangles"],
                           "value": a, "refined_mesh": fine["substrate_triangles"],
                           "refined_value": b, "relative_difference": abs(a - b) / abs(b)})
    write_rows(out / "mesh-refinement.csv", refinement, list(refinement[0]))
    plot(rows, out, out / "runs" / "p{}-d{}-{}".format(*snapshot), snapshot)
    for r in refinement:
        print(f"mesh refinement: {r['quantity']}: {r['value']:.6g} ({r['mesh']} triangles) vs "
              f"{r['refined_value']:.6g} ({r['refined_mesh']}): "
              f"{100 * r['relative_difference']:.2f} %")
    print(f"wrote {out / 'crosstalk.csv'}, {out / 'mesh-refinement.csv'} and plots")


if __name__ == "__main__":
    main()
