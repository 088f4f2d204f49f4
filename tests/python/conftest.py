"""Paths the Python tests need, passed by ctest (tests/python/CMakeLists.txt)."""

import os
import pathlib
import subprocess

import pytest


def _env_path(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run the Python tests through ctest -R python")
    return pathlib.Path(value)


@pytest.fixture(scope="session")
def source_dir():
    return _env_path("FILMTHERM_SOURCE_DIR")


@pytest.fixture(scope="session")
def filmtherm_exe():
    return _env_path("FILMTHERM_EXECUTABLE")


@pytest.fixture(scope="session")
def table_plugin():
    return _env_path("FILMTHERM_TEST_TABLE_PLUGIN")


@pytest.fixture(scope="session")
def run_cli(filmtherm_exe):
    """Runs the built `filmtherm` with arguments; returns the CompletedProcess."""

    def run(*args, check=True):
        result = subprocess.run([str(filmtherm_exe), *map(str, args)], capture_output=True,
                                text=True)
        if check and result.returncode != 0:
            pytest.fail(f"filmtherm {' '.join(map(str, args))} exited {result.returncode}:\n"
                        f"{result.stdout}\n{result.stderr}")
        return result

    return run
