import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from oms.contexts.identity.infrastructure.role_permissions import sync_role_permissions

pytestmark = pytest.mark.django_db


def names(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }


def test_after_migrate_the_admin_group_holds_every_permission():
    assert Group.objects.get(name="admin").permissions.count() == Permission.objects.count()


def test_after_migrate_support_may_look_up_users_but_not_change_them():
    support = names("support")

    assert "identity.view_user" in support
    assert "identity.change_user" not in support
    assert "auth.change_group" not in support


def test_customers_hold_no_back_office_permission():
    assert names("customer") == set()


def test_a_permission_granted_by_hand_to_a_role_is_taken_back_at_the_next_migrate():
    warehouse = Group.objects.get(name="warehouse")
    warehouse.permissions.add(Permission.objects.get(codename="change_user"))

    sync_role_permissions(apps.get_app_config("identity"))

    assert "identity.change_user" not in names("warehouse")


def test_the_role_groups_come_back_if_the_tables_were_emptied():
    Group.objects.all().delete()

    sync_role_permissions(apps.get_app_config("identity"))

    assert set(Group.objects.values_list("name", flat=True)) == {"customer", "support", "warehouse", "admin"}
    assert "identity.view_user" in names("support")
