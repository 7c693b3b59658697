"""Keeps a group per role, holding exactly the permissions ``domain.grants`` gives the role.

Runs after every ``migrate``, once per app, right after Django has created that app's permissions.
A data migration could not do it: permissions are created only after all migrations have run, so
on a fresh database a migration would find none, and it would miss the models contexts add later.
Edits to these groups in the back office are undone at the next migrate: the table is the truth.
"""

from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db import DEFAULT_DB_ALIAS

from oms.contexts.identity.domain.grants import ROLE_GRANTS, granted


def sync_role_permissions(
    sender: AppConfig, *, apps: Apps = global_apps, using: str = DEFAULT_DB_ALIAS, **kwargs: Any
) -> None:
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    except LookupError:  # auth not migrated in this run
        return
    of_app = permission_model.objects.using(using).filter(content_type__app_label=sender.label)
    by_name = {f"{sender.label}.{codename}": pk for pk, codename in of_app.values_list("pk", "codename")}
    for role in ROLE_GRANTS:
        # Made by migration 0002 too; made again here because a test database flush empties them.
        group, _ = group_model.objects.using(using).get_or_create(name=role)
        wanted = {by_name[name] for name in granted(group.name, by_name)}
        held = set(
            group.permissions.filter(content_type__app_label=sender.label).values_list("pk", flat=True)
        )
        group.permissions.remove(*(held - wanted))
        group.permissions.add(*(wanted - held))
