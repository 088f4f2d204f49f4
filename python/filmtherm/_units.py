"""SI values in, SI values out; text with a unit where a person types one."""

from __future__ import annotations

import numpy as np

from . import _filmtherm


def si_value(value, si_unit: str, key: str):
    """Return `value` in SI units as a float or a float64 array.

    Parameters
    ----------
    value : float, array_like or str
        A number or array in SI units, or text with a unit (``"6 nm"``),
        parsed by filmtherm's quantity parser.
    si_unit : str
        The SI unit the value must have (``"m"``, ``"K"``, ``"m/s"``); a
        text of another dimension is refused.
    key : str
        The argument's name, for messages.

    Raises
    ------
    InputError
        The text cannot be read, or has another dimension (the message names
        both), or a bare number was typed where a unit is needed.
    """
    if isinstance(value, str):
        return _filmtherm.parse_quantity(value, si_unit, key)
    if isinstance(value, (list, tuple)) and any(isinstance(v, str) for v in value):
        return np.array([si_value(v, si_unit, key) for v in value], dtype=float)
    return value


def parse_quantity(text: str, unit: str) -> float:
    """Parse ``text`` (e.g. ``"4 km/s"``) and return its value in SI units.

    Parameters
    ----------
    text : str
        A number and a unit expression, as in device files.
    unit : str
        The SI unit of the expected dimension, e.g. ``"m/s"``.

    Returns
    -------
    float
        The value in SI units (``4000.0``).

    Raises
    ------
    InputError
        When the text is malformed or of another dimension.

    Examples
    --------
    >>> filmtherm.parse_quantity("6 nm", "m")
    6e-09
    """
    return _filmtherm.parse_quantity(text, unit, "value")


def format_quantity(value: float, unit: str) -> str:
    """Format an SI value with an engineering prefix (``6e-9, "m"`` -> ``"6 nm"``).

    The text parses back to the same float.
    """
    return _filmtherm.format_quantity(float(value), unit)
