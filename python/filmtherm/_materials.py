"""Material properties over NumPy arrays: C_ph(T, d), C_e(T), P_ep, P_esc, kappa."""

from __future__ import annotations

import os
from typing import Optional

import numpy as np

from . import _filmtherm
from ._units import si_value


def _broadcast(**arrays):
    """The inputs' broadcast shape and point count, and each input flat as float64.

    An input of one element stays one element: the C++ side applies it to every
    point without a full-length copy. The others are broadcast to the common shape.
    """
    given = {k: np.asarray(a, dtype=float) for k, a in arrays.items()}
    shape = np.broadcast_shapes(*(a.shape for a in given.values()))
    count = int(np.prod(shape, dtype=np.int64))
    flat = {}
    for key, array in given.items():
        if array.size == 1:
            flat[key] = np.ascontiguousarray(array, dtype=float).reshape(1)
        else:
            flat[key] = np.ascontiguousarray(np.broadcast_to(array, shape)).reshape(-1)
    return shape, count, flat


def _shaped(array, shape):
    """An output array in the inputs' broadcast shape; a float for scalar inputs."""
    if shape == ():
        return float(array[0])
    return array.reshape(shape)


def _evaluate(model, slope: bool, **inputs):
    shape, count, flat = _broadcast(**inputs)
    results = model.evaluate(count, flat.pop("temperature"), slope=slope, **flat)
    if not slope:
        return _shaped(results[0], shape)
    return tuple(_shaped(r, shape) for r in results)


def heat_capacity(T, d, sound_velocity=None, model: str = "film", *,
                  longitudinal_velocity=None, transverse_velocity=None,
                  debye_temperature=None, atom_density=None,
                  conserve_mode_count: bool = False, parameters: Optional[dict] = None,
                  slope: bool = False):
    """Phonon heat capacity per unit volume C_ph(T, d) of a film [J m^-3 K^-1].

    The same models as ``filmtherm heat-capacity``: ``"film"`` (confined
    phonons, the full crossover), ``"film-low-T"`` (the T^4 law, Eq. 20),
    ``"debye"`` (bulk, with an optional cutoff), ``"debye-low-T"`` (T^3,
    Eq. 9), or any phonon model of a loaded plugin. Evaluated in C++ over
    the broadcast arrays in one call, with the GIL released.

    Parameters
    ----------
    T : float, array_like or str
        Temperature [K], or text such as ``"5 K"``.
    d : float, array_like or str
        Film thickness [m], or text such as ``"6 nm"``. Broadcast against `T`.
    sound_velocity : float or str, optional
        One sound velocity for the three acoustic branches [m/s] (``"4 km/s"``).
    model : str, default "film"
        The phonon model's name.
    longitudinal_velocity, transverse_velocity : float or str, optional
        Per-branch velocities instead of `sound_velocity` [m/s].
    debye_temperature : float or str, optional
        Debye cutoff as a temperature [K].
    atom_density : float or str, optional
        Debye cutoff from the atom number density [m^-3].
    conserve_mode_count : bool, default False
        Raise the cutoff so the film keeps the bulk's number of modes.
    parameters : dict, optional
        Further model parameters by name (SI floats or text with units),
        for plugin models.
    slope : bool, default False
        Also return dC/dT [J m^-3 K^-2].

    Returns
    -------
    float or numpy.ndarray, or a tuple (C, dC/dT) when `slope`
        In the broadcast shape of `T` and `d`; a float when both are scalars.
        The convenience arguments go only to models that declare them.

    Raises
    ------
    InputError
        A text of the wrong dimension, an unknown model (the message lists
        the known ones), a missing or rejected parameter.
    PluginError
        The model failed or returned a non-finite value (e.g. T < 0).

    Examples
    --------
    >>> filmtherm.heat_capacity("5 K", "6 nm", sound_velocity="4000 m/s")
    >>> T = np.geomspace(0.5, 50, 200)
    >>> C = filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0)
    """
    flags = {}
    for key, value, unit in (("sound_velocity", sound_velocity, "m/s"),
                             ("longitudinal_velocity", longitudinal_velocity, "m/s"),
                             ("transverse_velocity", transverse_velocity, "m/s"),
                             ("debye_temperature", debye_temperature, "K"),
                             ("atom_density", atom_density, "m^-3")):
        if value is not None:
            flags[key] = float(si_value(value, unit, key))
    if conserve_mode_count:
        flags["conserve_mode_count"] = True
    instance = _filmtherm.make_model(model, "phonon heat capacity", dict(parameters or {}), flags)
    return _evaluate(instance, slope, temperature=si_value(T, "K", "T"),
                     thickness=si_value(d, "m", "d"))


class Material:
    """A film material's models, as a material library or a device file defines them.

    Each method evaluates one property over NumPy arrays (broadcast, SI in
    and out, text with units accepted for single values), in one C++ call
    with the GIL released.

    Attributes
    ----------
    name : str
    file : str
        The file the material was defined in.
    models : dict
        Property -> model name (``{"phonon_heat_capacity": "film", ...}``).
    parameters : dict
        Property -> {parameter: SI value} as the models were created.
    critical_temperature, normal_resistivity : float or None
        T_c [K] and rho_n [Ohm m] when the material gives them.

    Examples
    --------
    >>> nbtin = filmtherm.Material.load("examples/materials/nbtin.yaml", "NbTiN")
    >>> nbtin.phonon_heat_capacity(np.linspace(1, 10, 10), "6 nm")
    """

    _properties = ("phonon_heat_capacity", "electron_heat_capacity", "electron_phonon_power",
                   "phonon_escape_power", "thermal_conductivity")

    def __init__(self, loaded: dict):
        self._models = {k: loaded[k] for k in self._properties if k in loaded}
        self.name = loaded["name"]
        self.file = loaded["file"]
        self.critical_temperature = loaded.get("critical_temperature")
        self.normal_resistivity = loaded.get("normal_resistivity")

    @classmethod
    def load(cls, path, name: Optional[str] = None) -> "Material":
        """Load a material from a material library or a device file.

        Parameters
        ----------
        path : str or os.PathLike
            A material library (``materials:``) or a device file. A device
            brings its substrate's phonon-escape law along, for
            :meth:`escape_power`.
        name : str, optional
            The material's name; may be omitted when the file defines one.

        Raises
        ------
        InputError
            The file is invalid (every problem, located), or has no such material.
        """
        return cls(_filmtherm.load_material(os.fspath(path), name or ""))

    @property
    def models(self) -> dict:
        return {k: m.name for k, m in self._models.items()}

    @property
    def parameters(self) -> dict:
        return {k: m.parameters for k, m in self._models.items()}

    def _model(self, prop: str):
        try:
            return self._models[prop]
        except KeyError:
            raise AttributeError(
                f"material {self.name!r} has no {prop.replace('_', ' ')} model"
                + (" (load it from a device file to get the substrate's escape law)"
                   if prop == "phonon_escape_power" else "")) from None

    def phonon_heat_capacity(self, T, d, slope: bool = False):
        """C_ph(T, d) [J m^-3 K^-1] (and dC/dT [J m^-3 K^-2] when `slope`).

        Parameters
        ----------
        T : array_like or str
            Temperature [K].
        d : array_like or str
            Film thickness [m].
        slope : bool, default False

        Returns
        -------
        float or numpy.ndarray, or (C, dC/dT)
        """
        return _evaluate(self._model("phonon_heat_capacity"), slope,
                         temperature=si_value(T, "K", "T"), thickness=si_value(d, "m", "d"))

    def electron_heat_capacity(self, T, slope: bool = False):
        """C_e(T) [J m^-3 K^-1] (and dC_e/dT when `slope`).

        Parameters
        ----------
        T : array_like or str
            Electron temperature [K].
        """
        return _evaluate(self._model("electron_heat_capacity"), slope,
                         temperature=si_value(T, "K", "T"))

    def electron_phonon_power(self, Te, Tph, slope: bool = False):
        """P_ep(T_e, T_ph) [W m^-3], positive from electrons to phonons.

        With `slope`, returns (P, dP/dT_e, dP/dT_ph).
        """
        return _evaluate(self._model("electron_phonon_power"), slope,
                         temperature=si_value(Te, "K", "Te"),
                         second_temperature=si_value(Tph, "K", "Tph"))

    def escape_power(self, T, Tb, d, slope: bool = False):
        """P_esc(T_ph, T_b; d) [W m^-3], positive from the film's phonons to the bath.

        Escape-time laws need C_ph and dC_ph/dT at T_ph: they come from this
        material's phonon model at (T, d). Needs a material loaded from a
        device file (the escape law belongs to its substrate). With `slope`,
        returns (P, dP/dT_ph, dP/dT_b).
        """
        escape = self._model("phonon_escape_power")
        temperature = si_value(T, "K", "T")
        thickness = si_value(d, "m", "d")
        shape, count, flat = _broadcast(temperature=temperature, bath=si_value(Tb, "K", "Tb"),
                                        thickness=thickness)
        c, dc = self._model("phonon_heat_capacity").evaluate(
            count, flat["temperature"], thickness=flat["thickness"], slope=True)
        results = escape.evaluate(count, flat["temperature"], second_temperature=flat["bath"],
                                  thickness=flat["thickness"], phonon_heat_capacity=c,
                                  phonon_heat_capacity_slope=dc, slope=slope)
        if not slope:
            return _shaped(results[0], shape)
        return tuple(_shaped(r, shape) for r in results)

    def thermal_conductivity(self, T, slope: bool = False):
        """kappa(T) [W m^-1 K^-1] (and dkappa/dT when `slope`)."""
        return _evaluate(self._model("thermal_conductivity"), slope,
                         temperature=si_value(T, "K", "T"))

    def __repr__(self) -> str:
        models = ", ".join(f"{k}={m.name!r}" for k, m in self._models.items())
        return f"Material({self.name!r}, file={self.file!r}, {models})"
