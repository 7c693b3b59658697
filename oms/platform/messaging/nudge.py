"""After a commit, ask for a relay run now rather than at the next sweep. Best effort by design.

A failed nudge (broker down) costs latency only: the rows wait in the outbox and the periodic relay,
or ``manage.py relay_outbox``, publishes them once the broker is back. It must never fail the request.

Nudges coalesce: a commit enqueues a relay run only if none is waiting. The flag is cleared by the
run as it starts, before it claims rows, so every commit that found the flag set is seen by that run.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)
FLAG_SECONDS = 10  # a run lost before it started stops suppressing nudges after this long


def nudge_flag_key() -> str:
    # Per database, so test runs (or tenants) sharing one Redis never suppress each other's nudges.
    return f"oms:relay-queued:{connection.settings_dict['NAME']}"


def nudge_relay() -> None:
    if not settings.MESSAGING_NUDGE_ON_COMMIT:
        return
    from oms.platform.messaging.tasks import relay_outbox  # noqa: PLC0415  (tasks import this module's users)

    try:
        if not cache.add(nudge_flag_key(), 1, timeout=FLAG_SECONDS):
            return
        relay_outbox.apply_async(queue="platform", retry=False)
    except Exception:  # the broker is optional at this instant; the sweep is the guarantee
        logger.warning("could not nudge the outbox relay; the periodic sweep will publish", exc_info=True)
        clear_nudge_flag()


def clear_nudge_flag() -> None:
    try:
        cache.delete(nudge_flag_key())
    except Exception:  # a cache outage only costs coalescing, never correctness
        logger.warning("could not clear the relay nudge flag", exc_info=True)
