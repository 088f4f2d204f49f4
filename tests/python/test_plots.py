"""Every example's plots are drawn and are pictures, not blank canvases.

Runs `filmtherm run` on each example device and `filmtherm sweep` on each
example study, then reads every PNG they write back with matplotlib and
checks what a reader would see at a glance: a full-size picture, mostly
background but with a real share of ink, and more than a handful of colours
(curves in several colours, a heat map's colour scale). A plot that gnuplot
drew empty (no data, a script error that still writes the canvas) or a
one-colour image fails.
"""

import os
import subprocess

import matplotlib.image
import numpy as np
import pytest

DEVICES = ["nbtin-6nm.yaml", "nbtin-wire.yaml", "yang2007-nbn.yaml"]
STUDIES = ["thickness-phonon-models.yaml", "thickness-bath-map.yaml",
           "wire-reset-latching.yaml"]


def filmtherm(*arguments, cwd):
    executable = os.environ["FILMTHERM_EXECUTABLE"]
    return subprocess.run([executable, *arguments], capture_output=True, text=True, cwd=cwd,
                          timeout=240)


def assert_readable_picture(path):
    """A PNG of at least 800 x 500 pixels with ink and colour in it."""
    image = matplotlib.image.imread(str(path))
    height, width = image.shape[:2]
    assert width >= 800 and height >= 500, f"{path.name}: {width} x {height} pixels"
    rgb = np.round(image[..., :3] * 255).astype(np.uint32)
    packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    colours = np.unique(packed).size
    assert colours > 16, f"{path.name}: only {colours} colours"
    # Ink: pixels away from the white background (axes, text, curves, cells).
    ink = np.mean(np.any(rgb < 200, axis=-1))
    assert 0.01 < ink < 0.95, f"{path.name}: {ink:.1%} of the picture is ink"


@pytest.mark.parametrize("device", DEVICES)
def test_each_example_device_plots(device, source_dir, tmp_path):
    result = filmtherm("run", str(source_dir / "examples/devices" / device), "--output",
                       str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pictures = sorted(tmp_path.glob("*.png"))
    assert pictures, f"{device}: no plot written ({result.stdout})"
    for picture in pictures:
        assert_readable_picture(picture)


@pytest.mark.parametrize("study", STUDIES)
def test_each_example_study_plots(study, source_dir, tmp_path):
    result = filmtherm("sweep", str(source_dir / "examples/studies" / study), "--output",
                       str(tmp_path), "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pictures = sorted(tmp_path.glob("*.png"))
    announced = [line for line in result.stdout.splitlines() if line.startswith("plot: ")]
    assert len(pictures) == len(announced) > 0, result.stdout
    for picture in pictures:
        assert_readable_picture(picture)
    if study == "thickness-bath-map.yaml":  # two numeric axes: a heat map per plot
        assert len(list(tmp_path.glob("*-map.png"))) == 2
