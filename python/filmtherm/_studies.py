"""Studies (`filmtherm sweep`) from Python."""

from __future__ import annotations

import os
import sys
from typing import Optional

from . import _filmtherm
from ._errors import FilmthermError, InputError
from ._records import Records


def sweep(study, jobs: Optional[int] = None, output=None, *, plot: bool = False,
          verbose: bool = False) -> Records:
    """Run a study file with the engine of ``filmtherm sweep``.

    Points run in `jobs` worker processes forked from this one (the GIL
    released; a plugin that crashes or hangs fails its point only, see
    docs/studies.md, "Crashing and hanging points"), each finished
    point is journalled in the output folder, and when every point has a
    record results.csv and results.jsonl are written there: the same
    files, byte for byte, as the command line writes. Running again
    resumes: journalled points are not run again.

    Parameters
    ----------
    study : str or os.PathLike
        The study file (docs/yaml-reference.md, "Studies").
    jobs : int, optional
        Worker processes; default one per core this process may use.
    output : str or os.PathLike, optional
        Output folder; default the study's ``output.folder``.
    plot : bool, default False
        Also draw the study's plots with gnuplot.
    verbose : bool, default False
        Print what the command line prints (the plan, progress lines, where
        the table went) once the sweep returns.

    Returns
    -------
    Records
        One dict per point, in point order; ``.to_pandas()`` gives a DataFrame.

    Raises
    ------
    InputError
        The study is invalid (every problem, located), or the output folder
        holds the journal of a changed study.
    KeyboardInterrupt
        Ctrl-C (or SIGTERM) stopped the sweep after the running points
        finished; run it again to resume.
    FilmthermError
        The table could not be completed.
    RuntimeError
        The journal or a table cannot be written.

    Examples
    --------
    >>> records = filmtherm.sweep("examples/studies/thickness-phonon-models.yaml",
    ...                           jobs=2, output="out/thickness")
    >>> records.to_pandas().head()
    """
    if jobs is not None and int(jobs) < 1:
        raise InputError(f"jobs: expected a number of threads >= 1, got {jobs}",
                         [dict(file=None, line=None, column=None, key="jobs",
                               message=f"expected a number of threads >= 1, got {jobs}")])
    outcome = _filmtherm.sweep(os.fspath(study), "" if output is None else os.fspath(output),
                               int(jobs or 0), bool(plot))
    if verbose:
        sys.stdout.write(outcome["out"])
        sys.stderr.write(outcome["err"])
    status = outcome["status"]
    message = outcome["err"].strip() or outcome["out"].strip()
    if status > 128:
        raise KeyboardInterrupt(message)
    if status == _filmtherm.exit_usage_error:
        raise InputError(message, [dict(file=None, line=None, column=None, key="output",
                                        message=message)])
    if status != 0:
        raise FilmthermError(message)
    return Records.from_jsonl(os.path.join(os.fspath(outcome["folder"]), "results.jsonl"))
