"""The sides of the relay benchmark. "raw" publishes ready-made envelope dicts with no outbox; "relay"
claims, sends and marks outbox rows. Each comes as shipped and with the proposed publishing options:
a short ``argsrepr`` (the envelope's type and id instead of a repr of the whole payload) and one
producer held for the run instead of one acquired from the pool per message."""

import cProfile
import pstats
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import redis
from django.conf import settings
from kombu import Producer

from bench import common, message
from bench.common import HANDLER, QUEUE
from oms.config.celery import app
from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.bus import Subscription
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.relay import envelope_of, relay_pending
from oms.platform.messaging.tasks import deliver, send_delivery
from oms.platform.messaging.unit_of_work import outbox_row

Side = Callable[[list[dict[str, Any]], int], None]
_broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)


def reset() -> None:
    common.truncate(NotificationsOutbox, NotificationsInbox)
    _broker.delete(QUEUE)


def backlog(count: int) -> list[dict[str, Any]]:
    """``count`` unpublished rows, and the envelope dicts the raw side sends for the same messages."""
    rows = NotificationsOutbox.objects.bulk_create(
        outbox_row(NotificationsOutbox, message.pinged(f"b-{n}"), aggregate_id=f"b-{n}") for n in range(count)
    )
    return [envelope_of(row).to_dict() for row in rows]


def short_repr(envelope: dict[str, Any], handler: str) -> str:
    return f"({envelope['type']} {envelope['id']}, {handler})"


@contextmanager
def one_producer() -> Iterator[Producer]:
    with app.producer_or_acquire() as producer:
        yield producer


def raw(envelopes: list[dict[str, Any]], batch: int) -> None:
    for envelope in envelopes:
        deliver.apply_async(args=[envelope, HANDLER], queue=QUEUE)


def raw_proposed(envelopes: list[dict[str, Any]], batch: int) -> None:
    with one_producer() as producer:
        for envelope in envelopes:
            options = {"argsrepr": short_repr(envelope, HANDLER), "kwargsrepr": "{}", "producer": producer}
            deliver.apply_async(args=[envelope, HANDLER], queue=QUEUE, **options)


def relay(envelopes: list[dict[str, Any]], batch: int) -> None:
    relay_pending(send=send_delivery, batch_size=batch)


def relay_proposed(envelopes: list[dict[str, Any]], batch: int, *, shared: bool = True) -> None:
    with one_producer() if shared else nullcontext() as producer:

        def send(envelope: Envelope, subscription: Subscription) -> None:
            data = envelope.to_dict()
            options = {
                "argsrepr": short_repr(data, subscription.name),
                "kwargsrepr": "{}",
                "producer": producer,
            }
            deliver.apply_async(args=[data, subscription.name], queue=subscription.queue, **options)

        relay_pending(send=send, batch_size=batch)


def relay_short_repr(envelopes: list[dict[str, Any]], batch: int) -> None:
    relay_proposed(envelopes, batch, shared=False)


SIDES: dict[str, Side] = {
    "raw, as shipped": raw,
    "relay, as shipped": relay,
    "raw, proposed": raw_proposed,
    "relay, proposed": relay_proposed,
    "relay, short argsrepr only": relay_short_repr,
}


def rate(side: Side, count: int, batch: int) -> float:
    envelopes = backlog(count)
    started = time.perf_counter()
    side(envelopes, batch)
    elapsed = time.perf_counter() - started
    published = _broker.llen(QUEUE)
    if published != count:
        raise RuntimeError(f"{side.__name__} published {published} of {count} messages")
    reset()
    return count / elapsed


def profile(side: Side, count: int, batch: int) -> None:
    backlog(count)
    profiler = cProfile.Profile()
    profiler.runcall(side, [], batch)
    reset()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
