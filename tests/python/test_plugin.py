"""A third-party plugin (examples/plugin, the table plugin) loaded from Python."""

import numpy as np
import pytest

import filmtherm


@pytest.fixture(scope="module")
def loaded(table_plugin):
    filmtherm.load_plugin(table_plugin)
    return table_plugin


def tabulated(source_dir):
    rows = {}
    for line in (source_dir / "examples/plugin/data/nbtin-6nm-table.csv").read_text().splitlines():
        cells = line.split(",")
        if line.startswith("#") or not cells[0][:1].isdigit():
            continue
        rows[float(cells[0])] = float(cells[1])
    return rows


def test_the_plugin_is_listed(loaded):
    models = {m["name"]: m for m in filmtherm.plugins()}
    assert models["nbtin-6nm-table"]["property"] == "phonon heat capacity"
    assert models["nbtin-6nm-table"]["plugin"] == "table-heat-capacity"
    assert models["film"]["plugin"] == "filmtherm-builtin"


def test_tabulated_values_come_back(loaded, source_dir):
    table = tabulated(source_dir)
    T = np.array(sorted(table))
    C = filmtherm.heat_capacity(T, 6e-9, model="nbtin-6nm-table")
    # The plugin interpolates ln C against ln T: at the nodes it returns the table
    # through one log and one exp, a few ulp (1e-12 as in the package test).
    np.testing.assert_allclose(C, [table[t] for t in T], rtol=1e-12)


def test_between_nodes_the_table_follows_eq20(loaded):
    # The example table is Eq. 20 (film-low-T) at v = 4000 m/s, exact in log-log.
    T = np.array([1.5, 5.5, 12.25])
    C = filmtherm.heat_capacity(T, 6e-9, model="nbtin-6nm-table")
    law = filmtherm.heat_capacity(T, 6e-9, sound_velocity=4000.0, model="film-low-T")
    np.testing.assert_allclose(C, law, rtol=1e-12)


def test_outside_the_table_is_a_plugin_error(loaded):
    with pytest.raises(filmtherm.PluginError, match="1 K to 20 K"):
        filmtherm.heat_capacity(25.0, 6e-9, model="nbtin-6nm-table")


def test_a_second_copy_is_refused_and_changes_nothing(loaded, tmp_path):
    # Another file defining the same model names: the registry refuses it, naming
    # both files, and keeps what it had.
    copy = tmp_path / "table-copy.so"
    copy.write_bytes(loaded.read_bytes())
    before = filmtherm.plugins()
    with pytest.raises(filmtherm.PluginError, match="nbtin-6nm-table") as caught:
        filmtherm.load_plugin(copy)
    assert "table-copy.so" in str(caught.value)
    assert filmtherm.plugins() == before
