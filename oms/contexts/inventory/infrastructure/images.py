"""Adding and removing product images: the bytes are checked, stored, then recorded.

The file is written before its row and removed again should the row not commit, so a row never
points at nothing; a crash between the two leaves at worst an unreferenced file. Files of a removed
image are deleted only after the removal commits, so a rolled-back removal loses no file.
Thumbnails are asked for once the row has committed: the worker must be able to see it.
"""

import uuid
from collections.abc import Iterable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from oms.contexts.inventory.application.images import inspect_image
from oms.contexts.inventory.contracts.dtos import ImageUpload, ProductImageView
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.infrastructure.image_records import (
    ProductImageRecord,
    delete_files,
    folder,
    image_view,
    limits,
)
from oms.contexts.inventory.infrastructure.image_tasks import request_thumbnails
from oms.contexts.inventory.infrastructure.models import ProductRecord
from oms.shared_kernel.errors import InvalidValue, NotFound


def add_image(*, sku: str, upload: ImageUpload) -> ProductImageView:
    allowed = limits()
    facts = inspect_image(upload.content, max_bytes=allowed.max_bytes, max_pixels=allowed.max_pixels)
    code = str(_sku(sku))
    if not ProductRecord.objects.filter(sku=code).exists():
        raise NotFound(f"No product has SKU {code}.")
    image_id = uuid.uuid4()
    name = default_storage.save(
        f"{folder(code, image_id)}/original.{facts.extension}", ContentFile(upload.content)
    )
    try:
        with transaction.atomic():
            record = ProductImageRecord.objects.create(
                id=image_id,
                product_id=code,
                original=name,
                content_type=facts.content_type,
                width=facts.width,
                height=facts.height,
                byte_size=len(upload.content),
            )
            transaction.on_commit(lambda: request_thumbnails(image_id))
    except BaseException:
        default_storage.delete(name)
        raise
    return image_view(record)


def remove_image(*, sku: str, image_id: uuid.UUID) -> None:
    code = str(_sku(sku))
    with transaction.atomic():
        record = ProductImageRecord.objects.select_for_update().filter(id=image_id, product__sku=code).first()
        if record is None:
            raise NotFound(f"Product {code} has no image {image_id}.")
        names = record.storage_names()
        record.delete()
        transaction.on_commit(lambda: delete_files(names))


def images_of(skus: Iterable[str]) -> dict[str, tuple[ProductImageView, ...]]:
    """Every listed SKU is a key, with its images oldest first (one query for a whole page)."""
    codes = {str(code) for code in map(_sku_or_none, skus) if code is not None}
    found: dict[str, list[ProductImageView]] = {code: [] for code in codes}
    for record in ProductImageRecord.objects.filter(product__sku__in=codes):
        found[record.product_id].append(image_view(record))
    return {code: tuple(views) for code, views in found.items()}


def _sku(raw: str) -> Sku:
    code = _sku_or_none(raw)
    if code is None:
        raise NotFound(f"No product has SKU {raw}.")
    return code


def _sku_or_none(raw: str) -> Sku | None:
    try:
        return Sku(raw)
    except InvalidValue:
        return None
