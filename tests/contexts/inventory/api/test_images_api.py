"""Product images over HTTP: checked from their bytes, stored, and thumbnailed after the commit."""

import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.contexts.inventory.api.pictures import bomb, noise, picture

pytestmark = pytest.mark.django_db
IMAGES = "/api/v1/products/MUG/images/"


def upload(client, data: bytes, name: str = "mug.png", path: str = IMAGES):
    return client.post(path, {"file": SimpleUploadedFile(name, data)}, format="multipart")


def stored_files(settings) -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_an_uploaded_image_is_stored_and_shown_on_the_product(as_role, api_client, catalog, settings):
    response = upload(as_role("warehouse"), picture(640, 480, kind="JPEG"), name="mug.png")

    assert response.status_code == 201
    image = response.json()
    assert (image["content_type"], image["width"], image["height"]) == ("image/jpeg", 640, 480)
    assert image["url"] == f"http://testserver/media/products/MUG/{image['id']}/original.jpg"
    assert stored_files(settings) == [f"products/MUG/{image['id']}/original.jpg"]
    assert api_client.get("/api/v1/products/MUG/").json()["images"] == [image]


def test_thumbnails_appear_once_the_upload_has_committed(
    as_role, api_client, catalog, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as requested:
        image_id = upload(as_role("admin"), picture(1200, 900)).json()["id"]
    before = api_client.get("/api/v1/products/MUG/").json()["images"][0]["thumbnails"]

    for callback in requested:  # the commit, in eager mode: the task runs in process
        callback()

    after = api_client.get("/api/v1/products/MUG/").json()["images"][0]["thumbnails"]
    assert before == {}
    assert after == {
        str(size): f"http://testserver/media/products/MUG/{image_id}/{size}.webp" for size in (160, 480, 1024)
    }
    assert len(stored_files(settings)) == 4


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"Not an image at all, whatever the name says.\n", "mug.png"),
        (picture(kind="GIF"), "mug.gif"),
        (bomb(12_000), "bomb.png"),
    ],
    ids=["text-named-png", "gif", "decompression-bomb"],
)
def test_a_file_that_is_not_an_acceptable_image_is_a_400_problem_and_stores_nothing(
    as_role, catalog, settings, data, name
):
    response = upload(as_role("warehouse"), data, name=name)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"]["file"]
    assert stored_files(settings) == []


def test_an_image_over_the_size_limit_is_refused_and_stores_nothing(as_role, catalog, settings):
    settings.INVENTORY_IMAGE_MAX_BYTES = 100_000

    response = upload(as_role("warehouse"), noise(200, 200))  # about 120 kB

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The image is larger than the limit of 100,000 bytes."]
    assert stored_files(settings) == []


def test_a_body_far_over_the_limit_is_refused_from_its_content_length(as_role, catalog, settings):
    settings.INVENTORY_IMAGE_MAX_BYTES = 10_000

    response = upload(as_role("warehouse"), noise(200, 200))  # over the limit and the multipart slack

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The image is larger than the limit of 10,000 bytes."]


def test_an_upload_without_a_file_is_a_400_problem(as_role, catalog):
    response = as_role("warehouse").post(IMAGES, {}, format="multipart")

    assert response.status_code == 400
    assert "file" in response.json()["errors"]


def test_an_image_of_an_unknown_product_is_a_404_problem(as_role, db, settings):
    response = upload(as_role("warehouse"), picture(), path="/api/v1/products/LAMP/images/")

    assert response.status_code == 404
    assert stored_files(settings) == []


@pytest.mark.parametrize("role", ["customer", "support"])
def test_only_the_warehouse_and_admins_upload_images(as_role, catalog, role):
    assert upload(as_role(role), picture()).status_code == 403


def test_a_removed_image_leaves_the_product_and_its_files_leave_storage(
    as_role, api_client, catalog, settings, django_capture_on_commit_callbacks
):
    client = as_role("warehouse")
    with django_capture_on_commit_callbacks(execute=True):
        image_id = upload(client, picture(800, 600)).json()["id"]
        response = client.delete(f"{IMAGES}{image_id}/")

    assert response.status_code == 204
    assert api_client.get("/api/v1/products/MUG/").json()["images"] == []
    assert stored_files(settings) == []


def test_removing_an_unknown_image_is_a_404_problem(as_role, catalog):
    assert as_role("admin").delete(f"{IMAGES}{uuid.uuid4()}/").status_code == 404


def test_an_image_is_removed_only_through_its_own_product(as_role, catalog):
    client = as_role("admin")
    image_id = upload(client, picture()).json()["id"]

    assert client.delete(f"/api/v1/products/CUP/images/{image_id}/").status_code == 404
    assert as_role("customer").delete(f"{IMAGES}{image_id}/").status_code == 403
