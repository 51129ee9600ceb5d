"""The notebooks of ``notebooks/``: each runs top to bottom on the bundled samples, and is kept in git
without outputs (they are written by ``tools/make_notebooks.py``)."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: a hang guard per cell, not a speed test (speed belongs in benchmarks/)
CELL_TIMEOUT = 300


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_the_notebooks_the_issue_asks_for_exist():
    names = {p.stem for p in NOTEBOOKS}
    assert {"00_quickstart", "01_cross_regional_comparison", "02_data_quality_audit", "03_template_crosswalk",
            "04_teaching_exercise", "04_teaching_exercise_solutions"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a cell has outputs; run tools/make_notebooks.py"
            assert cell["execution_count"] is None, path.name


def test_notebooks_are_those_the_script_writes():
    """The committed notebooks are exactly what tools/make_notebooks.py produces (one source of truth)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_notebooks", ROOT / "tools" / "make_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name in mod.NOTEBOOK_CELLS:
        built = nbformat.writes(mod.build(name))
        stored = (ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8")
        assert json.loads(built) == json.loads(stored), f"{name}.ipynb is stale; run tools/make_notebooks.py"


def test_explorer_used_in_a_notebook():
    sources = {p.stem: "".join(c.source for c in nbformat.read(p, as_version=4).cells) for p in NOTEBOOKS}
    assert any(".explore()" in s for s in sources.values())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_runs_top_to_bottom(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError (with the cell and traceback) on any error
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    if path.stem == "01_cross_regional_comparison":
        images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                  if "image/png" in o.get("data", {})]
        assert len(images) >= 4, "the comparison draws its charts"
