"""Runs import-linter as CI does, on the real tree or on a throwaway copy of it."""

import configparser
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CONFIG = "importlinter.ini"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@cache
def contract_names() -> dict[str, str]:
    """Contract id (the section suffix) -> the name lint-imports prints."""
    parser = configparser.ConfigParser()
    parser.read(REPO_ROOT / CONFIG)
    prefix = "importlinter:contract:"
    return {s.removeprefix(prefix): parser[s]["name"] for s in parser.sections() if s.startswith(prefix)}


@dataclass(frozen=True)
class LintResult:
    returncode: int
    output: str

    def status(self, contract_id: str) -> str:
        """KEPT or BROKEN, read from the summary line of that contract."""
        name = re.escape(contract_names()[contract_id])
        found = re.search(rf"^{name} (KEPT|BROKEN)\b", self.output, re.MULTILINE)
        assert found, f"no summary line for contract {contract_id!r} in:\n{self.output}"
        return found[1]

    def broken(self) -> set[str]:
        return {cid for cid in contract_names() if self.status(cid) == "BROKEN"}


def run_lint_imports(root: Path) -> LintResult:
    # PYTHONPATH first so grimp finds the `oms` under `root`, not the editable install's; a wide
    # COLUMNS keeps rich from wrapping the long contract names across lines.
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "1000", "NO_COLOR": "1"}
    completed = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", CONFIG],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return LintResult(completed.returncode, completed.stdout + completed.stderr)


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    """A private copy of `oms/` and the contracts, safe to plant violations in."""
    shutil.copytree(REPO_ROOT / "oms", tmp_path / "oms", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / CONFIG, tmp_path / CONFIG)
    return tmp_path


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def contract_ids() -> set[str]:
    return set(contract_names())


@pytest.fixture
def lint() -> Callable[[Path], LintResult]:
    return run_lint_imports
