"""Messaging metrics: backlog, publish lag, outcomes by type and handler durations."""

import contextlib
from collections.abc import Iterator

from prometheus_client import REGISTRY, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

PUBLISHED = Counter("oms_outbox_published_total", "Outbox messages published", ["type"])
PUBLISH_FAILED = Counter("oms_outbox_publish_failed_total", "Relay runs that failed to publish", ["outbox"])
DEAD = Counter("oms_messages_dead_total", "Messages parked as dead", ["type"])
HANDLER_FAILED = Counter("oms_handler_failures_total", "Handler attempts that raised", ["handler"])
PUBLISH_LAG = Histogram(
    "oms_outbox_publish_lag_seconds",
    "From the business commit to the relay's publish",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300),
)
HANDLER_DURATION = Histogram(
    "oms_handler_duration_seconds",
    "Time spent in a message handler, inbox claim included",
    ["handler"],
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10),
)


def observe_published(message_type: str, lag_seconds: float) -> None:
    PUBLISHED.labels(message_type).inc()
    PUBLISH_LAG.observe(max(lag_seconds, 0.0))


def observe_publish_failure(outbox: str) -> None:
    PUBLISH_FAILED.labels(outbox).inc()


def observe_dead(message_type: str) -> None:
    DEAD.labels(message_type).inc()


def observe_handler_failure(handler: str) -> None:
    HANDLER_FAILED.labels(handler).inc()


def observe_handler_duration(handler: str, seconds: float) -> None:
    HANDLER_DURATION.labels(handler).observe(seconds)


class OutboxBacklogCollector(Collector):
    """Counts unpublished rows per outbox at scrape time, so the gauge is never stale."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from oms.platform.messaging.bus import bus  # noqa: PLC0415  (models load after settings)

        gauge = GaugeMetricFamily("oms_outbox_backlog", "Unpublished outbox messages", labels=["outbox"])
        for model in bus.outboxes():
            try:
                count = model._default_manager.filter(published_at__isnull=True).count()
            except Exception:  # a scrape must not fail because the database is briefly away  # noqa: S112
                continue
            gauge.add_metric([model._meta.label], count)
        yield gauge


def register_backlog_collector() -> None:
    # ready() can run twice under some test runners; the second registration is refused, harmlessly.
    with contextlib.suppress(ValueError):
        REGISTRY.register(OutboxBacklogCollector())
