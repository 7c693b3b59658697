"""The command-line tools the deployment tests drive, as scripts/ensure-ops-tools installs them.

A tool is looked for in var/tools/bin, then on PATH. When it is missing, the test skips only if
ensure-ops-tools recorded that it could not install it (var/tools/unavailable, with the reason);
otherwise the test fails, because CI runs that script and a silent skip would hide a broken step.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "var" / "tools"
CHART = ROOT / "deploy" / "helm" / "oms"
TIMEOUT = 60


def tool(name: str) -> str:
    local = TOOLS / "bin" / name
    if local.is_file():
        return str(local)
    found = shutil.which(name)
    if found:
        return found
    reason = unavailable().get(name)
    if reason:
        pytest.skip(f"{name} could not be installed: {reason}")
    pytest.fail(f"{name} is missing: run scripts/ensure-ops-tools")


def unavailable() -> dict[str, str]:
    record = TOOLS / "unavailable"
    if not record.is_file():
        return {}
    lines = (line.split("\t", 1) for line in record.read_text().splitlines() if "\t" in line)
    return dict(lines)


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT)


def helm_template(*values: str, sets: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`helm template` of the chart with values files (relative to the chart) and --set pairs."""
    command = [tool("helm"), "template", "oms", str(CHART), "--namespace", "shop"]
    for name in values:
        command += ["--values", str(CHART / name)]
    for pair in sets:
        command += ["--set", pair]
    return run(*command)


def render(*values: str, sets: tuple[str, ...] = ()) -> list[dict]:
    done = helm_template(*values, sets=sets)
    assert done.returncode == 0, done.stderr
    return [doc for doc in yaml.safe_load_all(done.stdout) if doc]
