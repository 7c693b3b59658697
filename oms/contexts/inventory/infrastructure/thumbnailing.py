"""Thumbnails of a stored image: read the original, call the pure function, store what it made.

Safe to run twice, or after the image was removed: sizes already made are skipped, a rerun replaces
a file instead of piling up copies, and files made for an image removed meanwhile are deleted again.
"""

import logging
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from oms.contexts.inventory.application.images import THUMBNAIL_EXTENSION, make_thumbnails
from oms.contexts.inventory.infrastructure.image_records import (
    ProductImageRecord,
    delete_files,
    folder,
    limits,
)
from oms.shared_kernel.errors import InvalidValue

logger = logging.getLogger(__name__)
GIVE_UP_AFTER = timedelta(days=1)


def render_thumbnails(image_id: uuid.UUID) -> int:
    """How many thumbnails were made (0: none missing, or the image is gone or unreadable)."""
    record = ProductImageRecord.objects.filter(id=image_id).first()
    if record is None:
        return 0
    allowed = limits()
    missing = [size for size in allowed.thumbnail_sizes if str(size) not in record.thumbnails]
    if not missing:
        return 0
    with default_storage.open(record.original, "rb") as original:
        data = original.read()
    try:
        made = make_thumbnails(data, missing, max_pixels=allowed.max_pixels)
    except InvalidValue:  # checked on upload, so the stored file was damaged since: retrying is no use
        logger.exception("image %s cannot be read; no thumbnails made", image_id)
        return 0
    where = folder(record.product_id, image_id)
    names = {
        str(size): _store(f"{where}/{size}.{THUMBNAIL_EXTENSION}", thumb) for size, thumb in made.items()
    }
    with transaction.atomic():
        current = ProductImageRecord.objects.select_for_update().filter(id=image_id).first()
        if current is None:  # removed while we worked
            delete_files(names.values())
            return 0
        current.thumbnails = {**current.thumbnails, **names}
        current.save(update_fields=["thumbnails"])
    return len(names)


def lacking_thumbnails(*, older_than: timedelta, limit: int) -> list[uuid.UUID]:
    """Recent images whose thumbnails should exist by now: the request for them was lost (broker down).

    Only a day back: an image whose thumbnails still cannot be made after that needs a person.
    """
    now = timezone.now()
    rows = ProductImageRecord.objects.filter(created_at__range=(now - GIVE_UP_AFTER, now - older_than))
    wanted = [str(size) for size in limits().thumbnail_sizes]
    lacking = rows.exclude(thumbnails__has_keys=wanted).order_by("created_at")
    return list(lacking.values_list("id", flat=True)[:limit])


def _store(name: str, content: bytes) -> str:
    default_storage.delete(name)  # so that save() keeps the name instead of inventing another
    return default_storage.save(name, ContentFile(content))
