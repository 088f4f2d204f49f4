"""The FreeFEM plugin filmtherm.so, run inside FreeFem++ (no mock).

Every function at a grid of points equals the C API called directly (the
plugin is a thin layer over it, so the tolerance is 1e-14 relative: the
values are printed with 17 digits and read back); three analytic limits check
the numbers independently of filmtherm's code; every error path ends the
script with a FreeFEM execution error carrying filmtherm's message, never a
crash (no signal, exit code below 128).
"""

import math
import os
import pathlib

import pytest

from conftest import LIBRARY_FILE, SOURCE, run_freefem

HERE = pathlib.Path(__file__).resolve().parent
PHONON, ELECTRON, EPH, ESCAPE, KAPPA = 1, 2, 3, 4, 5
K_B, HBAR = 1.380649e-23, 1.054571817e-34


def plugin_values(*arguments):
    result = run_freefem(HERE / "plugin_values.edp", "-library", LIBRARY_FILE, *arguments)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rows = []
    for line in result.stdout.splitlines():
        parts = line.strip().split(",")
        if len(parts) == 5 and parts[0].startswith(("ft", "integral")):
            rows.append((parts[0], *map(float, parts[1:])))
    return rows


def models_for(capi, phonon_model):
    material = capi.material(LIBRARY_FILE, "NbTiN")
    models = {"electron": capi.material_model(material, ELECTRON),
              "eph": capi.material_model(material, EPH),
              "kappa": capi.material_model(material, KAPPA),
              "escape": capi.model(ESCAPE, "acoustic-mismatch",
                                   boundary_coefficient="86.9 W/(m^2 K^4)")}
    if phonon_model == "film":
        models["phonon"] = capi.material_model(material, PHONON)
    else:
        models["phonon"] = capi.model(PHONON, phonon_model, sound_velocity="4000 m/s")
    return models


@pytest.mark.parametrize("phonon_model", ["film", "debye"])
def test_every_function_equals_the_c_api(capi, phonon_model):
    rows = plugin_values(*([] if phonon_model == "film" else ["-phonons", phonon_model]))
    models = models_for(capi, phonon_model)
    names = {r[0] for r in rows}
    assert names >= {"ftCph", "ftdCphdT", "ftCe", "ftdCedT", "ftPep", "ftdPepdTe",
                     "ftdPepdTph", "ftPesc", "ftdPescdT", "ftdPescdTb", "ftkappa",
                     "ftdkappadT"}
    checked = 0
    for name, a, b, c, value in rows:
        if name.startswith("integral"):
            continue
        expected = capi.evaluate(name, a, b, c, models)
        assert value == pytest.approx(expected, rel=1e-14, abs=1e-300), (name, a, b, c)
        checked += 1
    assert checked == len(rows) - 1 >= 7 * 4 + 7 * 3 * 2 + 7 * 3 * 2 * 3 + 7 * 7 * 3


def test_analytic_limits():
    """Values against formulas, independent of filmtherm's implementation."""
    film = {(r[0], r[1], r[2], r[3]): r[4] for r in plugin_values()}
    debye = {(r[0], r[1], r[2], r[3]): r[4] for r in plugin_values("-phonons", "debye")}
    # Bulk Debye without a cutoff, one velocity v for all three branches:
    # C = (2 pi^2 / 5) k_B (k_B T / (hbar v))^3 (Zaccone Eq. 9; Kittel ch. 5); the
    # model integrates its Bose integral numerically (seen: 2e-9 relative).
    for T in (0.5, 2.0, 15.0):
        exact = 2 * math.pi ** 2 / 5 * K_B * (K_B * T / (HBAR * 4000.0)) ** 3
        assert debye[("ftCph", T, 6e-9, 0.0)] == pytest.approx(exact, rel=1e-7)
    # Wiedemann-Franz below T_c (docs/physics.md 3.3): kappa = L0 T^2 / (rho_n T_c).
    lorenz = math.pi ** 2 * K_B ** 2 / (3 * 1.602176634e-19 ** 2)
    for T in (1.3, 4.7):
        assert film[("ftkappa", T, 0.0, 0.0)] == pytest.approx(
            lorenz * T ** 2 / (2.0e-6 * 8.5), rel=1e-12)
    # Acoustic mismatch (Swartz & Pohl 1989): P = (sigma_b / d)(T^4 - T_b^4).
    for T, Tb, d in ((4.7, 1.7, 6e-9), (2.0, 0.0, 2e-8)):
        assert film[("ftPesc", T, Tb, d)] == pytest.approx(86.9 / d * (T ** 4 - Tb ** 4),
                                                           rel=1e-12)
        assert film[("ftdPescdTb", T, Tb, d)] == pytest.approx(-4 * 86.9 / d * Tb ** 3,
                                                               rel=1e-12, abs=1e-300)


def test_functions_of_a_field_inside_an_integral(capi):
    """int2d of ftCph(T(x), 6 nm) over a P2 field against Simpson's rule on the C API."""
    rows = plugin_values()
    value = next(r[4] for r in rows if r[0] == "integral_Cph")
    models = models_for(capi, "film")
    n = 2000
    h = 1.0 / n
    total = 0.0
    for k in range(n + 1):
        weight = 1 if k in (0, n) else (4 if k % 2 else 2)
        total += weight * capi.evaluate("ftCph", 1 + 4 * k * h, 6e-9, 0.0, models)
    # C_ph is smooth in T: both quadratures agree to far better than 1e-6.
    assert value == pytest.approx(total * h / 3, rel=1e-6)


ERROR_CASES = {
    "unknown_material": ('filmthermMaterial("{lib}", "NbTiNx");', ["NbTiNx"]),
    "missing_file": ('filmthermMaterial("/nonexistent/m.yaml", "NbTiN");',
                     ["/nonexistent/m.yaml"]),
    "no_material": ("real c = ftCe(2.0);", ["no material loaded"]),
    "temperature_zero": ('filmthermMaterial("{lib}", "NbTiN"); real c = ftCph(0.0, 6e-9);',
                         ["ftCph", "out of domain"]),
    "negative_thickness": ('filmthermMaterial("{lib}", "NbTiN"); real c = ftCph(2.0, -1e-9);',
                           ["ftCph", "out of domain"]),
    "nan": ('filmthermMaterial("{lib}", "NbTiN"); real c = ftCe(sqrt(-1.0));',
            ["ftCe", "out of domain"]),
    "negative_bath": ('filmthermMaterial("{lib}", "NbTiN");'
                      'filmthermEscape("acoustic-mismatch", "boundary_coefficient=86.9 W/(m^2 K^4)");'
                      "real p = ftPesc(3.0, -1.0, 6e-9);", ["ftPesc", "out of domain"]),
    "no_escape_law": ('filmthermMaterial("{lib}", "NbTiN"); real p = ftPesc(3.0, 2.0, 6e-9);',
                      ["no phonon-escape law"]),
    "unknown_escape_model": ('filmthermMaterial("{lib}", "NbTiN");'
                             'filmthermEscape("acoustic-mismatchh", "");',
                             ["filmthermEscape", "acoustic-mismatchh"]),
    "bad_escape_parameter": ('filmthermMaterial("{lib}", "NbTiN");'
                             'filmthermEscape("acoustic-mismatch", "boundary_coefficient=3 m");',
                             ["filmthermEscape", "boundary_coefficient"]),
    "parameter_not_key_value": ('filmthermMaterial("{lib}", "NbTiN");'
                                'filmthermEscape("acoustic-mismatch", "86.9");',
                                ["not key=value"]),
    "unknown_phonon_model": ('filmthermMaterial("{lib}", "NbTiN"); filmthermPhonons("bulk");',
                             ["filmthermPhonons", "bulk"]),
    "bad_device": ('filmthermDevice("{lib}");', ["filmthermDevice"]),
    "out_of_domain_in_a_field": ('filmthermMaterial("{lib}", "NbTiN"); mesh Th = square(4, 4);'
                                 "fespace Vh(Th, P1); Vh T = x - 0.5;"
                                 "real e = int2d(Th)(ftCe(T));", ["ftCe", "out of domain"]),
}


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_errors_are_freefem_errors_with_filmtherm_messages(tmp_path, case):
    body, words = ERROR_CASES[case]
    script = tmp_path / f"{case}.edp"
    script.write_text('load "filmtherm"\n' + body.format(lib=LIBRARY_FILE) + "\n"
                      'cout << "not reached" << endl;\n')
    result = run_freefem(script)
    output = result.stdout + result.stderr
    assert 0 < result.returncode < 128, (result.returncode, output[-2000:])
    assert "not reached" not in output
    assert "Exec error" in output and "filmtherm: " in output, output[-2000:]
    for word in words:
        assert word in output, (word, output[-2000:])


def test_device_file_gives_the_material_and_its_escape_law(tmp_path, capi):
    device = SOURCE / "examples/devices/nbtin-6nm.yaml"
    script = tmp_path / "device.edp"
    script.write_text('load "filmtherm"\n'
                      f'filmthermDevice("{device}");\n'
                      "cout.precision(17);\n"
                      'cout << "Pesc," << ftPesc(4.0, 2.0, 6e-9) << endl;\n')
    result = run_freefem(script)
    assert result.returncode == 0, result.stdout[-2000:]
    line = next(l for l in result.stdout.splitlines() if l.startswith("Pesc,"))
    # The device's law is acoustic mismatch with sigma_b = 86.9 W m^-2 K^-4.
    assert float(line.split(",")[1]) == pytest.approx(86.9 / 6e-9 * (4.0 ** 4 - 2.0 ** 4),
                                                      rel=1e-12)


if __name__ == "__main__":
    raise SystemExit(pytest.main([__file__] + os.sys.argv[1:]))
