"""The package's surface: exports, docstrings, help(), exception hierarchy, install layout."""

import inspect
import pydoc

import pytest

import filmtherm

PUBLIC = ["heat_capacity", "Material", "Device", "DeviceResult", "Run", "sweep", "Records",
          "load_plugin", "plugins", "parse_quantity", "format_quantity", "InputError",
          "SolverError", "PluginError", "FilmthermError"]


def test_everything_public_is_exported_and_documented():
    assert set(PUBLIC) <= set(filmtherm.__all__)
    for name in PUBLIC:
        assert inspect.getdoc(getattr(filmtherm, name)), f"{name} has no docstring"
    for function in (filmtherm.heat_capacity, filmtherm.sweep, filmtherm.Device.run,
                     filmtherm.Material.load, filmtherm.load_plugin):
        doc = inspect.getdoc(function)
        assert "Parameters" in doc and ("Returns" in doc or "Raises" in doc), function
    for method in ("phonon_heat_capacity", "electron_heat_capacity", "electron_phonon_power",
                   "escape_power", "thermal_conductivity"):
        assert inspect.getdoc(getattr(filmtherm.Material, method))


def test_help_renders():
    text = pydoc.render_doc(filmtherm.heat_capacity, renderer=pydoc.plaintext)
    assert "sound_velocity" in text and "broadcast" in text
    assert "Device.load" in pydoc.render_doc(filmtherm, renderer=pydoc.plaintext)


def test_exception_hierarchy():
    assert issubclass(filmtherm.InputError, filmtherm.FilmthermError)
    assert issubclass(filmtherm.InputError, ValueError)
    assert issubclass(filmtherm.SolverError, filmtherm.FilmthermError)
    assert issubclass(filmtherm.PluginError, filmtherm.FilmthermError)
    assert issubclass(filmtherm.FilmthermError, Exception)


def test_quantities_round_trip():
    assert filmtherm.parse_quantity("4 km/s", "m/s") == 4000.0
    assert filmtherm.format_quantity(6e-9, "m") == "6 nm"
    with pytest.raises(filmtherm.InputError, match="velocity"):
        filmtherm.parse_quantity("4 km", "m/s")


def test_version():
    assert filmtherm.__version__.count(".") == 2
