"""Celery tasks of the inventory: thin, scheduled by beat; the work is in the use cases."""

import logging

from celery import shared_task

from oms.contexts.inventory.application import expiry
from oms.contexts.inventory.infrastructure import reconcile
from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.image_tasks import make_missing_thumbnails, make_thumbnails
from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork

logger = logging.getLogger(__name__)
__all__ = ["expire_reservations", "make_missing_thumbnails", "make_thumbnails", "reconcile_inventory"]
EXPIRY_BATCH = 500


@shared_task(name="inventory.expire_reservations", acks_late=True)
def expire_reservations(limit: int = EXPIRY_BATCH) -> int:
    return expiry.expire_reservations(uow=DjangoInventoryUnitOfWork(), now=SystemClock().now(), limit=limit)


@shared_task(name="inventory.reconcile_inventory", acks_late=True)
def reconcile_inventory(fix: bool = False) -> int:
    """Returns how many problems were found; each is logged, for an operator or an alert."""
    report = reconcile.reconcile(now=SystemClock().now(), fix=fix)
    for problem in [*report.drifts, *report.orphans]:
        logger.warning("inventory drift: %s", problem)
    for problem in report.unmendable:
        logger.error("inventory drift not mended: %s", problem)
    return len(report.drifts) + len(report.orphans)
