"""The seed paper's Fig. 2: C_ph(T) of a 6 nm NbTiN film, v = 4000 m/s.

The full confined-film model beside its two low-temperature laws, the
film's T^4 (Eq. 20) and Debye's bulk T^3 (Eq. 9), on log-log axes. The full
model follows T^4 well below the crossover T_x = 2 pi hbar v/(d k_B) = 32 K
and bends towards T^3 above it.

    export PYTHONPATH=build/release/python
    /usr/bin/python3 examples/python/fig2_heat_capacity.py [OUT_DIR]
"""

import os
import sys

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

import filmtherm

thickness = "6 nm"
velocity = "4000 m/s"
T = np.geomspace(0.5, 100.0, 300)  # K

curves = {
    "film (full model)": filmtherm.heat_capacity(T, thickness, sound_velocity=velocity,
                                                 model="film"),
    "film T$^4$ law (Eq. 20)": filmtherm.heat_capacity(T, thickness, sound_velocity=velocity,
                                                       model="film-low-T"),
    "Debye T$^3$ law (Eq. 9)": filmtherm.heat_capacity(T, thickness, sound_velocity=velocity,
                                                       model="debye-low-T"),
}
crossover_K = 2 * np.pi * 1.054571817e-34 * 4000.0 / (6e-9 * 1.380649e-23)

figure, axes = plt.subplots(figsize=(6.4, 4.8))
for (label, C), style in zip(curves.items(), ("-", "--", ":")):
    axes.loglog(T, C, style, linewidth=2, label=label)
axes.axvline(crossover_K, color="grey", linewidth=0.8)
axes.annotate(f"T$_x$ = {crossover_K:.1f} K", (crossover_K, 1e-1), rotation=90,
              ha="right", va="bottom", color="grey")
axes.set_xlabel("T [K]")
axes.set_ylabel("C$_{ph}$ [J m$^{-3}$ K$^{-1}$]")
axes.set_title("6 nm NbTiN film, v = 4000 m/s (Fig. 2)")
axes.set_ylim(1e-2, None)
axes.grid(True, which="both", alpha=0.3)
axes.legend()

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
path = os.path.join(out, "python-fig2-heat-capacity.png")
figure.savefig(path, dpi=100, bbox_inches="tight")
print(f"wrote {path} ({matplotlib.get_backend()})")
