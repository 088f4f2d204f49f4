"""examples/python/*.py run headless (MPLBACKEND=Agg) and draw their pictures."""

import os
import subprocess
import sys

import pytest

EXAMPLES = ["fig2_heat_capacity.py", "fig3_thickness.py", "thickness_study.py"]
PICTURES = {"fig2_heat_capacity.py": "python-fig2-heat-capacity.png",
            "fig3_thickness.py": "python-fig3-thickness.png",
            "thickness_study.py": "python-thickness-study.png"}


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_runs_and_writes_its_png(example, source_dir, tmp_path):
    env = dict(os.environ, MPLBACKEND="Agg")
    result = subprocess.run([sys.executable, str(source_dir / "examples/python" / example),
                             str(tmp_path)], capture_output=True, text=True, env=env,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    picture = tmp_path / PICTURES[example]
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture.stat().st_size > 10_000
    # FILMTHERM_PICTURES_DIR collects the pictures (docs/img is refreshed from there).
    collect = os.environ.get("FILMTHERM_PICTURES_DIR")
    if collect:
        os.makedirs(collect, exist_ok=True)
        with open(os.path.join(collect, picture.name), "wb") as copy:
            copy.write(picture.read_bytes())
