"""Bulk upsert of the catalog by SKU: rows in, products created or changed through the domain.

Rows arrive as a stream and are taken a chunk at a time: one transaction per chunk, one query to
lock the chunk's existing products, one bulk write each for the new and the changed ones. Every row
still passes through the aggregate (Product.create, update, activate), so an import keeps every rule
a single API call keeps, and an unchanged row records nothing: a rerun reports 0 changed.
A bad row is reported with its line and skipped; the good rows around it are imported.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Protocol

from oms.contexts.inventory.application.importing.rows import ProductRow, RawRow, parse_row
from oms.contexts.inventory.application.messages import publish_events
from oms.contexts.inventory.application.ports import Clock
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import DomainError, InvalidValue
from oms.shared_kernel.unit_of_work import UnitOfWork

CHUNK = 1000


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str


@dataclass(slots=True)
class ImportSummary:
    """Each row read counts once: created, updated, unchanged, failed, or superseded by a later row of
    the same SKU in its chunk (the last one wins, so a rerun of the same file still changes nothing)."""

    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    superseded: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated


class CatalogImportUnitOfWork(UnitOfWork, Protocol):
    def lock_products(self, skus: Iterable[Sku]) -> dict[Sku, Product]:
        """The existing ones, locked in SKU order until the transaction ends; unknown SKUs are absent."""
        ...

    def add_products(self, products: Sequence[Product]) -> None:
        """New products, each with an empty stock level, as create_product leaves them."""
        ...

    def save_products(self, products: Sequence[Product]) -> None:
        """Changed products, read by lock_products in this transaction; their versions are bumped."""
        ...


OnError = Callable[[RowError], None]


def import_products(
    rows: Iterable[RawRow],
    *,
    uow: CatalogImportUnitOfWork,
    clock: Clock,
    dry_run: bool = False,
    chunk_size: int = CHUNK,
    on_error: OnError = lambda error: None,
    on_chunk: Callable[[ImportSummary], None] = lambda summary: None,
) -> ImportSummary:
    """With ``dry_run`` every chunk is rolled back: the summary tells what the import would change."""
    summary = ImportSummary()
    stream = iter(rows)
    while chunk := list(islice(stream, chunk_size)):
        summary.read += len(chunk)
        errors: list[RowError] = []
        wanted: dict[Sku, ProductRow] = {}
        for raw in chunk:
            try:
                row = parse_row(raw)
            except InvalidValue as refused:
                errors.append(RowError(raw.line, str(refused)))
                continue
            summary.superseded += row.sku in wanted
            wanted[row.sku] = row
        _import_chunk(
            list(wanted.values()), uow=uow, clock=clock, dry_run=dry_run, summary=summary, errors=errors
        )
        summary.failed += len(errors)
        for error in sorted(errors, key=lambda error: error.line):
            on_error(error)
        on_chunk(summary)
    return summary


def _import_chunk(
    rows: list[ProductRow],
    *,
    uow: CatalogImportUnitOfWork,
    clock: Clock,
    dry_run: bool,
    summary: ImportSummary,
    errors: list[RowError],
) -> None:
    created: list[Product] = []
    updated: list[Product] = []
    with uow:
        now = clock.now()
        existing = uow.lock_products(row.sku for row in rows)
        for row in rows:
            try:
                product = existing.get(row.sku)
                if product is None:
                    created.append(_create(row, now))
                elif _change(product, row, now):
                    updated.append(product)
                else:
                    summary.unchanged += 1
            except DomainError as refused:
                errors.append(RowError(row.line, str(refused)))
        uow.add_products(created)
        uow.save_products(updated)
        publish_events(uow, [*created, *updated])
        if not dry_run:
            uow.commit()
    summary.created += len(created)
    summary.updated += len(updated)


def _create(row: ProductRow, now: datetime) -> Product:
    if row.name is None or row.price is None:
        raise InvalidValue(f"{row.sku} is a new product: it needs a name and a price.")
    product = Product.create(
        sku=row.sku, name=row.name, description=row.description or "", price=row.price, now=now
    )
    if row.active is False:
        product.deactivate(now=now)
    return product


def _change(product: Product, row: ProductRow, now: datetime) -> bool:
    """Fields the row leaves out stay as they are; False when the row changes nothing."""
    product.update(now=now, name=row.name, description=row.description, price=row.price)
    if row.active is not None:
        (product.activate if row.active else product.deactivate)(now=now)
    return bool(product.pending_events)
