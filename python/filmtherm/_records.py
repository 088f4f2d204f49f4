"""Study results as a list of dicts, with an optional pandas view."""

from __future__ import annotations

import json
import os


class Records(list):
    """The rows of a study's results table, one dict per point, in point order.

    Each row holds ``index``, every axis value (numbers in the axis unit,
    as in results.csv), every collected figure (None when the run did not
    reach it), ``status`` (``"ok"`` or ``"failed"``) and ``error``.

    Attributes
    ----------
    units : dict
        Column -> unit ("" for dimensionless, None for index/status/error).
    columns : list of str
        The columns in results.csv's order.
    folder : str
        The output folder (journal.jsonl, results.csv, results.jsonl).
    """

    def __init__(self, rows=(), columns=(), units=None, folder=""):
        super().__init__(rows)
        self.columns = list(columns)
        self.units = dict(units or {})
        self.folder = folder

    @classmethod
    def from_jsonl(cls, path) -> "Records":
        """Read a results.jsonl written by ``filmtherm sweep``."""
        rows, columns, units = [], ["index"], {"index": None}
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                if not line.strip():
                    continue
                entry = json.loads(line)
                row = {"index": entry["index"]}
                for group in ("parameters", "figures"):
                    for key, cell in entry.get(group, {}).items():
                        row[key] = cell.get("value")
                        if key not in units:
                            units[key] = cell.get("unit", "")
                            columns.append(key)
                row["status"] = entry.get("status")
                row["error"] = entry.get("error")
                rows.append(row)
        columns += ["status", "error"]
        units.update(status=None, error=None)
        return cls(rows, columns, units, os.path.dirname(os.fspath(path)))

    def to_pandas(self):
        """The rows as a pandas DataFrame (pandas is imported only here).

        Columns are named as in results.csv's header without the unit;
        :attr:`units` holds the units, also in ``DataFrame.attrs["units"]``.

        Raises
        ------
        ImportError
            pandas is not installed (Debian: python3-pandas).
        """
        import pandas

        frame = pandas.DataFrame(list(self), columns=self.columns)
        frame.attrs["units"] = dict(self.units)
        return frame

    def __repr__(self) -> str:
        shown = [c for c in self.columns if c not in ("status", "error")]
        return f"Records({len(self)} points, columns={shown!r}, folder={self.folder!r})"
