"""Mutated example files are refused the way a person can act on.

A generator takes every example device and study and makes, from a fixed
seed, a few hundred copies with one mistake each, of the kinds people make:
a unit of the wrong dimension, a unit left out, a number that is not one, a
misspelt key. Each copy is given to `filmtherm run` (devices) or
`filmtherm sweep` (studies), which must exit with 2, point at a file, line
and column, write nothing, and finish in seconds (no hang).
"""

import os
import random
import re
import shutil
import subprocess

import pytest

SEED = 20261202
MUTATIONS_PER_FILE = 60

# A unit of another dimension for each unit the examples use.
WRONG_UNIT = {"nm": "K", "um": "ps", "mm": "eV", "m": "K", "K": "nm", "ps": "nm", "ns": "K",
              "fs": "Ohm", "s": "m", "eV": "nm", "uA": "K", "Ohm": "nH", "kOhm": "K",
              "nH": "uA", "pH": "K", "nF": "Ohm", "m/s": "K", "km/s": "eV"}
QUANTITY = re.compile(r"(?<![\w./-])(-?\d+(?:\.\d+)?(?:e-?\d+)?) ?"
                      r"(nm|um|mm|m/s|km/s|m|K|ps|ns|fs|s|eV|uA|kOhm|Ohm|nH|pH|nF)(?![\w/^(])")
KEY = re.compile(r"^(\s*)([a-z_]{4,}):", re.M)


def mutations(text, rng):
    """Up to MUTATIONS_PER_FILE (kind, mutated text) pairs, each one mistake."""
    # Mistakes only in values, never in comments or quoted free text.
    def in_value(m):
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        return "#" not in before and before.count('"') % 2 == 0
    body = [(m.start(), m.end(), m) for m in QUANTITY.finditer(text) if in_value(m)]
    keys = [m for m in KEY.finditer(text)]
    candidates = []
    for start, end, m in body:
        number, unit = m.group(1), m.group(2)
        candidates.append(("wrong unit", text[:start] + f"{number} {WRONG_UNIT[unit]}"
                           + text[end:]))
        candidates.append(("no unit", text[:start] + number + text[end:]))
        candidates.append(("not a number", text[:start] + f"abc {unit}" + text[end:]))
    for m in keys:
        misspelt = m.group(2)[:-1] + "x" + m.group(2)[-1]
        candidates.append(("misspelt key", text[:m.start(2)] + misspelt + text[m.end(2):]))
    rng.shuffle(candidates)
    return candidates[:MUTATIONS_PER_FILE]


def cases():
    """(example path relative to examples/, mutation index) for every case."""
    source = os.environ.get("FILMTHERM_SOURCE_DIR", "")
    examples = []
    for folder in ("devices", "studies"):
        path = os.path.join(source, "examples", folder)
        if os.path.isdir(path):
            examples += [f"{folder}/{name}" for name in sorted(os.listdir(path))
                         if name.endswith(".yaml")]
    counts = {}
    for example in examples:
        with open(os.path.join(source, "examples", example)) as file:
            counts[example] = len(mutations(file.read(), random.Random(f"{SEED}-{example}")))
    return [(example, i) for example in examples for i in range(counts[example])]


@pytest.fixture(scope="module")
def examples_copy(source_dir, tmp_path_factory):
    """A private copy of examples/, so relative imports resolve as in the repository."""
    copy = tmp_path_factory.mktemp("mutations") / "examples"
    shutil.copytree(source_dir / "examples", copy,
                    ignore=shutil.ignore_patterns("plugin", "python", "c-api", "host"))
    return copy


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("example,index", cases())
def test_mutated_example_is_refused_with_a_place(example, index, examples_copy, filmtherm_exe,
                                                 tmp_path):
    original = (examples_copy / example).read_text()
    rng = random.Random(f"{SEED}-{example}")
    kind, text = mutations(original, rng)[index]
    mutated = (examples_copy / example).with_name(f"mutated-{index}.yaml")
    mutated.write_text(text)
    output = tmp_path / "out"
    before = listing(examples_copy)
    command = "sweep" if example.startswith("studies/") else "run"
    try:
        result = subprocess.run([str(filmtherm_exe), command, str(mutated), "--output",
                                 str(output), "--no-plot"], capture_output=True, text=True,
                                timeout=60)
    finally:
        after = listing(examples_copy)
        mutated.unlink()
    assert result.returncode == 2, (
        f"{kind} in {example} (case {index}): exit {result.returncode}\n{result.stderr}")
    assert re.search(r"\.yaml:\d+:\d+: ", result.stderr), result.stderr
    assert not output.exists() or not any(output.iterdir()), listing(output)
    assert after == before, f"files appeared: {set(after) - set(before)}"
