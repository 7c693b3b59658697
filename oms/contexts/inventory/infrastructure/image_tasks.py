"""Celery tasks of product images, on the inventory's queue: ids in, one call, out."""

import logging
import uuid
from datetime import timedelta

from celery import shared_task

from oms.contexts.inventory.infrastructure import thumbnailing

logger = logging.getLogger(__name__)
QUEUE = "inventory"
SWEEP_AFTER = timedelta(minutes=2)
SWEEP_BATCH = 100


@shared_task(
    name="inventory.make_thumbnails",
    acks_late=True,
    autoretry_for=(OSError,),  # storage briefly unreachable
    retry_backoff=True,
    max_retries=5,
)
def make_thumbnails(image_id: str) -> int:
    return thumbnailing.render_thumbnails(uuid.UUID(image_id))


@shared_task(name="inventory.make_missing_thumbnails", acks_late=True)
def make_missing_thumbnails(limit: int = SWEEP_BATCH) -> int:
    """The sweep behind the after-commit request: an image whose request was lost still gets thumbnails."""
    lacking = thumbnailing.lacking_thumbnails(older_than=SWEEP_AFTER, limit=limit)
    for image_id in lacking:
        make_thumbnails.apply_async((str(image_id),), queue=QUEUE)
    return len(lacking)


def request_thumbnails(image_id: uuid.UUID) -> None:
    """Called after the commit: a broker that is down must not fail the upload, the sweep catches up."""
    try:
        make_thumbnails.apply_async((str(image_id),), queue=QUEUE)
    except Exception:  # kombu raises many kinds; none may turn a stored upload into a 500
        logger.warning("thumbnails of image %s not requested; the sweep will", image_id, exc_info=True)
