"""filmtherm.heat_capacity over NumPy arrays, against an independent quadrature."""

import threading
import time

import numpy as np
import pytest
from scipy import constants, integrate

import filmtherm

K_B = constants.k  # 1.380649e-23 J/K, exact in SI 2019
HBAR = constants.hbar


def film_heat_capacity_quadrature(T, d, v, debye_temperature=None):
    """C_ph of a film by quadrature of VDOS x Einstein kernel (docs/theory.md sections 1-2).

    Three branches of one velocity v; per branch g(w) = w^2/(2 pi^2 v^3) min(1, w/w_x),
    w_x = 2 pi v/d, up to the cutoff w_D = k_B Theta/hbar (none: infinity). With
    x = hbar w/(k_B T):  C = 3 k_B (k_B T/(hbar v))^3/(2 pi^2) int x^4 min(1, x/x_x) K(x) dx
    with the kernel K(x) = e^x/(e^x - 1)^2. Written here from the formulas, not from the
    library's closed form (Bose integrals I_n), so the two are independent.
    """
    x_x = 2 * np.pi * HBAR * v / (d * K_B * T)
    x_d = np.inf if debye_temperature is None else debye_temperature / T

    def kernel(x):
        # e^x/(e^x - 1)^2 = e^-x/(1 - e^-x)^2, written without overflow at large x.
        return np.exp(-x) / np.expm1(-x) ** 2

    def confined(x):
        return x**4 * (x / x_x) * kernel(x)

    def bulk(x):
        return x**4 * kernel(x)

    options = dict(epsabs=0.0, epsrel=1e-13, limit=500)
    total = integrate.quad(confined, 0.0, min(x_x, x_d), **options)[0]
    if x_d > x_x:
        total += integrate.quad(bulk, x_x, x_d, **options)[0]
    return 3 * K_B * (K_B * T / (HBAR * v)) ** 3 / (2 * np.pi**2) * total


# The closed form is good to ~1e-15 (docs/theory.md: 1.6e-15 seen against long-double
# quadrature); scipy's double quadrature to ~1e-13 relative of the integral. 1e-11 leaves
# a margin of 100 over the quadrature's own error, and still catches any wrong factor,
# branch count or crossover (errors of order 1e-2 and more).
TOLERANCE = 1e-11


@pytest.mark.parametrize("d_nm", [2.0, 6.0, 20.0])
def test_film_model_matches_quadrature_over_an_array(d_nm):
    T = np.geomspace(0.3, 200.0, 41)
    C = filmtherm.heat_capacity(T, d_nm * 1e-9, sound_velocity=4000.0)
    assert isinstance(C, np.ndarray) and C.shape == T.shape and C.dtype == np.float64
    reference = np.array([film_heat_capacity_quadrature(t, d_nm * 1e-9, 4000.0) for t in T])
    np.testing.assert_allclose(C, reference, rtol=TOLERANCE, atol=0)


def test_film_model_with_debye_cutoff_matches_quadrature():
    T = np.array([1.0, 10.0, 45.0, 200.0, 900.0])
    C = filmtherm.heat_capacity(T, 4e-9, sound_velocity=4000.0, debye_temperature=450.0)
    reference = [film_heat_capacity_quadrature(t, 4e-9, 4000.0, 450.0) for t in T]
    np.testing.assert_allclose(C, reference, rtol=TOLERANCE, atol=0)


def test_broadcasting_follows_numpy():
    T = np.array([[1.0], [5.0], [10.0]])        # (3, 1)
    d = np.array([2e-9, 6e-9, 10e-9, 20e-9])    # (4,)
    C = filmtherm.heat_capacity(T, d, sound_velocity=4000.0)
    assert C.shape == (3, 4)
    for i in range(3):
        for j in range(4):
            single = filmtherm.heat_capacity(float(T[i, 0]), float(d[j]), sound_velocity=4000.0)
            assert C[i, j] == single  # the same C++ call per point: bit for bit


def test_a_scalar_against_a_long_array_equals_full_arrays():
    # A scalar argument is applied to every point in chunks (no full-length copy):
    # across chunk boundaries the values are those of full arrays.
    d = np.linspace(1e-9, 30e-9, 10_001)
    chunked = filmtherm.heat_capacity(7.5, d, sound_velocity=4000.0)
    full = filmtherm.heat_capacity(np.full(d.shape, 7.5), d, sound_velocity=4000.0)
    assert np.array_equal(chunked, full)
    T = np.linspace(1.0, 30.0, 10_001)
    assert np.array_equal(filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0),
                          filmtherm.heat_capacity(T, np.full(T.shape, 6e-9),
                                                  sound_velocity=4000.0))
    assert filmtherm.heat_capacity(np.array([]), 6e-9, sound_velocity=4000.0).shape == (0,)


def test_scalars_give_a_float_and_lists_work():
    value = filmtherm.heat_capacity(5.0, 6e-9, sound_velocity=4000.0)
    assert type(value) is float
    listed = filmtherm.heat_capacity([5.0, 6.0], 6e-9, sound_velocity=4000.0)
    assert listed.shape == (2,) and listed[0] == value
    # int and float32 inputs are converted to float64
    assert filmtherm.heat_capacity(np.float32(5.0), 6e-9, sound_velocity=4000) == value


def test_text_with_units_equals_si_floats():
    as_text = filmtherm.heat_capacity("5 K", "6 nm", sound_velocity="4 km/s")
    as_si = filmtherm.heat_capacity(5.0, 6e-9, sound_velocity=4000.0)
    assert as_text == as_si
    assert filmtherm.heat_capacity("5000 mK", "0.006 um", sound_velocity="4000 m/s") == as_si


def test_wrong_unit_is_refused_with_the_argument_named():
    with pytest.raises(filmtherm.InputError) as caught:
        filmtherm.heat_capacity(5.0, "6 K", sound_velocity=4000.0)
    assert caught.value.key == "d"
    assert "length" in str(caught.value) and "temperature" in str(caught.value)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(filmtherm.InputError, match="sound_velocity"):
        filmtherm.heat_capacity(5.0, 6e-9, sound_velocity="4000 m")


def test_unknown_model_lists_the_known_ones():
    with pytest.raises(filmtherm.InputError) as caught:
        filmtherm.heat_capacity(5.0, 6e-9, sound_velocity=4000.0, model="flim")
    assert "film" in str(caught.value)


def test_the_four_builtin_laws_and_their_limits():
    T = np.array([0.25, 0.5, 1.0])
    d = 6e-9
    full = filmtherm.heat_capacity(T, d, sound_velocity=4000.0, model="film")
    t4 = filmtherm.heat_capacity(T, d, sound_velocity=4000.0, model="film-low-T")
    # Far below T_x = 32 K the full model is the T^4 law (docs/theory.md section 3): the
    # neglected tail of I_5 at x_x = T_x/T >= 32 is ~ x_x^5 e^-x_x / 124 < 1e-8 relative.
    np.testing.assert_allclose(full, t4, rtol=1e-8)
    np.testing.assert_allclose(t4 / T**4, t4[0] / 0.25**4, rtol=1e-14)
    t3 = filmtherm.heat_capacity(T, d, sound_velocity=4000.0, model="debye-low-T")
    np.testing.assert_allclose(t3 / T**3, t3[0] / 0.25**3, rtol=1e-14)


def test_slope_is_the_derivative():
    T = np.array([2.0, 8.0, 30.0])
    C, dC = filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0, slope=True)
    h = 1e-5 * T
    up = filmtherm.heat_capacity(T + h, 6e-9, sound_velocity=4000.0)
    down = filmtherm.heat_capacity(T - h, 6e-9, sound_velocity=4000.0)
    np.testing.assert_allclose(dC, (up - down) / (2 * h), rtol=1e-8)


def test_negative_temperature_is_a_plugin_error():
    with pytest.raises(filmtherm.PluginError):
        filmtherm.heat_capacity(-1.0, 6e-9, sound_velocity=4000.0)


def test_evaluation_releases_the_gil():
    # A second Python thread keeps time-stamping while the main thread evaluates
    # 2 x 10^6 points in one C++ call. Were the GIL held for the call, no stamp
    # could fall inside it; the 5 ms margins exceed Python's switch interval.
    T = np.linspace(1.0, 50.0, 2_000_000)
    stamps = []
    done = threading.Event()

    def ticker():
        while not done.is_set():
            stamps.append(time.perf_counter())
            done.wait(0.0002)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        start = time.perf_counter()
        filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0)
        end = time.perf_counter()
    finally:
        done.set()
        thread.join()
    assert end - start > 0.02, "the call was too short to tell"
    inside = [s for s in stamps if start + 0.005 < s < end - 0.005]
    assert inside, f"no tick during a {end - start:.3f} s call: the GIL was held"
