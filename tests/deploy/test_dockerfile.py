"""The Dockerfile and the shell scripts around it pass their linters; every role is exec'd."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.tools import ROOT

SCRIPTS = ("docker-entrypoint.sh", "scripts/build-image", "scripts/ensure-ops-tools")


def linter(name: str) -> str:
    """hadolint and shellcheck come from PyPI with the dev extras, beside this Python."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install the dev extras (pip install -e '.[dev]')")
    return found


def lint(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_the_dockerfile_passes_hadolint():
    done = lint(linter("hadolint"), "--failure-threshold", "info", "Dockerfile")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_shell_script_passes_shellcheck(script):
    done = lint(linter("shellcheck"), "--severity", "style", script)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_role_of_the_entrypoint_replaces_the_shell_so_signals_reach_it():
    text = (ROOT / "docker-entrypoint.sh").read_text()
    branches = re.findall(r"^\s+([\w*|]+)\)\n(.*?);;", text, flags=re.DOTALL | re.MULTILINE)
    assert {role for role, _ in branches} >= {"web", "worker", "beat", "migrate", "manage", "*"}
    for role, body in branches:
        commands = [
            line.strip() for line in body.splitlines() if line.strip() and not line.strip().startswith("#")
        ]
        assert commands[0].startswith("exec "), role
