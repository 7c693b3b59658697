"""Thumbnails after the commit: made once, safe to repeat, and never lost with the request for them."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from oms.config.celery import app
from oms.contexts.inventory import facade
from oms.contexts.inventory.contracts.dtos import ImageUpload
from oms.contexts.inventory.infrastructure import image_tasks, thumbnailing
from oms.contexts.inventory.infrastructure.image_records import ProductImageRecord
from tests.contexts.inventory.api.pictures import picture
from tests.contexts.inventory.integration.conftest import stock_up

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def image_id(db):
    """An image whose upload committed but whose thumbnails were never asked for."""
    stock_up(MUG=0)
    return facade.add_product_image(
        sku="MUG", upload=ImageUpload(filename="m.png", content=picture(900, 600))
    ).id


def files(media: Path) -> list[str]:
    return sorted(path.name for path in media.rglob("*") if path.is_file())


def test_the_thumbnail_task_is_registered_under_its_stable_name():
    assert {"inventory.make_thumbnails", "inventory.make_missing_thumbnails"} <= set(app.tasks)


def test_thumbnails_are_made_in_each_configured_size(image_id, media, settings):
    settings.INVENTORY_THUMBNAIL_SIZES = [320, 100]

    assert image_tasks.make_thumbnails(str(image_id)) == 2
    assert files(media) == ["100.webp", "320.webp", "original.png"]
    assert [t.size for t in facade.product_images(skus=["MUG"])["MUG"][0].thumbnails] == [100, 320]


def test_running_the_task_again_makes_nothing_more(image_id, media):
    image_tasks.make_thumbnails(str(image_id))
    made = ProductImageRecord.objects.get(id=image_id).thumbnails

    assert image_tasks.make_thumbnails(str(image_id)) == 0
    assert ProductImageRecord.objects.get(id=image_id).thumbnails == made
    assert len(files(media)) == 4


def test_a_lost_thumbnail_is_made_again_under_the_same_name(image_id, media):
    image_tasks.make_thumbnails(str(image_id))
    record = ProductImageRecord.objects.get(id=image_id)
    record.thumbnails = {size: name for size, name in record.thumbnails.items() if size != "160"}
    record.save()

    assert image_tasks.make_thumbnails(str(image_id)) == 1
    assert ProductImageRecord.objects.get(id=image_id).thumbnails["160"].endswith(f"{image_id}/160.webp")
    assert len(files(media)) == 4


def test_an_image_removed_before_its_turn_gets_no_thumbnails(
    image_id, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        facade.remove_product_image(sku="mug", image_id=image_id)

    assert image_tasks.make_thumbnails(str(image_id)) == 0
    assert files(media) == []


def test_the_sweep_asks_again_for_thumbnails_whose_request_was_lost(image_id):
    ProductImageRecord.objects.filter(id=image_id).update(created_at=timezone.now() - timedelta(minutes=5))

    assert image_tasks.make_missing_thumbnails() == 1  # eager: the thumbnails are made at once
    assert image_tasks.make_missing_thumbnails() == 0


def test_the_sweep_leaves_fresh_uploads_to_their_own_request(image_id):
    assert thumbnailing.lacking_thumbnails(older_than=timedelta(minutes=2), limit=10) == []


def test_a_broker_that_is_down_does_not_fail_the_upload(image_id, monkeypatch):
    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("broker unreachable")

    monkeypatch.setattr(image_tasks.make_thumbnails, "apply_async", broker_down)

    image_tasks.request_thumbnails(image_id)  # logged, not raised: the sweep will ask again

    assert ProductImageRecord.objects.get(id=image_id).thumbnails == {}
