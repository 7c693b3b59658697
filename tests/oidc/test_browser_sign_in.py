"""The whole browser sign-in against a real OpenID Connect provider, clicked through with HTTP requests."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group

from oms.contexts.identity.infrastructure.models import User
from tests.oidc.browser import Person
from tests.oidc.process import PASSWORD

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def person(provider, login, password=PASSWORD):
    return Person(provider.issuer, login=login, password=password)


def test_a_customer_signs_in_at_the_provider_and_lands_on_the_api_with_their_role(
    live_server, oms_trusts_provider
):
    customer = person(oms_trusts_provider, "customer")

    landing = customer.go(f"{live_server.url}/api/auth/login/?next=/api/v1/me/")

    assert landing.url == f"{live_server.url}/api/v1/me/"
    me = landing.response.json()
    assert me["email"] == "customer@example.test"
    assert me["name"] == "Test customer"
    assert me["roles"] == ["customer"]
    assert customer.session.get(f"{live_server.url}/api/v1/me/", timeout=10).status_code == 200
    assert User.objects.get(subject="sub-customer").has_usable_password() is False


def test_staff_reach_the_admin_through_the_same_sign_in(live_server, oms_trusts_provider):
    landing = person(oms_trusts_provider, "warehouse").go(f"{live_server.url}/admin/")

    assert landing.url == f"{live_server.url}/admin/"
    assert landing.response.status_code == 200
    assert "Site administration" in landing.response.text
    warehouse = User.objects.get(subject="sub-warehouse")
    assert warehouse.is_staff
    assert not warehouse.is_superuser


def test_a_customer_signed_in_at_the_provider_is_still_kept_out_of_the_admin(
    live_server, oms_trusts_provider
):
    landing = person(oms_trusts_provider, "customer").go(f"{live_server.url}/admin/")

    assert landing.response.status_code == 403


def test_the_users_details_and_roles_follow_the_provider_at_each_sign_in(live_server, oms_trusts_provider):
    stale = User.objects.create_user("sub-support", email="old@example.test", name="Old name")
    stale.groups.set([Group.objects.get(name="admin")])

    person(oms_trusts_provider, "support").go(f"{live_server.url}/oidc/authenticate/")

    support = User.objects.get(subject="sub-support")
    assert (support.email, support.name) == ("support@example.test", "Test support")
    assert list(support.groups.values_list("name", flat=True)) == ["support"]
    assert User.objects.filter(email="support@example.test").count() == 1


def test_roles_the_oms_does_not_know_give_no_role(live_server, oms_trusts_provider):
    landing = person(oms_trusts_provider, "stranger").go(
        f"{live_server.url}/oidc/authenticate/?next=/api/v1/me/"
    )

    assert landing.response.json()["roles"] == []


def test_a_wrong_password_leaves_the_person_at_the_providers_sign_in_page(live_server, oms_trusts_provider):
    intruder = person(oms_trusts_provider, "admin", password="guess")

    landing = intruder.go(f"{live_server.url}/admin/")

    assert landing.url.startswith(oms_trusts_provider.issuer)
    assert landing.response.status_code == 401
    assert intruder.session.get(f"{live_server.url}/api/v1/me/", timeout=10).status_code == 401


def test_a_callback_with_a_state_this_browser_never_sent_is_refused(live_server, oms_trusts_provider):
    someone = person(oms_trusts_provider, "customer")
    someone.session.get(f"{live_server.url}/oidc/authenticate/", allow_redirects=False, timeout=10)

    response = someone.session.get(f"{live_server.url}/oidc/callback/?code=stolen&state=forged", timeout=10)

    assert response.status_code == 400
    assert someone.session.get(f"{live_server.url}/api/v1/me/", timeout=10).status_code == 401


def test_a_code_the_provider_does_not_recognise_ends_at_the_failure_page(live_server, oms_trusts_provider):
    someone = person(oms_trusts_provider, "customer")
    start = someone.session.get(f"{live_server.url}/oidc/authenticate/", allow_redirects=False, timeout=10)
    state = parse_qs(urlsplit(start.headers["Location"]).query)["state"][0]

    landing = someone.go(f"{live_server.url}/oidc/callback/?code=made-up&state={state}")

    assert landing.url == f"{live_server.url}/oidc/failed/"
    assert landing.response.status_code == 401


def test_signing_out_ends_the_session_here_and_at_the_provider(live_server, oms_trusts_provider):
    support = person(oms_trusts_provider, "support")
    support.go(f"{live_server.url}/admin/")
    csrf = support.session.cookies["csrftoken"]

    landing = support.go_post(f"{live_server.url}/admin/logout/", headers={"X-CSRFToken": csrf})

    assert landing.url == f"{live_server.url}/api/v1/"
    assert support.session.get(f"{live_server.url}/api/v1/me/", timeout=10).status_code == 401
    support.login = None  # the provider must ask again: its own session is over too
    again = support.go(f"{live_server.url}/oidc/authenticate/")
    assert again.url.startswith(oms_trusts_provider.issuer)
    assert 'name="password"' in again.response.text
