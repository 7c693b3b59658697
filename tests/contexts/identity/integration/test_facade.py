import uuid

import pytest
from django.contrib.auth.models import Group

from oms.contexts.identity import facade
from oms.contexts.identity.contracts.dtos import CustomerContact
from oms.contexts.identity.infrastructure.models import User

pytestmark = pytest.mark.django_db


def user(subject="sub-ada", *roles, active=True):
    created = User.objects.create_user(subject, email="ada@example.test", name="Ada", is_active=active)
    created.groups.set(Group.objects.filter(name__in=roles))
    return created


def test_a_customers_contact_is_their_email_and_name():
    ada = user("sub-ada", "customer")

    assert facade.customer_contact(customer_id=ada.pk) == CustomerContact(
        id=ada.pk, email="ada@example.test", name="Ada"
    )


def test_an_unknown_or_disabled_customer_has_no_contact():
    disabled = user("sub-gone", "customer", active=False)

    assert facade.customer_contact(customer_id=uuid.uuid4()) is None
    assert facade.customer_contact(customer_id=disabled.pk) is None


def test_a_profile_lists_roles_and_the_permissions_they_bring():
    profile = facade.user_profile(user_id=user("sub-sam", "support", "customer").pk)

    assert profile is not None
    assert profile.roles == ("customer", "support")
    assert "orders.view_order" in profile.permissions or "identity.view_user" in profile.permissions
    assert "identity.change_user" not in profile.permissions
    assert list(profile.permissions) == sorted(profile.permissions)


def test_a_break_glass_superuser_counts_as_admin():
    root = User.objects.create_superuser("break-glass", password="long-and-random")

    profile = facade.user_profile(user_id=root.pk)

    assert profile is not None
    assert profile.roles == ("admin",)
