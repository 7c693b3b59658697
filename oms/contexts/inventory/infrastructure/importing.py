"""The unit of work of a catalog import: a chunk of products locked and read in one query, then
written in bulk.

The chunk's existing rows stay locked from the read to the commit, so their versions cannot move in
between and a bulk UPDATE is as safe as the repository's one-by-one optimistic save.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.infrastructure.models import InventoryOutbox, ProductRecord, StockLevel
from oms.contexts.inventory.infrastructure.repositories import ConcurrentUpdate
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork
from oms.shared_kernel.money import Money

WRITE_BATCH = 1000
COLUMNS = ("name", "description", "price_amount", "price_currency", "active", "version")
# On PostgreSQL, one statement per chunk and table, its values bound as one array per column: Django's
# bulk_update writes a CASE per column with a WHEN per row (quadratic: 150 s for 100,000 prices), and
# its bulk_create prepares every value through its field, which was half of an import's time.
_INSERT_FROM_ARRAYS = """
    INSERT INTO inventory_product
        (sku, name, description, price_amount, price_currency, active, version, created_at, updated_at)
    SELECT v.*, 0, %(now)s, %(now)s
    FROM unnest(%(sku)s::text[], %(name)s::text[], %(description)s::text[], %(price_amount)s::numeric[],
                %(price_currency)s::text[], %(active)s::boolean[]) AS v
"""
_INSERT_STOCK_LEVELS = """
    INSERT INTO inventory_stock_level (sku, on_hand, reserved, reserved_as_of, version, updated_at)
    SELECT v.sku, 0, 0, %(now)s, 0, %(now)s FROM unnest(%(sku)s::text[]) AS v(sku)
"""
_UPDATE_FROM_ARRAYS = """
    UPDATE inventory_product AS p
    SET name = v.name, description = v.description, price_amount = v.price_amount,
        price_currency = v.price_currency, active = v.active, version = v.version, updated_at = %s
    FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::numeric[], %s::text[], %s::boolean[], %s::integer[])
        AS v(id, name, description, price_amount, price_currency, active, version)
    WHERE p.id = v.id
"""


class DjangoCatalogImport(DjangoUnitOfWork):
    outbox_model = InventoryOutbox
    _ids: dict[Sku, int]

    def __init__(self, *, arrays: bool | None = None) -> None:
        """``arrays``: update through PostgreSQL arrays; by default, when the database is PostgreSQL."""
        super().__init__()
        self._arrays = connection.vendor == "postgresql" if arrays is None else arrays

    def lock_products(self, skus: Iterable[Sku]) -> dict[Sku, Product]:
        codes = sorted({str(sku) for sku in skus})
        # Locked in SKU order, so two imports (or an import and the API) never deadlock.
        rows = ProductRecord.objects.select_for_update().filter(sku__in=codes).order_by("sku")
        products = {}
        self._ids = {}
        for pk, sku, *fields in rows.values_list("pk", "sku", *COLUMNS):
            product = _product(Sku(sku), fields)
            products[product.sku], self._ids[product.sku] = product, pk
        return products

    def add_products(self, products: Sequence[Product]) -> None:
        if not products:
            return
        now = timezone.now()
        try:
            with transaction.atomic():  # a savepoint, so the refusal below is all the caller sees
                self._insert(products, now)
        except IntegrityError as exc:  # another request created one of these SKUs meanwhile
            raise ConcurrentUpdate("A product of this chunk") from exc

    def _insert(self, products: Sequence[Product], now: datetime) -> None:
        if self._arrays:
            values = [_fields(p) for p in products]
            columns: dict[str, Any] = {name: [row[name] for row in values] for name in values[0]}
            params = {**columns, "sku": [str(p.sku) for p in products], "now": now}
            with connection.cursor() as cursor:
                cursor.execute(_INSERT_FROM_ARRAYS, params)
                cursor.execute(_INSERT_STOCK_LEVELS, params)
            return
        ProductRecord.objects.bulk_create(
            [ProductRecord(sku=str(p.sku), created_at=now, updated_at=now, **_fields(p)) for p in products],
            batch_size=WRITE_BATCH,
        )
        StockLevel.objects.bulk_create(
            [StockLevel(sku=str(p.sku), reserved_as_of=now, updated_at=now) for p in products],
            batch_size=WRITE_BATCH,
        )

    def save_products(self, products: Sequence[Product]) -> None:
        if not products:
            return
        now = timezone.now()
        if self._arrays:
            rows = [(self._ids[p.sku], *_fields(p).values(), p.version + 1) for p in products]
            columns = [list(column) for column in zip(*rows, strict=True)]
            with connection.cursor() as cursor:
                cursor.execute(_UPDATE_FROM_ARRAYS, [now, *columns])
        else:  # the embedded SQLite: small catalogs, and no arrays
            records = [
                ProductRecord(pk=self._ids[p.sku], version=p.version + 1, updated_at=now, **_fields(p))
                for p in products
            ]
            ProductRecord.objects.bulk_update(records, [*COLUMNS, "updated_at"], batch_size=100)
        for product in products:
            product.version += 1


def _product(sku: Sku, fields: list[Any]) -> Product:
    """From the COLUMNS of a row, read without making a model instance: an import reads many."""
    name, description, amount, currency, active, version = fields
    return Product(
        sku, name=name, description=description, price=Money(amount, currency), active=active, version=version
    )


def _fields(product: Product) -> dict[str, Any]:
    """In the order of COLUMNS, less the version."""
    return {
        "name": product.name,
        "description": product.description,
        "price_amount": product.price.amount,
        "price_currency": product.price.currency,
        "active": product.active,
    }
