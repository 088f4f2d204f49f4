"""filmtherm: how thin-film devices cool down, with confined-film phonons.

The Python face of filmtherm's C++ library: phonon heat capacities and
material models over NumPy arrays, devices run by the same solvers as the
``filmtherm`` command line, and studies run by the same engine as
``filmtherm sweep``. Values are SI floats (or arrays) in and out; where a
person types a single value, text with a unit is accepted (``"6 nm"``).

Main entry points
-----------------
heat_capacity(T, d, sound_velocity=..., model="film")
    C_ph(T, d) [J m^-3 K^-1] over broadcast arrays.
Material.load(path, name)
    A material's models: phonon_heat_capacity, electron_heat_capacity,
    electron_phonon_power, escape_power, thermal_conductivity.
Device.load(path), Device.from_dict(data)
    A device; ``device.run(phonon_models=[...])`` returns NumPy traces.
sweep(study, jobs=..., output=...)
    A study; returns Records (``.to_pandas()``).
load_plugin(path), plugins()
    Material plugins.
InputError, SolverError, PluginError (all FilmthermError)
"""

from __future__ import annotations

import os as _os

from . import _filmtherm
from ._devices import Device, DeviceResult, Run
from ._errors import Diagnostic, FilmthermError, InputError, PluginError, SolverError
from ._materials import Material, heat_capacity
from ._records import Records
from ._studies import sweep
from ._units import format_quantity, parse_quantity

__all__ = [
    "Device", "DeviceResult", "Diagnostic", "FilmthermError", "InputError", "Material",
    "PluginError", "Records", "Run", "SolverError", "format_quantity", "heat_capacity",
    "load_plugin", "parse_quantity", "plugins", "sweep",
]

__version__ = _filmtherm.version


def load_plugin(path) -> None:
    """Load a material plugin (a shared library, or every one in a folder).

    Its models become available by name to :func:`heat_capacity`,
    :class:`Material`, devices and studies of this process.

    Parameters
    ----------
    path : str or os.PathLike
        A plugin file (``.so``) or a folder of them.

    Raises
    ------
    PluginError
        The file cannot be opened, is no filmtherm plugin, was built for
        another ABI, or defines a model name another plugin already defines
        (nothing is loaded then).

    Examples
    --------
    >>> filmtherm.load_plugin("build/table-heat-capacity.so")
    >>> filmtherm.heat_capacity(5.0, 6e-9, model="nbtin-6nm-table")
    """
    _filmtherm.load_plugin(_os.fspath(path))


def plugins() -> list:
    """The loaded material models: one dict per model.

    Each has ``name``, ``property``, ``description``, ``reference``,
    ``plugin``, ``path``, ``thread_safe`` and ``parameters`` (name, SI unit,
    dimension, required, default, doc), as ``filmtherm plugins`` lists them.
    """
    return _filmtherm.plugins()
