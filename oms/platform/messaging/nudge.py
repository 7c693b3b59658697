"""After a commit, ask for a relay run now rather than at the next sweep. Best effort by design.

A failed nudge (broker down) costs latency only: the rows wait in the outbox and the periodic relay,
or ``manage.py relay_outbox``, publishes them once the broker is back. It must never fail the request.
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def nudge_relay() -> None:
    if not settings.MESSAGING_NUDGE_ON_COMMIT:
        return
    from oms.platform.messaging.tasks import relay_outbox  # noqa: PLC0415  (tasks import this module's users)

    try:
        relay_outbox.apply_async(queue="platform", retry=False)
    except Exception:  # the broker is optional at this instant; the sweep is the guarantee
        logger.warning("could not nudge the outbox relay; the periodic sweep will publish", exc_info=True)
