"""Runs a role of the built image the way a container runtime would, with no Docker engine.

buildah mounts the image's root filesystem; each run gets its own network namespace (loopback only),
PID namespace (the entrypoint's process is PID 1, as in a container), and mount namespace, where the
root is bind-mounted read-only with a tmpfs at /app/var, like ``docker run --read-only --tmpfs
/app/var --network none``. The user, environment, working directory and entrypoint come from the
image's own config, so the test runs what the image says, not a copy of it.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Inside the new namespaces, before dropping to the image's user: loopback up, read-only root,
# writable tmpfs at /app/var owned by that user, a private /proc, and the host's devices.
SETUP = r"""
set -eu
root="$1"; user="$2"; shift 2
ip link set lo up
mount --bind "$root" "$root"
mount -o remount,bind,ro "$root"
mount -t tmpfs -o "size=64m,mode=0700,uid=${user%%:*},gid=${user##*:}" tmpfs "$root/app/var"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
exec chroot --userspec="$user" "$root" "$@"
"""
START_TIMEOUT = 30.0


def buildah(*args: str) -> str:
    driver = os.environ.get("STORAGE_DRIVER")
    command = ["buildah", *(["--storage-driver", driver] if driver else []), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout.strip()


@dataclass
class ImageConfig:
    user: str
    env: dict[str, str]
    workdir: str
    entrypoint: list[str]
    healthcheck: list[str]
    stop_signal: str
    size: str

    @classmethod
    def of(cls, image: str) -> "ImageConfig":
        config = json.loads(buildah("inspect", "--type", "image", image))["Docker"]["config"]
        return cls(
            user=config["User"],
            env=dict(item.split("=", 1) for item in config["Env"]),
            workdir=config["WorkingDir"],
            entrypoint=config["Entrypoint"],
            healthcheck=config["Healthcheck"]["Test"],
            stop_signal=config.get("StopSignal") or "SIGTERM",
            size=buildah("images", "--format", "{{.Size}}", image),
        )


@dataclass
class Run:
    """One role running in its sandbox; ``pid`` is its PID 1, seen from the host."""

    process: subprocess.Popen[str]
    log: Path
    pid: int = 0
    output: str = field(default="")

    def wait(self, timeout: float) -> int:
        code = self.process.wait(timeout=timeout)
        self.output = self.log.read_text()
        return code

    def text(self) -> str:
        return self.log.read_text()

    def wait_for_output(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"never printed {text!r}:\n{self.text()}")
            time.sleep(0.3)


class ImageSandbox:
    def __init__(self, image: str, rootfs: Path, config: ImageConfig, workdir: Path) -> None:
        self.image, self.rootfs, self.config, self.workdir = image, rootfs, config, workdir

    def command(self, args: list[str], env: dict[str, str]) -> list[str]:
        variables = [f"{key}={value}" for key, value in {**self.config.env, **env}.items()]
        inner = ["/usr/bin/env", "-i", f"--chdir={self.config.workdir}", *variables]
        return [
            "unshare", "--net", "--mount", "--pid", "--fork", "--propagation", "private",
            "sh", "-c", SETUP, "sandbox", str(self.rootfs), self.config.user, *inner, *args,
        ]  # fmt: skip

    @contextmanager
    def run(self, *args: str, env: dict[str, str]) -> Iterator[Run]:
        """Starts the entrypoint with ``args``; whatever happens, nothing is left running."""
        log = self.workdir / f"run-{time.monotonic_ns()}.log"
        with log.open("w") as sink:
            process = subprocess.Popen(
                self.command([*self.config.entrypoint, *args], env),
                stdout=sink,
                stderr=subprocess.STDOUT,
                text=True,
                start_new_session=True,
            )
        run = Run(process, log)
        try:
            run.pid = pid_one(process)
            yield run
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    def http_get(self, run: Run, path: str, port: int = 8000) -> tuple[int, bytes]:
        """A GET on the sandbox's loopback, from the host's Python inside the sandbox's network."""
        probe = (
            "import sys, urllib.request as r, urllib.error as e\n"
            "try:\n"
            f"    x = r.urlopen('http://127.0.0.1:{port}{path}', timeout=3)\n"
            "except e.HTTPError as x:\n"
            "    print(x.code); sys.stdout.write(x.read().decode())\n"
            "else:\n"
            "    print(x.status); sys.stdout.write(x.read().decode())\n"
        )
        done = subprocess.run(
            ["nsenter", "--target", str(run.pid), "--net", sys.executable, "-c", probe],
            check=False,
            capture_output=True,
            text=True,
            timeout=10,
        )
        if done.returncode != 0:
            raise ConnectionError(done.stderr.strip().splitlines()[-1] if done.stderr else "no answer")
        status, _, body = done.stdout.partition("\n")
        return int(status), body.encode()

    def wait_until_serving(self, run: Run, path: str = "/healthz") -> tuple[int, bytes]:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                return self.http_get(run, path)
            except ConnectionError:
                if run.process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the web role never answered {path}:\n{run.text()}")
                time.sleep(0.3)

    def exec_in(self, run: Run, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        """Runs a command beside the role: same network, mounts and user, as a HEALTHCHECK would."""
        variables = [f"{key}={value}" for key, value in {**self.config.env, **env}.items()]
        command = [
            "nsenter", "--target", str(run.pid), "--net", "--mount", "--",
            "chroot", f"--userspec={self.config.user}", str(self.rootfs),
            "/usr/bin/env", "-i", f"--chdir={self.config.workdir}", *variables, *args,
        ]  # fmt: skip
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=30)


def pid_one(unshare: subprocess.Popen[str]) -> int:
    """The host PID of the sandbox's PID 1: unshare's only child."""
    children = Path(f"/proc/{unshare.pid}/task/{unshare.pid}/children")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if unshare.poll() is not None:
            return 0
        pids = children.read_text().split()
        if pids:
            return int(pids[0])
        time.sleep(0.05)
    pytest.fail("the sandbox's first process never started")


def missing_tools() -> list[str]:
    return [tool for tool in ("buildah", "unshare", "nsenter", "chroot", "ip") if shutil.which(tool) is None]


@contextmanager
def mounted(image: str) -> Iterator[Path]:
    """A working container of the image, mounted on the host, removed afterwards."""
    container = buildah("from", "--pull-never", "--quiet", image)
    try:
        yield Path(buildah("mount", container))
    finally:
        buildah("rm", container)
