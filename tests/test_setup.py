"""The Makefile's two entry points, read with `make -n` (what they would run, nothing run)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make")


def dry_run(target: str, tmp_path: Path) -> str:
    # a venv path that does not exist: make lists the install steps too
    done = subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def test_demo_installs_the_package_without_the_test_extras(tmp_path):
    demo = dry_run("demo", tmp_path)
    assert "pip install --quiet -e ." in demo
    assert "[test]" not in demo
    assert "[test]" in dry_run("test", tmp_path)


def test_demo_ends_by_saying_where_to_look_next(tmp_path):
    demo = dry_run("demo", tmp_path)
    ending = demo[demo.rindex("sitrep stats"):]
    assert "serve --db demo.db" in ending and "http://127.0.0.1:8000/" in ending
    assert "stories --db demo.db" in ending and "events --db demo.db --type" in ending


def test_the_readme_says_what_ci_run_adds_to_make_test():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "install -y -qq postgresql" in ci and "chromium" in ci and ci.rstrip().endswith(
        "make test")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = readme[readme.index("`.ci/run`"):][:300].lower()
    assert "exactly" not in said
    assert "postgresql" in said and "chromium" in said and "make test" in said
