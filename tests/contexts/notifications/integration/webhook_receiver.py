"""A real HTTP receiver on loopback (http.server in a thread) that answers webhooks as scripted."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIMEOUT = "timeout"  # a scripted answer: stay silent longer than the sender waits


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Answers each POST with the next scripted status (or TIMEOUT), then 200 once the script is done."""

    script: list[int | str] = field(default_factory=list)
    silence_seconds: float = 1.0
    requests: list[Request] = field(default_factory=list)
    url: str = ""

    def answer(self) -> int | str:
        return self.script.pop(0) if self.script else 200


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.requests.append(
                Request(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            answer = receiver.answer()
            if answer == TIMEOUT:
                time.sleep(receiver.silence_seconds)
                answer = 200
            try:
                self.send_response(int(answer))
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:  # the sender gave up waiting and closed the connection
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def receiving(receiver: Receiver) -> Iterator[Receiver]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/oms"
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
