"""Located errors: InputError with file, line, column and key; SolverError; PluginError."""

import pytest

import filmtherm

INVALID = "tests/data/devices/invalid"


def test_input_error_is_located(source_dir):
    path = source_dir / INVALID / "thickness-wrong-unit.yaml"
    with pytest.raises(filmtherm.InputError) as caught:
        filmtherm.Device.load(path)
    error = caught.value
    # The file's own expectation: "6:16: film.thickness: expected a length [m]".
    assert (error.line, error.column, error.key) == (6, 16, "film.thickness")
    assert error.file.endswith("thickness-wrong-unit.yaml")
    assert "expected a length [m]" in str(error) and "thickness: 6 K" in str(error)
    assert isinstance(error, ValueError) and isinstance(error, filmtherm.FilmthermError)


def test_every_problem_of_a_file_in_one_error(source_dir):
    with pytest.raises(filmtherm.InputError) as caught:
        filmtherm.Device.load(source_dir / INVALID / "three-errors-one-pass.yaml")
    located = [(d.line, d.column) for d in caught.value.diagnostics]
    assert located == [(6, 16), (11, 54), (14, 22)]
    assert [d.key for d in caught.value.diagnostics][0] == "film.thickness"


def test_from_dict_errors_point_into_the_emitted_yaml(source_dir):
    data = {"name": "x", "model": "lumped-two-temperature", "imports": ["materials/nbtin.yaml"],
            "film": {"material": "NbTiN", "thickness": "6 K", "width": "100 nm",
                     "length": "1 um"}}
    with pytest.raises(filmtherm.InputError) as caught:
        filmtherm.Device.from_dict(data, path=source_dir / "examples" / "x.yaml")
    keys = [d.key for d in caught.value.diagnostics]
    assert "film.thickness" in keys
    thickness = caught.value.diagnostics[keys.index("film.thickness")]
    assert thickness.line == 7 and thickness.column is not None  # line 7 of the safe_dump text


def test_solver_error_names_the_time_reached(source_dir, tmp_path):
    # Too few steps allowed: CVODE stops early, at a time before the end.
    device = (source_dir / "examples/devices/nbtin-6nm.yaml").read_text()
    device = device.replace("solver:\n", "solver:\n  max_steps: 3\n")
    library = source_dir / "examples/materials/nbtin.yaml"
    device = device.replace("../materials/nbtin.yaml", str(library))
    path = tmp_path / "few-steps.yaml"
    path.write_text(device)
    with pytest.raises(filmtherm.SolverError) as caught:
        filmtherm.Device.load(path).run(phonon_models=["film"], output=tmp_path / "out")
    assert 0.0 <= caught.value.time_reached < 10e-9
    assert isinstance(caught.value, RuntimeError)
    assert not (tmp_path / "out" / "summary.json").exists()


def test_plugin_error_for_a_file_that_is_no_plugin(tmp_path):
    bogus = tmp_path / "not-a-plugin.so"
    bogus.write_bytes(b"not an ELF file")
    with pytest.raises(filmtherm.PluginError, match="not-a-plugin.so"):
        filmtherm.load_plugin(bogus)


def test_unknown_phonon_model_in_a_run(source_dir):
    device = filmtherm.Device.load(source_dir / "examples/devices/nbtin-6nm.yaml")
    with pytest.raises(filmtherm.InputError, match="einstein"):
        device.run(phonon_models=["einstein"])


def test_errors_pickle_with_their_fields():
    import pickle

    error = filmtherm.InputError("f:1:2: k: bad", [dict(file="f", line=1, column=2, key="k",
                                                        message="bad")])
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.file, copy.line, copy.column, copy.key) == ("f", 1, 2, "k")
    solver = pickle.loads(pickle.dumps(filmtherm.SolverError("failed", 1e-9)))
    assert solver.time_reached == 1e-9
