"""filmtherm.sweep against `filmtherm sweep` on the same study."""

import csv

import pytest

import filmtherm

STUDY = "examples/studies/thickness-phonon-models.yaml"


@pytest.fixture(scope="module")
def swept(source_dir, run_cli, tmp_path_factory):
    cli_folder = tmp_path_factory.mktemp("cli-sweep")
    run_cli("sweep", source_dir / STUDY, "--output", cli_folder, "--jobs", 2, "--no-plot")
    py_folder = tmp_path_factory.mktemp("py-sweep")
    records = filmtherm.sweep(source_dir / STUDY, jobs=2, output=py_folder)
    return records, cli_folder, py_folder


def test_the_tables_are_the_same_bytes(swept):
    _, cli_folder, py_folder = swept
    for name in ("results.csv", "results.jsonl"):
        assert (py_folder / name).read_bytes() == (cli_folder / name).read_bytes()


def test_records_equal_the_cli_table(swept):
    records, cli_folder, _ = swept
    with open(cli_folder / "results.csv", newline="") as stream:
        rows = list(csv.reader(line for line in stream if not line.startswith("#")))
    header, rows = rows[0], rows[1:]
    names = [cell.split(" [")[0] for cell in header]
    assert names == records.columns
    assert len(records) == len(rows) == 20
    for record, row in zip(records, rows):
        for name, cell in zip(names, row):
            value = record[name]
            if name in ("status", "error") or isinstance(value, str):
                assert (value or "") == cell
            elif value is None:
                assert cell == ""
            else:
                # results.csv prints shortest round-trip digits: equal as doubles.
                assert float(cell) == value, f"point {record['index']}, {name}"
    assert records.units["film.thickness"] == "nm"
    assert records.units["electron_half_rise_time"] == "s"


def test_to_pandas(swept):
    records, _, _ = swept
    frame = records.to_pandas()
    assert list(frame.columns) == records.columns and len(frame) == 20
    assert frame.attrs["units"]["electron_peak_temperature"] == "K"
    film = frame[frame["materials.NbTiN.phonon_heat_capacity.model"] == "film"]
    assert film["film.thickness"].is_monotonic_increasing and (film["status"] == "ok").all()
    assert "20 points" in repr(records)


def test_a_second_run_resumes_from_the_journal(source_dir, swept):
    records, _, py_folder = swept
    journal = (py_folder / "journal.jsonl").read_bytes()
    again = filmtherm.sweep(source_dir / STUDY, jobs=1, output=py_folder)
    assert list(again) == list(records)
    assert (py_folder / "journal.jsonl").read_bytes() == journal  # nothing was run again


def test_invalid_study_is_located(tmp_path, source_dir):
    study = tmp_path / "bad-study.yaml"
    study.write_text(f"device: {source_dir / 'examples/devices/nbtin-6nm.yaml'}\n"
                     "axes:\n  film.thickness: [2 nm, 3 nm]\ncombine: grd\n")
    with pytest.raises(filmtherm.InputError) as caught:
        filmtherm.sweep(study, output=tmp_path / "out")
    error = caught.value
    assert error.file.endswith("bad-study.yaml")
    assert (error.line, error.column, error.key) == (4, 10, "combine")
    assert "did you mean 'grid'" in str(error)
    assert not (tmp_path / "out").exists()


def test_a_point_the_loader_refuses_is_a_failed_record(tmp_path, source_dir):
    # As with `filmtherm sweep`: the study runs, the refused point is a failed row.
    study = tmp_path / "study.yaml"
    study.write_text(f"device: {source_dir / 'examples/devices/nbtin-6nm.yaml'}\n"
                     "axes:\n  film.thickness: [6 nm, 3 K]\n")
    records = filmtherm.sweep(study, jobs=1, output=tmp_path / "out")
    assert [r["status"] for r in records] == ["ok", "failed"]
    assert "length" in records[1]["error"]


def test_ctrl_c_stops_the_sweep_and_a_rerun_resumes(source_dir, tmp_path):
    # In a child interpreter: SIGINT once the first points are journalled. The engine
    # lets the running point finish and sweep() raises KeyboardInterrupt; Python's own
    # SIGINT handler is back afterwards. Then this process resumes the study.
    import signal
    import subprocess
    import sys
    import time

    study = source_dir / "tests/sweep/data/slow.yaml"
    out = tmp_path / "out"
    child = subprocess.Popen(
        [sys.executable, "-c", f"""
import signal, filmtherm
try:
    filmtherm.sweep({str(study)!r}, jobs=1, output={str(out)!r})
    print("finished")
except KeyboardInterrupt:
    print("interrupted", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
"""], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    journal = out / "journal.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if journal.exists() and journal.read_text().count("\n") >= 2:
            break
        time.sleep(0.01)
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=120)
    assert stdout.strip() == "interrupted True", stderr
    done = journal.read_text().splitlines()
    assert 2 <= len(done) < 100
    records = filmtherm.sweep(study, jobs=2, output=out)
    assert len(records) == 100 and all(r["status"] == "ok" for r in records)
    assert journal.read_text().splitlines()[:len(done)] == done  # kept, not run again
