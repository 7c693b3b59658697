"""The inventory's back office: every change through the use cases, the domain's refusals shown."""

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile

from oms.contexts.inventory.infrastructure.image_records import ProductImageRecord
from oms.contexts.inventory.infrastructure.models import ProductRecord, StockLevel, StockMovementRecord
from tests.contexts.inventory.api.pictures import picture
from tests.contexts.inventory.integration.conftest import reserve_in_the_past

pytestmark = pytest.mark.django_db
PRODUCTS = "/admin/inventory/productrecord/"
NEW = {
    "sku": "pen-1",
    "name": "Pen",
    "description": "",
    "price_amount": "2.50",
    "price_currency": "EUR",
    "active": "on",
    "images-TOTAL_FORMS": "0",
    "images-INITIAL_FORMS": "0",
}


def mug(*, field: str = "pk") -> str:
    return str(getattr(ProductRecord.objects.get(sku="MUG"), field))


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_products_are_searched_and_filtered(admin_client, catalog):
    response = admin_client.get(PRODUCTS, {"q": "mug", "active__exact": "1"})

    assert response.status_code == 200
    assert b"A mug" in response.content
    assert b"A cup" not in response.content


def test_a_products_page_shows_its_stock_read_only(admin_client, catalog):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), MUG=2)

    response = admin_client.get(f"{PRODUCTS}{mug()}/change/")

    assert response.status_code == 200
    fields = {
        line.field["name"]: line.contents() for form in response.context["adminform"] for line in _lines(form)
    }
    assert (fields["on_hand"], fields["reserved"], fields["available"]) == ("5", "2", "3")


def _lines(fieldset):
    for line in fieldset:
        for field in line:
            if field.is_readonly:
                yield field


def test_a_product_listed_in_the_admin_is_listed_through_the_catalog_with_a_stock_level(admin_client, db):
    response = admin_client.post(f"{PRODUCTS}add/", NEW)

    assert response.status_code == 302
    assert ProductRecord.objects.get(sku="PEN-1").name == "Pen"
    assert StockLevel.objects.filter(sku="PEN-1").exists()


def test_a_change_in_the_admin_is_a_new_version_of_the_product(admin_client, catalog):
    response = admin_client.post(f"{PRODUCTS}{mug()}/change/", {**NEW, "name": "Big mug"})

    assert response.status_code == 302
    assert (mug(field="name"), mug(field="version")) == ("Big mug", "1")


def test_a_price_the_domain_refuses_is_a_form_error_and_changes_nothing(admin_client, catalog):
    response = admin_client.post(f"{PRODUCTS}{mug()}/change/", {**NEW, "price_amount": "0"})

    assert response.status_code == 200
    assert "must cost more than nothing" in str(response.context["adminform"].form.errors)
    assert mug(field="version") == "0"


def test_stock_is_adjusted_with_a_reason_and_a_ledger_entry_naming_the_staff_member(
    admin_client, admin_user, catalog
):
    response = admin_client.post(f"{PRODUCTS}{mug()}/adjust-stock/", {"delta": "10", "reason": "restock"})

    assert response.status_code == 302
    assert said(response) == ["Stock of MUG is now 15 on hand."]
    entry = StockMovementRecord.objects.filter(sku="MUG").order_by("-id").first()
    assert (entry.delta, entry.reason, entry.actor) == (10, "restock", f"staff:{admin_user.pk}")


def test_an_adjustment_the_domain_refuses_is_shown_and_changes_nothing(admin_client, catalog):
    reserve_in_the_past(uuid.uuid4(), ago=timedelta(minutes=1), MUG=4)

    response = admin_client.post(f"{PRODUCTS}{mug()}/adjust-stock/", {"delta": "-3", "reason": "damage"})

    assert response.status_code == 200
    assert said(response) == ["Stock of MUG cannot drop to 2: 4 units are reserved for orders."]
    assert StockLevel.objects.get(sku="MUG").on_hand == 5


def test_an_image_is_added_on_its_products_page_and_checked_like_an_upload(admin_client, catalog):
    page = f"{PRODUCTS}{mug()}/add-image/"

    refused = admin_client.post(page, {"file": SimpleUploadedFile("mug.png", b"plain text")})
    added = admin_client.post(page, {"file": SimpleUploadedFile("mug.png", picture(320, 200))})

    assert "not a JPEG, PNG or WebP" in str(refused.context["form"].errors)
    assert added.status_code == 302
    assert ProductImageRecord.objects.filter(product__sku="MUG").count() == 1


def test_removing_an_image_in_the_admin_removes_its_files(
    admin_client, catalog, settings, django_capture_on_commit_callbacks
):
    admin_client.post(f"{PRODUCTS}{mug()}/add-image/", {"file": SimpleUploadedFile("m.png", picture())})
    image = ProductImageRecord.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/inventory/productimagerecord/{image.pk}/delete/", {"post": "yes"}
        )

    assert response.status_code == 302
    assert not ProductImageRecord.objects.exists()
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_products_are_withdrawn_from_sale_through_the_catalog(admin_client, catalog):
    ids = list(ProductRecord.objects.values_list("pk", flat=True))

    admin_client.post(PRODUCTS, {"action": "deactivate", "_selected_action": ids})

    assert set(ProductRecord.objects.values_list("active", "version")) == {(False, 1)}


@pytest.mark.parametrize("model", ["reservationrecord", "stockmovementrecord", "stocklevel"])
def test_reservations_the_ledger_and_stock_levels_are_read_only(admin_client, catalog, model):
    assert admin_client.get(f"/admin/inventory/{model}/").status_code == 200
    assert admin_client.get(f"/admin/inventory/{model}/add/").status_code == 403
