"""A Stripe-shaped payment provider on loopback, for testing the HTTP adapter over real HTTP.

It deduplicates by ``Idempotency-Key`` as Stripe does (a repeated key gets the first response and
moves no money), counts what it really did per key in ``charges``, and injects faults, one per
request, from ``faults``: ``"500"`` answers a server error, ``"401"`` refuses our credentials,
``"drop"`` closes the connection without a word, ``"slow"`` does the work but answers only after
``slow_seconds``.
"""

import json
import socket
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

DECLINE = {"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined."}}


@dataclass(frozen=True)
class Received:
    path: str
    key: str | None
    authorization: str | None
    form: dict[str, str]


class FakeProvider:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self.charges: Counter[str] = Counter()
        self.faults: deque[str] = deque()
        self.slow_seconds = 0.5
        self._answers: dict[str, tuple[int, dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> "FakeProvider":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, path: str, key: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            if key not in self._answers:
                self._answers[key] = _decide(path, form, len(self._answers) + 1)
                self.charges[key] += 1
            return self._answers[key]


def _decide(path: str, form: dict[str, str], number: int) -> tuple[int, dict[str, Any]]:
    if path == "/v1/payment_intents":
        if form.get("payment_method_data[card][token]") == "tok_chargeDeclined":
            return 402, DECLINE
        return 200, {"id": f"pi_{number}", "object": "payment_intent", "status": "requires_capture"}
    if path.endswith("/capture"):
        return 200, {"id": path.split("/")[3], "status": "succeeded"}
    if path.endswith("/cancel"):
        return 200, {"id": path.split("/")[3], "status": "canceled"}
    if path == "/v1/refunds":
        return 200, {"id": f"re_{number}", "object": "refund", "status": "succeeded"}
    return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL {path}"}}


def _handler_for(provider: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            form, key = dict(parse_qsl(body)), self.headers.get("Idempotency-Key")
            provider.received.append(Received(self.path, key, self.headers.get("Authorization"), form))
            fault = provider.faults.popleft() if provider.faults else None
            if fault == "drop":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if fault == "401":
                return self._send(
                    401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key"}}
                )
            if fault == "500":
                return self._send(500, {"error": {"type": "api_error", "message": "Something went wrong."}})
            status, answer = provider.answer(self.path, key or "", form)
            if fault == "slow":
                time.sleep(provider.slow_seconds)
            self._send(status, answer)

        def _send(self, status: int, body: dict[str, Any]) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler
