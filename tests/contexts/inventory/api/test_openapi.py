"""The OpenAPI schema describes the products API, and generating it warns about none of its views."""

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema_and_warnings(django_db_setup, django_db_blocker):
    GENERATOR_STATS.reset()
    with django_db_blocker.unblock():
        schema = SchemaGenerator().get_schema(request=None, public=True)
    # The stats keep each message once; they name the file of the serializer or view at fault.
    warnings = [message for message in GENERATOR_STATS._warn_cache if "contexts/inventory/" in message]
    return schema, warnings


def test_generating_the_schema_warns_about_no_inventory_view(schema_and_warnings):
    assert schema_and_warnings[1] == []


def test_every_products_operation_is_described(schema_and_warnings):
    paths = schema_and_warnings[0]["paths"]

    operations = {
        (path, method)
        for path, item in paths.items()
        if path.startswith("/api/v1/products/")
        for method in item
        if method != "parameters"
    }
    assert operations == {
        ("/api/v1/products/", "get"),
        ("/api/v1/products/", "post"),
        ("/api/v1/products/{sku}/", "get"),
        ("/api/v1/products/{sku}/", "patch"),
        ("/api/v1/products/{sku}/stock/", "get"),
        ("/api/v1/products/{sku}/stock/adjustments/", "post"),
        ("/api/v1/products/{sku}/images/", "post"),
        ("/api/v1/products/{sku}/images/{image_id}/", "delete"),
    }


def test_the_creating_posts_take_an_idempotency_key_and_images_come_as_multipart(schema_and_warnings):
    paths = schema_and_warnings[0]["paths"]

    for path in ("/api/v1/products/", "/api/v1/products/{sku}/stock/adjustments/"):
        assert "Idempotency-Key" in [
            p["name"] for p in paths[path]["post"]["parameters"] if p["in"] == "header"
        ]
    assert list(paths["/api/v1/products/{sku}/images/"]["post"]["requestBody"]["content"]) == [
        "multipart/form-data"
    ]


def test_a_price_is_a_decimal_string_and_a_currency(schema_and_warnings):
    price = schema_and_warnings[0]["components"]["schemas"]["Price"]

    assert {name: field["type"] for name, field in price["properties"].items()} == {
        "amount": "string",
        "currency": "string",
    }
