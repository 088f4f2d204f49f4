"""Exceptions raised by filmtherm.

Every error filmtherm raises is a :class:`FilmthermError`. The C++ core's
exceptions arrive as these classes, with the fields the C++ side knows.
"""

from __future__ import annotations

from typing import NamedTuple, Optional, Sequence


class Diagnostic(NamedTuple):
    """One located problem of an input.

    Attributes
    ----------
    file : str or None
        The file as it was named (None for a value given through the API).
    line, column : int or None
        1-based position in the file (None when unknown).
    key : str or None
        The key path (``"film.thickness"``), or the argument's name.
    message : str
        What was expected and what was found.
    """

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    key: Optional[str]
    message: str


class FilmthermError(Exception):
    """Base class of every error filmtherm raises."""


class InputError(FilmthermError, ValueError):
    """An input is wrong: a device or study file, or a value given in Python.

    The message lists every problem found in one pass (each as
    ``file:line:column: key: ...`` with the offending line), as
    ``filmtherm check`` prints them.

    Attributes
    ----------
    diagnostics : list of Diagnostic
        Every problem, in file order.
    file, line, column, key
        Those of the first problem (None when unknown).

    Examples
    --------
    >>> try:
    ...     filmtherm.Device.load("bad.yaml")
    ... except filmtherm.InputError as error:
    ...     print(error.file, error.line, error.column, error.key)
    """

    def __init__(self, message: str, diagnostics: Sequence[dict] = ()):
        super().__init__(message)
        self.diagnostics = [Diagnostic(**d) if isinstance(d, dict) else d for d in diagnostics]
        first = (self.diagnostics[0] if self.diagnostics
                 else Diagnostic(None, None, None, None, message))
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.key = first.key

    def __reduce__(self):
        return (type(self), (str(self), [d._asdict() for d in self.diagnostics]))


class SolverError(FilmthermError, RuntimeError):
    """The ODE solver (CVODE) failed.

    Attributes
    ----------
    time_reached : float
        The model time [s] the solver had reached when it failed.
    """

    def __init__(self, message: str, time_reached: float = float("nan")):
        super().__init__(message)
        self.time_reached = time_reached

    def __reduce__(self):
        return (type(self), (str(self), self.time_reached))


class PluginError(FilmthermError, RuntimeError):
    """A material plugin could not be loaded, or misbehaved.

    The message names the plugin file, the model and the inputs: a library
    that cannot be opened, lacks ``filmtherm_plugin_entry``, was built for
    another ABI, defines a model name another plugin already defines, or
    returned an error or a non-finite value.
    """
