"""Notifications rendered and sent per second to a local SMTP server, one connection reused across
messages against a new connection per message, in one run.

Each message is what the e-mail channel does for real: the topic's three templates rendered with an
order's lines and totals (Django templates), the MIME message built (text and HTML), and the message
sent through Django's SMTP backend by the notifications' MailSender. The SMTP server is aiosmtpd in
its own process (its Sink handler accepts and discards), as a real mail relay would be. The variants
alternate round by round and the medians are reported, with rendering alone for scale. No database
is used. Usage (repository root):

    .venv/bin/python bench/notifications_smtp.py [--messages 500] [--rounds 5]
"""

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_smtp_server(port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink", "-l", f"127.0.0.1:{port}"]
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the SMTP server did not start")


def configure(port: int) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="oms.config.settings",
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
        SECRET_KEY="bench-only-secret-key-not-for-production-0123456789abcdef",
        ALLOWED_HOSTS="localhost",
    )
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()


def messages(count: int) -> Callable[[int], object]:
    """The i-th notification, rendered now from its topic's templates, as a domain Notification."""
    from oms.contexts.notifications.application import samples
    from oms.contexts.notifications.application.topics import Topic
    from oms.contexts.notifications.domain.channels import Channel
    from oms.contexts.notifications.domain.notification import (
        Cause,
        Content,
        Destination,
        Notification,
        NotificationId,
    )
    from oms.contexts.notifications.infrastructure.rendering import DjangoTemplateRenderer

    renderer, topics, customer = DjangoTemplateRenderer(), list(Topic), uuid.uuid4()
    contexts = {topic: samples.sample_context(topic) for topic in topics}

    def make(index: int) -> Notification:
        topic = topics[index % len(topics)]
        number = f"SO-{index:06d}"
        rendered = renderer.render(topic, Channel.EMAIL, contexts[topic] | {"number": number})
        return Notification(
            NotificationId.new(),
            cause=Cause(
                message_id=uuid.uuid4(), topic=topic.value, order_id=uuid.uuid4(), order_number=number
            ),
            destination=Destination(
                channel=Channel.EMAIL, target=str(customer), address="ada@example.com", recipient_id=customer
            ),
            content=Content(subject=rendered.subject, body=rendered.text, html=rendered.html),
            created_at=samples.sample_news(topic).occurred_at,
        )

    return make


def rate(count: int, step: Callable[[int], object]) -> float:
    started = time.perf_counter()
    for index in range(count):
        step(index)
    return count / (time.perf_counter() - started)


def main() -> None:
    options = parse()
    port = free_port()
    server = start_smtp_server(port)
    try:
        configure(port)
        from oms.contexts.notifications.infrastructure.mail import MailSender
        from oms.contexts.notifications.infrastructure.transports import EmailTransport

        make = messages(options.messages)
        reused_sender = MailSender(reuse=True)
        variants: dict[str, Callable[[int], object]] = {
            "render only": make,
            "render + send, one connection reused": lambda i: EmailTransport(reused_sender).send(make(i)),
            "render + send, a connection per message": lambda i: EmailTransport(MailSender(reuse=False)).send(
                make(i)
            ),
        }
        rates: dict[str, list[float]] = {name: [] for name in variants}
        rate(
            20, variants["render + send, one connection reused"]
        )  # warm-up: templates compiled, imports done
        for _ in range(options.rounds):
            for name, step in variants.items():
                rates[name].append(rate(options.messages, step))
                reused_sender.close()
        report(options, rates)
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(options: argparse.Namespace, rates: dict[str, list[float]]) -> None:
    one, five, _ = os.getloadavg()
    print(
        f"{platform.node()}: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; load average {one:.2f} (1 min), {five:.2f} (5 min)"
    )
    print(f"{options.messages} messages x {options.rounds} rounds, medians (and each round):")
    for name, values in rates.items():
        median = statistics.median(values)
        rounds = ", ".join(f"{value:,.0f}" for value in values)
        print(f"  {name:42s} {median:8,.0f} msg/s  {1000 / median:6.2f} ms/msg  [{rounds}]")
    reused = statistics.median(rates["render + send, one connection reused"])
    fresh = statistics.median(rates["render + send, a connection per message"])
    paired = [
        r / f
        for r, f in zip(
            rates["render + send, one connection reused"],
            rates["render + send, a connection per message"],
            strict=True,
        )
    ]
    print(
        f"  reused / per message: {reused / fresh:.2f}x (per round: {', '.join(f'{p:.2f}' for p in paired)})"
    )


if __name__ == "__main__":
    main()
