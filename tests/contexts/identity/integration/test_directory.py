"""The Django side of provisioning: roles become groups, staff follows roles, no one is superuser."""

import pytest

from oms.contexts.identity.domain.identity import Identity
from oms.contexts.identity.infrastructure.directory import DjangoUserDirectory

pytestmark = pytest.mark.django_db


def identity(*roles, email="ada@example.test"):
    return Identity(subject="sub-ada", email=email, name="Ada", roles=frozenset(roles))


def test_a_created_user_gets_the_groups_of_their_roles_and_no_password():
    user = DjangoUserDirectory().create(identity("warehouse"))

    assert set(user.groups.values_list("name", flat=True)) == {"warehouse"}
    assert user.is_staff
    assert not user.is_superuser
    assert not user.has_usable_password()


def test_the_admin_role_makes_staff_but_never_a_superuser():
    user = DjangoUserDirectory().create(identity("admin"))

    assert user.is_staff
    assert not user.is_superuser
    assert user.has_perm("identity.change_user")


def test_losing_every_staff_role_takes_the_back_office_away():
    directory = DjangoUserDirectory()
    user = directory.create(identity("support"))

    user = directory.update(user, identity("customer"))

    assert not user.is_staff
    assert set(user.groups.values_list("name", flat=True)) == {"customer"}


def test_creating_a_user_who_already_exists_updates_them_instead():
    directory = DjangoUserDirectory()
    first = directory.create(identity("customer"))

    second = directory.create(identity("support", email="ada@new.example.test"))

    assert second.pk == first.pk
    assert directory.identity_of(second) == identity("support", email="ada@new.example.test")
