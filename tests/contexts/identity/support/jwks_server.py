"""A JWKS endpoint on loopback that counts its fetches: the provider's keys, without the provider
(or in front of a real provider's JWKS, passing its keys through, to count the OMS's fetches)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests

from tests.contexts.identity.support.keys import SigningKey


class JwksServer:
    def __init__(self, keys: list[SigningKey], *, upstream: str | None = None) -> None:
        self.keys = list(keys)
        self.upstream = upstream
        self.fetches = 0
        self.up = True
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/jwks"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.fetches += 1
                if not owner.up:
                    self._send(503, {})
                elif owner.upstream:
                    self._send(200, requests.get(owner.upstream, timeout=5).json())
                else:
                    self._send(200, {"keys": [key.public_jwk() for key in owner.keys]})

            def _send(self, status: int, body: dict[str, Any]) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet: pytest shows the failures that matter

        return Handler
