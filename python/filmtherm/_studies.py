"""Studies (`filmtherm sweep`) from Python."""

from __future__ import annotations

import os
from typing import Optional

from . import _filmtherm
from ._records import Records


def sweep(study, jobs: Optional[int] = None, output=None, *, plot: bool = False) -> Records:
    """Run a study file with the engine of ``filmtherm sweep``.

    Points run on `jobs` worker threads (the GIL released), each finished
    point is journalled in the output folder, and when every point has a
    record results.csv and results.jsonl are written there: the same
    files, byte for byte, as the command line writes. Running again
    resumes: journalled points are not run again.

    Parameters
    ----------
    study : str or os.PathLike
        The study file (docs/yaml-reference.md, "Studies").
    jobs : int, optional
        Worker threads; default one per core this process may use.
    output : str or os.PathLike, optional
        Output folder; default the study's ``output.folder``.
    plot : bool, default False
        Also draw the study's plots with gnuplot.

    Returns
    -------
    Records
        One dict per point, in point order; ``.to_pandas()`` gives a DataFrame.

    Raises
    ------
    InputError
        The study is invalid, or the output folder holds the journal of a
        changed study.
    FilmthermError
        The run was interrupted, or the journal cannot be written.

    Examples
    --------
    >>> records = filmtherm.sweep("examples/studies/thickness-phonon-models.yaml",
    ...                           jobs=2, output="out/thickness")
    >>> records.to_pandas().head()
    """
    folder = _filmtherm.run_study(os.fspath(study), "" if output is None else os.fspath(output),
                                  int(jobs or 0), bool(plot))
    return Records.from_jsonl(os.path.join(folder, "results.jsonl"))
