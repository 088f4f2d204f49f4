"""The seed paper's Fig. 3: C_ph against film thickness at 10 K.

Eq. 20's T^4 law is linear in d (C = 120 zeta(5) (3/(4 pi^3)) (d/v^4) k_B
(k_B T/hbar)^4); the full model meets it for thin films, where T = 10 K lies
well below the crossover T_x = 2 pi hbar v/(d k_B), and falls below it as d
grows and T_x drops towards 10 K.

    export PYTHONPATH=build/release/python
    /usr/bin/python3 examples/python/fig3_thickness.py [OUT_DIR]
"""

import os
import sys

import matplotlib.pyplot as plt
import numpy as np

import filmtherm

T = 10.0  # K
velocity = 4000.0  # m/s
d = np.linspace(0.5e-9, 12e-9, 200)  # m

full = filmtherm.heat_capacity(T, d, sound_velocity=velocity, model="film")
linear = filmtherm.heat_capacity(T, d, sound_velocity=velocity, model="film-low-T")
bulk = filmtherm.heat_capacity(T, d, sound_velocity=velocity, model="debye-low-T")

figure, axes = plt.subplots(figsize=(6.4, 4.8))
axes.plot(d * 1e9, full, linewidth=2, label="film (full model)")
axes.plot(d * 1e9, linear, "--", linewidth=2, label="Eq. 20: linear in d")
axes.plot(d * 1e9, bulk, ":", linewidth=2, label="Debye T$^3$ (bulk, Eq. 9)")
axes.set_xlabel("film thickness d [nm]")
axes.set_ylabel("C$_{ph}$ at 10 K [J m$^{-3}$ K$^{-1}$]")
axes.set_title("C$_{ph}$ against thickness, T = 10 K, v = 4000 m/s (Fig. 3)")
axes.set_xlim(0, 12)
axes.set_ylim(0, None)
axes.grid(True, alpha=0.3)
axes.legend()

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
path = os.path.join(out, "python-fig3-thickness.png")
figure.savefig(path, dpi=100, bbox_inches="tight")
print(f"wrote {path}")
