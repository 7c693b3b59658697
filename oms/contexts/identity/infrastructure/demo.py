"""Demo users for the embedded mode: one per role, signed in with a password instead of OIDC."""

from django.contrib.auth.models import Group
from django.db import transaction

from oms.contexts.identity.infrastructure.models import User
from oms.contexts.identity.infrastructure.roles import ADMIN, ROLES, STAFF_ROLES


@transaction.atomic
def ensure_demo_users(*, password: str) -> list[str]:
    """Create (or reset) a user named after each role; returns their names."""
    for role in ROLES:
        user, _ = User.objects.get_or_create(
            subject=f"demo|{role}",
            defaults={"email": f"{role}@demo.invalid", "name": role},
        )
        user.is_staff = role in STAFF_ROLES
        user.is_superuser = role == ADMIN
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get_or_create(name=role)[0]])
    return list(ROLES)
