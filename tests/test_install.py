"""The built wheel carries the samples: ids resolve after a regular (non-editable) install."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from tests.conftest import ROOT


def test_wheel_install_resolves_sample_ids(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("gikit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "gikit/data/sample/xilinhot_2021.txt" in names and "gikit/data/sample/manifest.csv" in names
    assert "gikit/data/regions.csv" in names

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    code = ("import gikit, warnings; warnings.simplefilter('ignore');"
            "r = gikit.load_report('Xilinhot_2021');"
            "print(gikit.__file__); print(r.meta.region, r.meta.year, r.meta.template);"
            "print(len(gikit.list_samples()))")
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True)
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith(str(target))          # the installed copy, not the source tree
    assert lines[1] == "锡林浩特市 2021 fmt2021"
    assert lines[2] == "5"
