"""Product images: one row per image, its files in Django's storage (a folder, or an S3 bucket).

The row holds storage names, never URLs: the storage turns a name into a URL when it is shown, so
moving the files to a CDN or a bucket changes a setting, not the data.
"""

import logging
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

from oms.contexts.inventory.application.images import FORMATS
from oms.contexts.inventory.contracts.dtos import ImageLimits, ProductImageView, ThumbnailView
from oms.contexts.inventory.infrastructure.models import ProductRecord

logger = logging.getLogger(__name__)
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_MAX_PIXELS = 40_000_000
DEFAULT_THUMBNAIL_SIZES = (160, 480, 1024)


class ProductImageRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Within the context, so a relation is right: an image belongs to one product.
    product = models.ForeignKey(
        ProductRecord, on_delete=models.CASCADE, to_field="sku", db_column="sku", related_name="images"
    )
    original = models.CharField(max_length=255)
    content_type = models.CharField(max_length=32)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    byte_size = models.PositiveIntegerField()
    # {"160": "products/MUG/<id>/160.webp", ...}: filled in by the thumbnail task after the commit.
    thumbnails = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "inventory_product_image"
        ordering = ["created_at", "id"]
        verbose_name = "product image"

    def __str__(self) -> str:
        return f"{self.product_id} image {self.id}"

    def storage_names(self) -> list[str]:
        return [self.original, *self.thumbnails.values()]


def limits() -> ImageLimits:
    """INVENTORY_IMAGE_MAX_BYTES, INVENTORY_IMAGE_MAX_PIXELS and INVENTORY_THUMBNAIL_SIZES, or defaults."""
    sizes = getattr(settings, "INVENTORY_THUMBNAIL_SIZES", DEFAULT_THUMBNAIL_SIZES)
    return ImageLimits(
        max_bytes=getattr(settings, "INVENTORY_IMAGE_MAX_BYTES", DEFAULT_MAX_BYTES),
        max_pixels=getattr(settings, "INVENTORY_IMAGE_MAX_PIXELS", DEFAULT_MAX_PIXELS),
        content_types=tuple(content_type for content_type, _ in FORMATS.values()),
        thumbnail_sizes=tuple(sorted(int(size) for size in sizes)),
    )


def folder(sku: str, image_id: uuid.UUID) -> str:
    return f"products/{sku}/{image_id}"


def image_view(record: ProductImageRecord) -> ProductImageView:
    thumbnails = sorted((int(size), name) for size, name in record.thumbnails.items())
    return ProductImageView(
        id=record.id,
        sku=record.product_id,
        url=default_storage.url(record.original),
        content_type=record.content_type,
        width=record.width,
        height=record.height,
        thumbnails=tuple(
            ThumbnailView(size=size, url=default_storage.url(name)) for size, name in thumbnails
        ),
        created_at=record.created_at,
    )


def delete_files(names: Iterable[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:  # the row is gone already; a stray file is harmless, and logged
            logger.warning("could not delete %s from storage", name, exc_info=True)
