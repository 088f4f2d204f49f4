"""The FreeFEM crosstalk example (examples/freefem/crosstalk.edp), reduced.

1. Collapsed to one strip on an ideal substrate (held at the bath
   temperature), the field solver must give filmtherm's lumped
   two-temperature model, solved independently by CVODE (`filmtherm run` on
   examples/freefem/nbtin-6nm-strip.yaml): the rises T - T_b of the electrons
   and the phonons agree within 1 % at 10-300 ps, for confined and for Debye
   phonons. The FEM steps are implicit Euler (first order): with its steps
   (0.02 ps growing by 3 % to 5 ps) the differences seen are below 0.07 % for
   T_e and 0.54 % for T_ph (at 10 ps, falling later); 1 % leaves room for the
   time-step error only, not for a different equation or coefficient.
2. Two strips at two meshes: the iteration converges, the neighbour warms,
   the energy that reaches it is a fraction of the deposit, and the
   mesh-refinement difference of the crosstalk figures is reported and below
   15 % at this coarse CI size (docs/fem.md gives the full-size figures).
"""

import csv
import os
import pathlib
import subprocess

import numpy as np
import pytest

from conftest import LIBRARY_FILE, SOURCE, run_freefem

SCRIPT = SOURCE / "examples/freefem/crosstalk.edp"
DEVICE = SOURCE / "examples/freefem/nbtin-6nm-strip.yaml"
T_B = 2.0


def read_trace(path):
    """A CSV trace (comment lines start with '#') as a dict of arrays."""
    with open(path, newline="") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(rows)
    data = [row for row in reader]
    return {key: np.array([float(r[key]) for r in data]) for key in reader.fieldnames}


@pytest.fixture(scope="module")
def lumped(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lumped")
    result = subprocess.run([os.environ["FILMTHERM_CLI"], "run", str(DEVICE), "-o", str(folder),
                             "--no-plot"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.mark.parametrize("phonons", ["film", "debye"])
def test_one_strip_on_an_ideal_substrate_is_the_lumped_model(tmp_path, lumped, phonons):
    prefix = tmp_path / "ideal"
    result = run_freefem(SCRIPT, "-library", LIBRARY_FILE, "-strips", "1", "-ideal", "1",
                         "-phonons", phonons, "-hf", "20", "-dt0", "0.02", "-growth", "1.03",
                         "-dtmax", "5", "-tend", "300", "-out", prefix)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    fem = read_trace(f"{prefix}-trace.csv")
    ode = read_trace(lumped / f"trace-{phonons}.csv")
    for t in (10e-12, 30e-12, 100e-12, 300e-12):
        for fem_key, ode_key in (("Te_hot_K", "T_e_K"), ("Tph_hot_K", "T_ph_K")):
            rise_fem = np.interp(t, fem["t_s"], fem[fem_key]) - T_B
            rise_ode = np.interp(t, ode["t_s"], ode[ode_key]) - T_B
            print(f"{phonons} {fem_key} t = {t:.0e} s: FEM rise {rise_fem:.6f} K, lumped "
                  f"{rise_ode:.6f} K, {100 * (rise_fem / rise_ode - 1):+.3f} %")
            assert rise_fem == pytest.approx(rise_ode, rel=0.01), (phonons, t, fem_key)


def crosstalk(prefix, *mesh):
    result = run_freefem(SCRIPT, "-library", LIBRARY_FILE, "-strips", "2", "-pitch", "200",
                         "-tsi", "1000", "-margin", "400", "-tend", "150", "-dt0", "0.2",
                         "-growth", "1.2", "-dtmax", "20", *mesh, "-out", prefix)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    with open(f"{prefix}-summary.csv", newline="") as handle:
        return {k: (v if k == "phonons" else float(v))
                for k, v in next(csv.DictReader(handle)).items()}


def test_two_strips_and_the_mesh_refinement_error(tmp_path):
    coarse = crosstalk(tmp_path / "coarse", "-hf", "20", "-hfar", "400")
    fine = crosstalk(tmp_path / "fine", "-hf", "10", "-hfar", "200")
    assert fine["substrate_triangles"] > 1.5 * coarse["substrate_triangles"]
    for run in (coarse, fine):
        assert run["max_iterations"] < 50
        assert run["peak_dTph_nb_K"] > 0 and run["peak_dTe_nb_K"] > 0
        assert 0 < run["energy_fraction_nb"] < 0.5
        assert T_B < run["Ts_max_K"] < 6.0
    for key in ("peak_dTph_nb_K", "peak_dTe_nb_K", "energy_fraction_nb"):
        difference = abs(coarse[key] - fine[key]) / fine[key]
        print(f"mesh refinement {key}: {coarse[key]:.5g} ({coarse['substrate_triangles']:.0f} "
              f"triangles) vs {fine[key]:.5g} ({fine['substrate_triangles']:.0f}): "
              f"{100 * difference:.2f} %")
        assert difference < 0.15, key
