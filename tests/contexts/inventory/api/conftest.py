"""Callers with each role, a stocked catalog, and a media folder of the test's own."""

import uuid
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from tests.contexts.inventory.integration.conftest import stock_up


@pytest.fixture(autouse=True)
def inventory_settings(settings, tmp_path) -> None:
    settings.MESSAGING_NUDGE_ON_COMMIT = False  # outbox rows stay put; the relay is not under test
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_URL = "/media/"


@pytest.fixture
def catalog(db: None) -> None:
    stock_up(MUG=5, CUP=2)


@pytest.fixture
def as_role(django_user_model) -> Callable[[str], APIClient]:
    def as_role(role: str) -> APIClient:
        user = django_user_model.objects.create_user(f"{role}-{uuid.uuid4().hex[:8]}", password="pw")
        user.groups.set([Group.objects.get(name=role)])
        client = APIClient()
        client.force_authenticate(user)
        client.user = user  # type: ignore[attr-defined]
        return client

    return as_role
