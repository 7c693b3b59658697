"""Products to and from ``inventory_product`` rows."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from oms.contexts.inventory.application.ports import ProductQuery
from oms.contexts.inventory.domain import rules
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.infrastructure.models import ProductRecord
from oms.contexts.inventory.infrastructure.repositories import ConcurrentUpdate
from oms.shared_kernel.money import Money


class DjangoProductRepository:
    def get(self, sku: Sku) -> Product | None:
        record = ProductRecord.objects.filter(sku=str(sku)).first()
        return None if record is None else _product(record)

    def get_many(self, skus: Iterable[Sku]) -> dict[Sku, Product]:
        records = ProductRecord.objects.filter(sku__in=[str(sku) for sku in skus])
        return {Sku(record.sku): _product(record) for record in records}

    def add(self, product: Product) -> None:
        try:
            with transaction.atomic():  # a savepoint: the caller's transaction survives the refusal
                ProductRecord.objects.create(
                    sku=str(product.sku), version=product.version, **_fields(product)
                )
        except IntegrityError:  # a concurrent create of the same SKU committed first
            rules.sku_names_one_product(product.sku, taken=True)
            raise

    def save(self, product: Product) -> None:
        updated = ProductRecord.objects.filter(sku=str(product.sku), version=product.version).update(
            **_fields(product), version=F("version") + 1, updated_at=timezone.now()
        )
        if updated != 1:
            raise ConcurrentUpdate(f"Product {product.sku}")
        product.version += 1

    def search(self, query: ProductQuery) -> tuple[list[Product], int]:
        records = _matching(query)
        page = records.order_by(query.ordering, "sku")[query.offset : query.offset + query.limit]
        return [_product(record) for record in page], records.count()


def _matching(query: ProductQuery) -> "QuerySet[ProductRecord]":
    records = ProductRecord.objects.all()
    if query.skus is not None:
        records = records.filter(sku__in=[str(sku) for sku in query.skus])
    if query.active is not None:
        records = records.filter(active=query.active)
    if query.search:
        term = query.search.strip()
        records = records.filter(
            Q(sku__icontains=term) | Q(name__icontains=term) | Q(description__icontains=term)
        )
    return records


def _fields(product: Product) -> dict[str, object]:
    return {
        "name": product.name,
        "description": product.description,
        "price_amount": product.price.amount,
        "price_currency": product.price.currency,
        "active": product.active,
    }


def _product(record: ProductRecord) -> Product:
    return Product(
        Sku(record.sku),
        name=record.name,
        description=record.description,
        price=Money(record.price_amount, record.price_currency),
        active=record.active,
        version=record.version,
    )
