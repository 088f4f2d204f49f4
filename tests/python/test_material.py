"""filmtherm.Material: a material library's models over NumPy arrays."""

import numpy as np
import pytest

import filmtherm


@pytest.fixture(scope="module")
def nbtin(source_dir):
    return filmtherm.Material.load(source_dir / "examples/materials/nbtin.yaml", "NbTiN")


@pytest.fixture(scope="module")
def nbtin_device_material(source_dir):
    return filmtherm.Device.load(source_dir / "examples/devices/nbtin-6nm.yaml").material


def test_models_and_constants_of_the_library(nbtin):
    assert nbtin.name == "NbTiN"
    assert nbtin.models["phonon_heat_capacity"] == "film"
    assert nbtin.models["electron_heat_capacity"] == "bcs"
    assert nbtin.parameters["phonon_heat_capacity"]["sound_velocity"] == 4000.0
    assert nbtin.critical_temperature == 8.5
    assert nbtin.normal_resistivity == pytest.approx(2.0e-6, rel=1e-15)
    assert "NbTiN" in repr(nbtin) and "film" in repr(nbtin)


def test_phonon_heat_capacity_is_the_film_model(nbtin):
    T = np.geomspace(1.0, 40.0, 30)
    expected = filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0)
    assert np.array_equal(nbtin.phonon_heat_capacity(T, "6 nm"), expected)


def test_electron_heat_capacity_normal_state_is_gamma_T(nbtin):
    # Above T_c = 8.5 K the BCS model is the normal metal's gamma T, gamma = 200 J/(m^3 K^2).
    T = np.array([9.0, 12.0, 20.0])
    np.testing.assert_allclose(nbtin.electron_heat_capacity(T), 200.0 * T, rtol=1e-12)
    C, dC = nbtin.electron_heat_capacity(T, slope=True)
    np.testing.assert_allclose(dC, 200.0, rtol=1e-9)


def test_electron_phonon_power_broadcasts_and_vanishes_at_equal_temperatures(nbtin):
    Te = np.array([[3.0], [6.0], [12.0]])
    Tph = np.array([2.0, 3.0])
    P = nbtin.electron_phonon_power(Te, Tph)
    assert P.shape == (3, 2)
    assert nbtin.electron_phonon_power(5.0, 5.0) == 0.0
    assert np.all(P[Te[:, 0] > Tph.max()] > 0)
    P, dTe, dTph = nbtin.electron_phonon_power(Te, Tph, slope=True)
    assert np.all(dTe > 0) and np.all(dTph < 0)


def test_escape_power_comes_with_a_device(nbtin, nbtin_device_material):
    with pytest.raises(AttributeError, match="device"):
        nbtin.escape_power(4.0, 2.0, 6e-9)
    material = nbtin_device_material
    assert material.models["phonon_escape_power"] == "acoustic-mismatch"
    # Boundary law P = (sigma_b/d)(T^4 - T_b^4), sigma_b = 86.9 W/(m^2 K^4).
    T = np.array([3.0, 5.0, 10.0])
    expected = 86.9 / 6e-9 * (T**4 - 2.0**4)
    np.testing.assert_allclose(material.escape_power(T, 2.0, "6 nm"), expected, rtol=1e-12)


def test_thermal_conductivity_is_wiedemann_franz(nbtin):
    # kappa_n = L0 T/rho_n above T_c = 8.5 K, kappa_n T/T_c below, with the Sommerfeld
    # value L0 = pi^2/3 (k_B/e)^2 (the plugin's default; 1e-9 covers its rounding).
    lorenz = np.pi**2 / 3 * (1.380649e-23 / 1.602176634e-19) ** 2
    T = np.array([4.0, 9.0, 12.0])
    normal = lorenz * T / 2.0e-6
    expected = np.where(T < 8.5, normal * T / 8.5, normal)
    np.testing.assert_allclose(nbtin.thermal_conductivity(T), expected, rtol=1e-9)


def test_material_errors(source_dir):
    with pytest.raises(filmtherm.InputError, match="NbTiN"):
        filmtherm.Material.load(source_dir / "examples/materials/nbtin.yaml", "NbN")
    with pytest.raises(filmtherm.InputError):
        filmtherm.Material.load(source_dir / "no-such-file.yaml", "NbTiN")


def test_one_material_from_several_threads(nbtin):
    # The GIL is released during evaluation: threads share the material's model
    # instances (serialised by the binding when a plugin is not thread-safe).
    from concurrent.futures import ThreadPoolExecutor

    T = np.linspace(1.0, 30.0, 200_000)
    expected = nbtin.phonon_heat_capacity(T, 6e-9)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: nbtin.phonon_heat_capacity(T, 6e-9), range(8)))
    assert all(np.array_equal(r, expected) for r in results)
