"""Celery tasks of the orders context: thin, scheduled by beat; the work is in the use cases."""

import logging
from datetime import date

from celery import shared_task

from oms.contexts.orders.application.sweeper import DEFAULT_BATCH, sweep_sagas
from oms.contexts.orders.infrastructure.clock import SystemClock
from oms.contexts.orders.infrastructure.reports import store_daily_report
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork

logger = logging.getLogger(__name__)


@shared_task(name="orders.sweep_sagas", acks_late=True)
def sweep_sagas_task(limit: int = DEFAULT_BATCH) -> dict[str, int]:
    report = sweep_sagas(uow=DjangoOrdersUnitOfWork(), clock=SystemClock(), limit=limit)
    if report.flagged:
        logger.warning("%d order sagas were flagged for attention", report.flagged)
    return {"resent": report.resent, "flagged": report.flagged, "skipped": report.skipped}


@shared_task(name="orders.sales_report", acks_late=True)
def sales_report_task(day: str = "") -> list[str]:
    """Yesterday's sales report (UTC), or ``day``'s (YYYY-MM-DD), stored through Django's default storage."""
    return store_daily_report(date.fromisoformat(day) if day else None)
