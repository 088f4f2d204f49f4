"""A thickness study from Python into a pandas table, and its plot.

Runs examples/studies/thickness-phonon-models.yaml (the seed paper's NbTiN
detector, 2-20 nm, confined-film against bulk Debye phonons: 20 lumped
runs) with the engine of `filmtherm sweep`, turns the records into a
DataFrame and plots, against thickness, the phonon heat capacity at the
bath temperature (where confinement shows: T^4 against T^3) and the
electrons' half-rise time (set by the electron-phonon time, nearly the same
for both).

    export PYTHONPATH=build/release/python
    /usr/bin/python3 examples/python/thickness_study.py [OUT_DIR]
"""

import os
import sys

import matplotlib.pyplot as plt

import filmtherm

here = os.path.dirname(os.path.abspath(__file__))
study = os.path.join(here, "..", "studies", "thickness-phonon-models.yaml")
out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)

records = filmtherm.sweep(study, jobs=2, output=os.path.join(out, "thickness-study"))
table = records.to_pandas()
model = "materials.NbTiN.phonon_heat_capacity.model"
columns = ["film.thickness", model, "electron_half_rise_time", "phonon_heat_capacity_at_bath"]
print(table[columns].to_string(index=False))

figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
for name, rows in table.groupby(model):
    left.loglog(rows["film.thickness"], rows["phonon_heat_capacity_at_bath"], "o-",
                label=f"{name} phonons")
    right.loglog(rows["film.thickness"], rows["electron_half_rise_time"] * 1e12, "o-",
                 label=f"{name} phonons")
unit = records.units["film.thickness"]
left.set_ylabel(f"C$_{{ph}}$ at the bath [{records.units['phonon_heat_capacity_at_bath']}]")
left.set_title("phonon heat capacity at 2 K")
right.set_ylabel("electron half-rise time [ps]")
right.set_title("T$_e$ back to half its rise")
for axes in (left, right):
    axes.set_xlabel(f"film thickness [{unit}]")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
figure.suptitle("NbTiN detector (examples/devices/nbtin-6nm.yaml), thickness study")
figure.tight_layout()
path = os.path.join(out, "python-thickness-study.png")
figure.savefig(path, dpi=100, bbox_inches="tight")
print(f"wrote {path}")
