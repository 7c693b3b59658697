import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from oms.config.demo_catalog import DEMO_PRODUCTS
from oms.contexts.inventory import facade as inventory

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_to_create_known_passwords_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")


def test_demo_users_sign_in_to_the_browsable_api_with_their_role(settings, client):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent: running it again resets, never duplicates

    signed_in = client.login(username="demo|warehouse", password="demo")

    assert signed_in
    response = client.get("/admin/")
    assert response.status_code == 200


def test_seed_demo_stocks_a_catalog_once(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")

    assert "6 products (0 new)" in capsys.readouterr().out
    sku, *_, stock = DEMO_PRODUCTS[0]
    assert inventory.stock_level(sku=sku).on_hand == stock
