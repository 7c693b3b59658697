"""Each context owns its tables: prefixed by its label, and never joined to another context's.

A ForeignKey across contexts would tie two future services to one database; an order holds a
`customer_id` and a `sku`, not a relation.
"""

# The throwaway models below are never displayed, so they need no __str__.
# ruff: noqa: DJ008

from collections.abc import Iterable

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

CONTEXTS = ("identity", "inventory", "orders", "payments", "notifications")


def boundary_violations(records: Iterable[type[models.Model]]) -> list[str]:
    problems = []
    for record in records:
        label = record._meta.app_label
        if not record._meta.db_table.startswith(f"{label}_"):
            problems.append(f"{record._meta.label} lives in table {record._meta.db_table!r}")
        # Reverse relations are listed too: a relation is reported from both of its ends.
        for field in record._meta.get_fields():
            target = field.related_model if field.is_relation else None
            if target is None or not isinstance(target, type):
                continue
            other = target._meta.app_label
            if other in CONTEXTS and other != label:
                problems.append(f"{record._meta.label}.{field.name} relates to {target._meta.label}")
    return problems


def context_records(registry, label: str) -> list[type[models.Model]]:
    # Auto-created many-to-many tables count: they belong to the context that declared the field.
    return list(registry.get_app_config(label).get_models(include_auto_created=True))


@pytest.mark.parametrize("label", CONTEXTS)
def test_a_context_keeps_its_tables_to_itself(label):
    assert boundary_violations(context_records(apps, label)) == []


# The checker itself, on throwaway models, so that the test above is known to be able to fail.

ISOLATED = ("oms.contexts.inventory.infrastructure", "oms.contexts.orders.infrastructure", "oms.platform")


def test_the_checker_refuses_a_foreign_key_into_another_context():
    with isolate_apps(*ISOLATED) as registry:

        class Product(models.Model):
            class Meta:
                app_label = "inventory"

        class Order(models.Model):
            product = models.ForeignKey(Product, on_delete=models.PROTECT)

            class Meta:
                app_label = "orders"

        assert boundary_violations(context_records(registry, "orders")) == [
            "orders.Order.product relates to inventory.Product"
        ]
        assert boundary_violations(context_records(registry, "inventory")) == [
            "inventory.Product.order relates to orders.Order"
        ]


def test_the_checker_refuses_a_many_to_many_into_another_context_and_its_link_table():
    with isolate_apps(*ISOLATED) as registry:

        class Product(models.Model):
            class Meta:
                app_label = "inventory"

        class Order(models.Model):
            products = models.ManyToManyField(Product)

            class Meta:
                app_label = "orders"

        assert sorted(boundary_violations(context_records(registry, "orders"))) == [
            "orders.Order.products relates to inventory.Product",
            "orders.Order_products.product relates to inventory.Product",
        ]


def test_the_checker_refuses_a_table_without_the_context_prefix():
    with isolate_apps(*ISOLATED) as registry:

        class Order(models.Model):
            class Meta:
                app_label = "orders"
                db_table = "order"

        assert boundary_violations(context_records(registry, "orders")) == [
            "orders.Order lives in table 'order'"
        ]


def test_the_checker_allows_relations_inside_a_context_and_to_non_context_apps():
    with isolate_apps(*ISOLATED) as registry:

        class Outbox(models.Model):
            class Meta:
                app_label = "platform"

        class Order(models.Model):
            class Meta:
                app_label = "orders"

        class OrderLine(models.Model):
            order = models.ForeignKey(Order, on_delete=models.CASCADE)
            outbox = models.OneToOneField(Outbox, on_delete=models.CASCADE)

            class Meta:
                app_label = "orders"

        assert boundary_violations(context_records(registry, "orders")) == []
