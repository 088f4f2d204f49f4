"""A thickness study from Python into a pandas table, and its plot.

Runs examples/studies/thickness-phonon-models.yaml (the seed paper's NbTiN
detector, 2-20 nm, confined-film against bulk Debye phonons: 20 lumped
runs) with the engine of `filmtherm sweep`, turns the records into a
DataFrame and plots the electrons' half-rise time against thickness.

    PYTHONPATH=build/release/python /usr/bin/python3 examples/python/thickness_study.py [OUT_DIR]
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

figure, axes = plt.subplots(figsize=(6.4, 4.8))
for name, rows in table.groupby(model):
    axes.loglog(rows["film.thickness"], rows["electron_half_rise_time"] * 1e12, "o-",
                label=f"{name} phonons")
axes.set_xlabel(f"film thickness [{records.units['film.thickness']}]")
axes.set_ylabel("electron half-rise time [ps]")
axes.set_title("NbTiN detector: T$_e$ back to half its rise")
axes.grid(True, which="both", alpha=0.3)
axes.legend()
path = os.path.join(out, "python-thickness-study.png")
figure.savefig(path, dpi=100, bbox_inches="tight")
print(f"wrote {path}")
