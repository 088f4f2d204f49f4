"""Device runs from Python against `filmtherm run` (the built executable)."""

import json

import numpy as np
import pytest

import filmtherm
from filmtherm._devices import LUMPED_COLUMNS, WIRE_COLUMNS

# `filmtherm run` writes every number of a trace as the shortest text that reads back
# as the same double: the arrays are compared with the CSV bit for bit (float(cell) ==
# value). The summary.json prints every digit too.


def read_csv(path):
    """Header and rows (as text cells) of a filmtherm CSV."""
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    return lines[0].split(","), [line.split(",") for line in lines[1:]]


def assert_arrays_equal_csv(run, path, columns):
    header, rows = read_csv(path)
    assert header == [csv_name for _, csv_name, _ in columns]
    for k, (attribute, csv_name, _) in enumerate(columns):
        values = getattr(run, attribute)
        assert isinstance(values, np.ndarray) and values.shape == (len(rows),)
        from_csv = np.array([float(row[k]) for row in rows])
        assert np.array_equal(values, from_csv), f"{csv_name} differs from {path.name}"


def without_timing(summary):
    """summary.json less the wall-clock times, which differ from run to run."""
    summary = json.loads(json.dumps(summary))
    for run in summary.get("runs", []):
        run.pop("solve_wall_time_s", None)
        run.pop("solve_cpu_time_s", None)
    return summary


@pytest.fixture(scope="module")
def lumped(source_dir, run_cli, tmp_path_factory):
    device_file = source_dir / "examples/devices/nbtin-6nm.yaml"
    cli_folder = tmp_path_factory.mktemp("cli-lumped")
    run_cli("run", device_file, "--output", cli_folder, "--no-plot")
    py_folder = tmp_path_factory.mktemp("py-lumped")
    device = filmtherm.Device.load(device_file)
    return device, device.run(output=py_folder), cli_folder, py_folder


def test_lumped_arrays_equal_the_cli_trace(lumped):
    device, result, cli_folder, _ = lumped
    assert [r.phonon_model for r in result.runs] == ["film", "debye"]  # compare_phonons
    for run in result.runs:
        assert run.trace_file == f"trace-{run.phonon_model}.csv"
        assert_arrays_equal_csv(run, cli_folder / run.trace_file, LUMPED_COLUMNS)


def test_lumped_summary_equals_summary_json(lumped):
    _, result, cli_folder, py_folder = lumped
    cli_summary = json.loads((cli_folder / "summary.json").read_text())
    assert without_timing(result.summary) == without_timing(cli_summary)
    # What device.run(output=...) writes is the same as the CLI's files.
    assert json.loads((py_folder / "summary.json").read_text()) == result.summary
    for run in result.runs:
        written = (py_folder / run.trace_file).read_bytes()
        assert written == (cli_folder / run.trace_file).read_bytes()


def test_lumped_result_access(lumped):
    device, result, _, _ = lumped
    assert result["debye"] is result.runs[1]
    assert np.array_equal(result.T_e, result.runs[0].T_e)  # the first run's arrays
    T_e = result["film"].T_e
    assert T_e.max() > 2.0 and abs(T_e[-1] - 2.0) < 0.05 * (T_e.max() - 2.0)  # back at the bath
    assert "nbtin-6nm" in repr(device) and "film" in repr(result) and "samples" in repr(result[0])
    with pytest.raises(KeyError):
        result["einstein"]


def test_one_phonon_model_on_request(lumped):
    device, result, _, _ = lumped
    single = device.run(phonon_models=["debye"])
    assert [r.phonon_model for r in single] == ["debye"]
    # The same solve as the debye run of the comparison, bit for bit.
    assert np.array_equal(single.T_e, result["debye"].T_e)


def test_from_dict_equals_the_file(source_dir, lumped):
    device, result, _, _ = lumped
    data = {
        "name": "nbtin-6nm",
        "model": "lumped-two-temperature",
        "imports": ["materials/nbtin.yaml"],
        "film": {"material": "NbTiN", "thickness": "6 nm", "width": "100 nm",
                 "length": "100 um"},
        "substrate": {"temperature": "2 K",
                      "phonon_escape": {"model": "acoustic-mismatch",
                                        "boundary_coefficient": "86.9 W/(m^2 K^4)"}},
        "photon": {"wavelength": "1550 nm", "absorbed_fraction": 0.5,
                   "hotspot_length": "50 nm", "arrival_time": "10 ps"},
        "solver": {"end_time": "10 ns",
                   "output_times": {"spacing": "log", "count": 400, "first": "100 fs"}},
    }
    # Relative imports resolve against the folder of `path`.
    made = filmtherm.Device.from_dict(data, path=source_dir / "examples" / "from-dict.yaml")
    assert made.thickness == 6e-9 and made.bath_temperature == 2.0
    run = made.run(phonon_models=["film"])
    assert np.array_equal(run.T_e, result["film"].T_e)
    assert np.array_equal(run.t, result["film"].t)


@pytest.fixture(scope="module")
def wire(source_dir, run_cli, tmp_path_factory):
    device_file = source_dir / "examples/devices/nbtin-wire.yaml"
    cli_folder = tmp_path_factory.mktemp("cli-wire")
    run_cli("run", device_file, "--output", cli_folder, "--no-plot", "--cells", 60)
    device = filmtherm.Device.load(device_file)
    return device.run(cells=60), cli_folder


def test_wire_arrays_equal_the_cli_trace(wire):
    result, cli_folder = wire
    for run in result.runs:
        assert_arrays_equal_csv(run, cli_folder / run.trace_file, WIRE_COLUMNS)


def test_wire_temperature_profile_equals_the_cli(wire):
    # temperature-profile*.csv: a row with the cell count and the cell centres [nm],
    # then per output time t - t_start [s] and T along the wire [K]; 60 cells are all
    # written (no thinning). Round-trip digits: compared bit for bit.
    result, cli_folder = wire
    for run in result.runs:
        name = run.trace_file.replace("trace", "temperature-profile")
        header, rows = read_csv(cli_folder / name)
        assert int(header[0]) == run.x.size == 60
        assert np.array_equal(run.x * 1e9, [float(c) for c in header[1:]])
        assert run.T_xt.shape == (run.t_profile.size, run.x.size) == (len(rows), 60)
        table = np.array([[float(c) for c in row] for row in rows])
        assert np.array_equal(run.t_profile - run.start_time, table[:, 0])
        assert np.array_equal(run.T_xt, table[:, 1:])


def test_wire_summary_equals_summary_json(wire):
    result, cli_folder = wire
    cli_summary = json.loads((cli_folder / "summary.json").read_text())
    assert without_timing(result.summary) == without_timing(cli_summary)
    run = result.runs[0]
    assert run.I.shape == run.V_out.shape == run.R_hs.shape == run.t.shape
    assert run.V_out.max() > 0 and run.R_hs.max() > 0


def test_the_device_files_wire_keys_reach_python_and_arguments_override_them(source_dir):
    # The Yang wire with a `wire:` section: the run takes the device's settings,
    # and a keyword argument overrides only its own key.
    import yaml
    path = source_dir / "examples/devices/yang2007-nbn.yaml"
    data = yaml.safe_load(path.read_text())
    data["wire"] = {"cells": 30, "switch": "root-finding", "record_profiles": False}
    device = filmtherm.Device.from_dict(data, path=path)
    settings = device.run().summary["wire_settings"]
    assert settings["cells"] == 30
    assert settings["switch"] == "root-finding"
    assert settings["record_profiles"] is False
    assert settings["switch_width_auto"] is True
    overridden = device.run(cells=36, switch_width="0.2 K").summary["wire_settings"]
    assert overridden["cells"] == 36
    assert overridden["switch"] == "root-finding"  # the device's, not overridden
    assert overridden["switch_width_auto"] is False
    assert overridden["record_profiles"] is False
    assert overridden["scheme"] == "conservative"
    published = device.run(scheme="published").summary["wire_settings"]
    assert published["scheme"] == "published"
    with pytest.raises(filmtherm.InputError, match="scheme"):
        device.run(scheme="yang")


def test_unusual_values_are_listed_in_the_summary(source_dir):
    # I_c(2 K) = 20 uA (1 - (2/10.5)^2)^2 = 18.57 uA; 17.9 uA is above 0.95 of it.
    import yaml
    path = source_dir / "examples/devices/yang2007-nbn.yaml"
    data = yaml.safe_load(path.read_text())
    data["circuit"]["bias_current"] = "17.9 uA"
    data["wire"] = {"cells": 30}
    summary = filmtherm.Device.from_dict(data, path=path).run().summary
    assert any("circuit.bias_current" in w and "0.95 I_c(T_b)" in w for w in summary["warnings"])
