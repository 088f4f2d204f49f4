"""Devices: load one, run it, get its traces as NumPy arrays."""

from __future__ import annotations

import json
import os
from typing import Iterable, Optional

from . import _filmtherm
from ._materials import Material
from ._units import si_value

# Trace columns: (attribute, CSV header of `filmtherm run`, meaning).
LUMPED_COLUMNS = (
    ("t", "t_s", "time [s]"),
    ("T_e", "T_e_K", "electron temperature [K]"),
    ("T_ph", "T_ph_K", "phonon temperature [K]"),
    ("P_ep", "P_ep_W_per_m3", "electron-phonon power [W m^-3]"),
    ("P_esc", "P_esc_W_per_m3", "escape power to the bath [W m^-3]"),
    ("E_absorbed", "E_absorbed_J", "absorbed energy so far [J]"),
    ("E_electrons", "E_electrons_J", "energy in the electrons above the bath [J]"),
    ("E_phonons", "E_phonons_J", "energy in the phonons above the bath [J]"),
    ("E_escaped", "E_escaped_J", "energy passed to the substrate [J]"),
)
WIRE_COLUMNS = (
    ("t", "t_s", "time [s]"),
    ("I", "I_A", "current through the wire [A]"),
    ("V_out", "V_out_V", "output voltage [V]"),
    ("V_C", "V_C_V", "bias-tee capacitor voltage [V]"),
    ("R_hs", "R_hs_Ohm", "hotspot resistance [Ohm]"),
    ("hotspot_length", "hotspot_length_m", "resistive length [m]"),
    ("T_max", "T_max_K", "hottest temperature along the wire [K]"),
    ("T_ph_max", "T_ph_max_K", "hottest phonon temperature [K]"),
    ("E_absorbed", "E_absorbed_J", "absorbed energy [J]"),
    ("E_stored", "E_stored_J", "heat stored above the substrate [J]"),
    ("E_joule", "E_joule_J", "Joule heat [J]"),
    ("E_escaped", "E_escaped_J", "heat escaped to the substrate [J]"),
    ("E_ends", "E_ends_J", "heat out through the ends [J]"),
    ("E_load", "E_load_J", "energy dissipated in the load [J]"),
    ("W_source", "W_source_J", "work of the bias source [J]"),
)


class Run:
    """One solve of a device with one phonon model.

    Every trace column is a 1-D NumPy array over the output times, SI units:
    lumped model ``t, T_e, T_ph, P_ep, P_esc, E_absorbed, E_electrons,
    E_phonons, E_escaped``; electrothermal wire ``t, I, V_out, V_C, R_hs,
    hotspot_length, T_max, T_ph_max, E_absorbed, E_stored, E_joule,
    E_escaped, E_ends, E_load, W_source``, and T(x, t) as ``x`` (cell
    centres [m]), ``t_profile`` (times [s]) and ``T_xt`` (shape
    ``(len(t_profile), len(x))`` [K]; ``T_ph_xt`` too in the two-temperature
    form).

    Attributes
    ----------
    phonon_model : str
    trace_file : str
        The trace's file name in `filmtherm run`'s output folder.
    columns : tuple of (attribute, CSV header, meaning)
    arrays : dict of numpy.ndarray
    summary : dict
        This run's entry of the device's summary.json.
    arrival_time : float
        When the photon arrives (the centre of a pulse) [s].
    start_time : float
        Where the integration starts [s]: the arrival of an instant photon, the
        opening of a pulse's window. T(x, t) files count time from here.
    solve_wall_time : float
        Wall time of the solve [s].
    """

    def __init__(self, raw: dict, model_kind: str, summary: dict):
        self.phonon_model = raw["phonon_model"]
        self.trace_file = raw["trace_file"]
        self.arrays = dict(raw["arrays"])
        self.columns = WIRE_COLUMNS if model_kind == "electrothermal-wire" else LUMPED_COLUMNS
        self.summary = summary
        self.solve_wall_time = raw["solve_wall_time"]
        self.arrival_time = raw["arrival_time"]
        self.start_time = raw["start_time"]

    def __getattr__(self, name):
        arrays = self.__dict__.get("arrays", {})
        if name in arrays:
            return arrays[name]
        raise AttributeError(f"Run has no {name!r}; its arrays: {', '.join(arrays)}")

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.arrays))

    def __repr__(self) -> str:
        t = self.arrays["t"]
        return (f"Run(phonon_model={self.phonon_model!r}, {len(t)} samples, "
                f"t = {t[0]:.3g}..{t[-1]:.3g} s)") if len(t) else \
            f"Run(phonon_model={self.phonon_model!r}, no samples)"


class DeviceResult:
    """The runs of a device (one per phonon model) and its summary.

    Indexing by position or by phonon model name gives a :class:`Run`;
    attribute access (``result.T_e``) reaches the first run's arrays, for
    the common case of one run.

    Attributes
    ----------
    device : Device
    runs : list of Run
    summary : dict
        Equal to the summary.json `filmtherm run --no-plot` writes for the
        same device and phonon models (the solve times differ from run to run).
    summary_json : str
        The summary's JSON text.
    """

    def __init__(self, device: "Device", raw: dict):
        self.device = device
        self.summary_json = raw["summary_json"]
        self.summary = json.loads(self.summary_json)
        entries = self.summary.get("runs", [])
        self.runs = [Run(r, device.model, entries[i] if i < len(entries) else {})
                     for i, r in enumerate(raw["runs"])]

    def __getitem__(self, key) -> Run:
        if isinstance(key, str):
            for run in self.runs:
                if run.phonon_model == key:
                    return run
            raise KeyError(f"no run with phonon model {key!r}; runs: "
                           f"{', '.join(r.phonon_model for r in self.runs)}")
        return self.runs[key]

    def __len__(self) -> int:
        return len(self.runs)

    def __iter__(self):
        return iter(self.runs)

    def __getattr__(self, name):
        runs = self.__dict__.get("runs")
        if runs and name in runs[0].arrays:
            return runs[0].arrays[name]
        raise AttributeError(f"DeviceResult has no {name!r}")

    def __repr__(self) -> str:
        models = ", ".join(r.phonon_model for r in self.runs)
        return f"DeviceResult({self.device.name!r}, runs=[{models}])"


class Device:
    """A detector read from a YAML device file (docs/yaml-reference.md).

    Validated as ``filmtherm check`` validates it: every problem is raised
    at once as an :class:`InputError` naming file, line, column and key.

    Attributes
    ----------
    name, model, source_file, material_name, phonon_model : str
    thickness, width, bath_temperature : float
        In SI units [m], [m], [K].
    compare_phonons : list of str
        The device's ``compare_phonons:`` list.
    material : Material
        The film's material models (with the substrate's escape law).
    yaml : str
        The YAML text a device made by :meth:`from_dict` was read from.

    Examples
    --------
    >>> device = filmtherm.Device.load("examples/devices/nbtin-6nm.yaml")
    >>> result = device.run(phonon_models=["film", "debye"])
    >>> result["film"].T_e.max()
    """

    def __init__(self, core, yaml: Optional[str] = None):
        self._core = core
        self.yaml = yaml

    @classmethod
    def load(cls, path) -> "Device":
        """Read and validate a device file (and the libraries it imports).

        Raises
        ------
        InputError
            Every problem of the file, located.
        PluginError
            A material model's plugin failed.
        """
        return cls(_filmtherm.load_device(os.fspath(path)))

    @classmethod
    def from_dict(cls, data: dict, path="<dict>") -> "Device":
        """Make a device from a dict with the layout of a device file.

        Values are written as in the file (text with units, ``"6 nm"``); the
        dict is emitted as YAML and read by the same loader as a file, so the
        same checks apply and messages point at lines of that YAML text
        (kept as :attr:`yaml`).

        Parameters
        ----------
        data : dict
            ``{"name": ..., "imports": [...], "film": {...}, ...}``.
        path : str or os.PathLike, default "<dict>"
            Names the text in messages; relative ``imports:`` and
            ``output.folder`` are resolved against its folder (the current
            folder for the default).

        Raises
        ------
        InputError
        """
        import yaml  # Debian's python3-yaml

        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        return cls(_filmtherm.load_device_from_string(text, os.fspath(path)), text)

    @property
    def name(self) -> str:
        """The device's ``name:``."""
        return self._core.name

    @property
    def model(self) -> str:
        """``"lumped-two-temperature"`` or ``"electrothermal-wire"``."""
        return self._core.model

    @property
    def source_file(self) -> str:
        """The device file as named (``path`` for :meth:`from_dict`)."""
        return os.fspath(self._core.source_file)

    @property
    def material_name(self) -> str:
        """The film's material, e.g. ``"NbTiN"``."""
        return self._core.material

    @property
    def phonon_model(self) -> str:
        """The material's own phonon heat-capacity model, e.g. ``"film"``."""
        return self._core.phonon_model

    @property
    def thickness(self) -> float:
        """Film thickness d [m]."""
        return self._core.thickness

    @property
    def width(self) -> float:
        """Strip width [m]."""
        return self._core.width

    @property
    def bath_temperature(self) -> float:
        """Substrate (bath) temperature T_b [K]."""
        return self._core.bath_temperature

    @property
    def critical_temperature(self) -> Optional[float]:
        """The material's T_c [K], None when not given."""
        return self._core.critical_temperature

    @property
    def compare_phonons(self) -> list:
        """The device's ``compare_phonons:`` list (empty: the material's model only)."""
        return list(self._core.compare_phonons)

    @property
    def output_folder(self) -> str:
        """The device's ``output.folder``, absolute."""
        return os.fspath(self._core.output_folder)

    @property
    def material(self) -> Material:
        """The film's :class:`Material`, with the substrate's escape law."""
        return Material(self._core.material_models())

    def run(self, phonon_models: Optional[Iterable[str]] = None, *, output=None,
            cells: Optional[int] = None, temperatures: Optional[str] = None,
            switch: Optional[str] = None, switch_width=None, escape: Optional[str] = None,
            scheme: Optional[str] = None, stop_at_recovery: Optional[bool] = None,
            record_profiles: Optional[bool] = None) -> DeviceResult:
        """Solve the device, once per phonon model, as ``filmtherm run`` does.

        The GIL is released while the solver runs.

        Parameters
        ----------
        phonon_models : list of str, optional
            Run once per model (``["film", "debye"]``). Default: the device's
            ``compare_phonons`` list, else the material's own model.
        output : str or os.PathLike, optional
            Also write the trace CSV(s) and summary.json there, as
            ``filmtherm run --output DIR --no-plot`` does.
        cells, temperatures, switch, switch_width, escape, scheme, stop_at_recovery, record_profiles
            Electrothermal-wire options, as the command line's ``--cells``,
            ``--temperatures one|two``, ``--switch front|smoothed|root-finding``,
            ``--switch-width`` (``"auto"``, K or text), ``--escape
            model-power|linearised``, ``--scheme conservative|published``,
            ``--stop-at-recovery`` and
            ``--record-profiles``. Each one given overrides the same key of
            the device file's ``wire:`` section; ``None`` keeps the file's
            value (or the model's default where the file has none).

        Returns
        -------
        DeviceResult

        Raises
        ------
        SolverError
            CVODE failed; ``time_reached`` says when. Nothing is written.
        InputError
            An unknown phonon model or a bad option.
        """
        wire = {}
        for key, value in (("cells", cells), ("temperatures", temperatures), ("switch", switch),
                           ("escape", escape), ("scheme", scheme),
                           ("stop_at_recovery", stop_at_recovery),
                           ("record_profiles", record_profiles)):
            if value is not None:
                wire[key] = value
        if isinstance(switch_width, str) and switch_width.strip() == "auto":
            wire["switch_width"] = None  # scaled to the film
        elif switch_width is not None:
            wire["switch_width"] = float(si_value(switch_width, "K", "switch_width"))
        models = list(phonon_models) if phonon_models is not None else []
        folder = os.fspath(output) if output is not None else None
        return DeviceResult(self, self._core.run(models, folder, wire))

    def __repr__(self) -> str:
        core = self._core
        return (f"Device({core.name!r}, model={core.model!r}, material={core.material!r}, "
                f"phonons={core.phonon_model!r}, thickness={core.thickness:.4g} m, "
                f"bath={core.bath_temperature:.4g} K)")
