"""The benchmark's message and handler: the handler only records, in Redis, when it started."""

import os
import time
from dataclasses import dataclass

import redis

from bench.common import HANDLER, QUEUE, STARTS_KEY
from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork
from oms.shared_kernel.messages import IntegrationEvent, MoneyPayload


@dataclass(frozen=True, kw_only=True)
class Pinged(IntegrationEvent):
    message_type = "bench.Pinged.v1"
    ping_id: str
    price: MoneyPayload


class BenchUnitOfWork(DjangoUnitOfWork):
    outbox_model = NotificationsOutbox


_redis = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"))


def record_start(message: Pinged) -> None:
    _redis.hset(STARTS_KEY, message.ping_id, repr(time.time()))


def subscribe() -> None:
    bus.subscribe(Pinged, record_start, name=HANDLER, queue=QUEUE, inbox=NotificationsInbox)


def pinged(ping_id: str) -> Pinged:
    return Pinged(ping_id=ping_id, price=MoneyPayload(amount="12.50", currency="EUR"))
