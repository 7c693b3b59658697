"""What the inventory facade takes and returns."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from oms.shared_kernel.messages import MoneyPayload


@dataclass(frozen=True, kw_only=True)
class ProductQuote:
    """A product's current price and availability, as the orders context snapshots it at placement."""

    sku: str
    name: str
    price: MoneyPayload
    active: bool
    available: int


@dataclass(frozen=True, kw_only=True)
class ProductView:
    """A catalog entry as clients see it; ``available`` counts a lapsed hold as gone at once."""

    sku: str
    name: str
    description: str
    price: MoneyPayload
    active: bool
    available: int
    version: int


@dataclass(frozen=True, kw_only=True)
class ProductPage:
    """One page of a catalog listing and how many products match in all."""

    count: int
    results: tuple[ProductView, ...]


@dataclass(frozen=True, kw_only=True)
class StockLevelView:
    sku: str
    on_hand: int
    reserved: int
    available: int


@dataclass(frozen=True, kw_only=True)
class AdjustmentResult:
    """The stock level after an adjustment, and the ledger entry that recorded it."""

    sku: str
    delta: int
    reason: str
    actor: str
    on_hand: int
    reserved: int
    available: int
    occurred_at: datetime


@dataclass(frozen=True, kw_only=True)
class ImageLimits:
    """What an upload may be: the API checks the size before reading, the image check does the rest."""

    max_bytes: int
    max_pixels: int
    content_types: tuple[str, ...]
    thumbnail_sizes: tuple[int, ...]


@dataclass(frozen=True, kw_only=True)
class ImageUpload:
    """A file as a client sent it. Its name is only a hint: what it is, is read from its bytes."""

    filename: str
    content: bytes


@dataclass(frozen=True, kw_only=True)
class ThumbnailView:
    size: int  # the longest side is at most this many pixels
    url: str


@dataclass(frozen=True, kw_only=True)
class ProductImageView:
    """An image of a product; ``thumbnails`` stays empty until the worker has made them."""

    id: UUID
    sku: str
    url: str
    content_type: str
    width: int
    height: int
    thumbnails: tuple[ThumbnailView, ...]
    created_at: datetime
