"""The test OpenID Connect provider (provider.js) as a child process on a loopback port.

Every wait is bounded and every start is paired with a stop, so a failing test leaves no provider
running; the provider's output is kept in its log file for the failure message.
"""

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.contexts.identity.support.keys import SigningKey

HERE = Path(__file__).resolve().parent
AUDIENCE = "urn:oms:api"
PASSWORD = "correct horse battery staple"
START_TIMEOUT = 20.0
STOP_TIMEOUT = 5.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def require_node() -> str:
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("the test OIDC provider needs Node.js and its packages: run scripts/ensure-test-tools")
    return node


class OidcProvider:
    def __init__(self, workdir: Path, *, redirect_uris: tuple[str, ...] = ()) -> None:
        self.workdir = workdir
        self.redirect_uris = redirect_uris
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.log = workdir / "oidc-provider.log"
        self._process: subprocess.Popen[bytes] | None = None

    def url(self, path: str) -> str:
        return f"{self.issuer}{path}"

    def start(self, keys: list[SigningKey]) -> None:
        """Listen with ``keys``, the first of which signs new tokens."""
        jwks = self.workdir / f"jwks-{time.monotonic_ns()}.json"
        jwks.write_text(json.dumps({"keys": [key.private_jwk() for key in keys]}))
        env = {
            "PATH": os.environ.get("PATH", ""),
            "OIDC_PORT": str(self.port),
            "OIDC_JWKS_FILE": str(jwks),
            "OIDC_REDIRECT_URIS": ",".join(self.redirect_uris),
            "OIDC_AUDIENCE": AUDIENCE,
        }
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                [require_node(), str(HERE / "provider.js")], cwd=HERE, env=env, stdout=log, stderr=log
            )
        self._wait_until_listening()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)

    def restart(self, keys: list[SigningKey]) -> None:
        self.stop()
        self.start(keys)

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                break
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"the test OIDC provider did not start:\n{self.log.read_text(errors='replace')}")
