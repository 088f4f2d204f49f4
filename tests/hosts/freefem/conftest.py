"""Shared set-up of the FreeFEM host tests: paths from ctest, the C API.

ctest passes the paths in the environment: FILMTHERM_SOURCE_DIR,
FILMTHERM_LIBRARY (libfilmtherm.so), FILMTHERM_FREEFEM_PLUGIN_DIR (the folder
of filmtherm.so), FILMTHERM_CLI (the filmtherm executable) and FREEFEM.
"""

import ctypes
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("FILMTHERM_SOURCE_DIR", "."))
LIBRARY_FILE = SOURCE / "examples/materials/nbtin.yaml"


def run_freefem(script, *arguments, cwd=None, timeout=600):
    """Run FreeFem++ on a script with the plugin folder on FF_LOADPATH."""
    env = dict(os.environ, FF_LOADPATH=os.environ["FILMTHERM_FREEFEM_PLUGIN_DIR"])
    command = [os.environ.get("FREEFEM", "FreeFem++"), "-nw", "-ne", str(script),
               *map(str, arguments)]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)


class CApi:
    """The filmtherm C API (filmtherm/filmtherm.h) through ctypes."""

    def __init__(self, path):
        self.lib = ctypes.CDLL(str(path))
        self.lib.filmtherm_context_errmsg.restype = ctypes.c_char_p
        self.context = ctypes.c_void_p()
        self.check(self.lib.filmtherm_context_create(ctypes.byref(self.context)))

    def check(self, code):
        if code != 0:
            raise RuntimeError(self.lib.filmtherm_context_errmsg(self.context).decode())

    def material(self, library, name):
        handle, material = ctypes.c_void_p(), ctypes.c_void_p()
        self.check(self.lib.filmtherm_library_load_file(self.context, str(library).encode(),
                                                        ctypes.byref(handle)))
        self.check(self.lib.filmtherm_material_create(handle, name.encode(),
                                                      ctypes.byref(material)))
        return material

    def material_model(self, material, prop):
        model = ctypes.c_void_p()
        self.check(self.lib.filmtherm_material_model(material, prop, ctypes.byref(model)))
        return model

    def model(self, prop, name, **parameters):
        keys = (ctypes.c_char_p * max(1, len(parameters)))(*[k.encode() for k in parameters])
        values = (ctypes.c_char_p * max(1, len(parameters)))(
            *[v.encode() for v in parameters.values()])
        model = ctypes.c_void_p()
        self.check(self.lib.filmtherm_model_create(self.context, prop, name.encode(),
                                                   len(parameters), keys, values,
                                                   ctypes.byref(model)))
        return model

    @staticmethod
    def _d(x):
        return ctypes.byref(ctypes.c_double(x))

    def evaluate(self, function, a, b, c, models):
        """One function of the plugin's set at (a, b, c), via the C API."""
        out = [ctypes.c_double() for _ in range(5)]
        ref = [ctypes.byref(o) for o in out]
        d = self._d
        lib = self.lib
        if function in ("ftCph", "ftdCphdT"):
            self.check(lib.filmtherm_phonon_heat_capacity(models["phonon"], 1, d(a), d(b),
                                                          ref[0], ref[1], None))
            return out[0 if function == "ftCph" else 1].value
        if function in ("ftCe", "ftdCedT"):
            self.check(lib.filmtherm_electron_heat_capacity(models["electron"], 1, d(a),
                                                            ref[0], ref[1], None))
            return out[0 if function == "ftCe" else 1].value
        if function in ("ftPep", "ftdPepdTe", "ftdPepdTph"):
            self.check(lib.filmtherm_electron_phonon_power(models["eph"], 1, d(a), d(b),
                                                           ref[0], ref[1], ref[2]))
            return out[["ftPep", "ftdPepdTe", "ftdPepdTph"].index(function)].value
        if function in ("ftPesc", "ftdPescdT", "ftdPescdTb"):
            self.check(lib.filmtherm_phonon_heat_capacity(models["phonon"], 1, d(a), d(c),
                                                          ref[3], ref[4], None))
            self.check(lib.filmtherm_phonon_escape_power(
                models["escape"], 1, d(a), d(b), d(c), ref[3], ref[4], ref[0], ref[1], ref[2]))
            return out[["ftPesc", "ftdPescdT", "ftdPescdTb"].index(function)].value
        if function in ("ftkappa", "ftdkappadT"):
            self.check(lib.filmtherm_thermal_conductivity(models["kappa"], 1, d(a), ref[0],
                                                          ref[1]))
            return out[0 if function == "ftkappa" else 1].value
        raise KeyError(function)


@pytest.fixture(scope="session")
def capi():
    return CApi(os.environ["FILMTHERM_LIBRARY"])
