"""Demo users for the embedded mode: one per role, signed in with a password instead of OIDC."""

from django.contrib.auth.models import Group
from django.db import transaction

from oms.contexts.identity.domain.roles import ROLES, STAFF_ROLES
from oms.contexts.identity.infrastructure.models import User


@transaction.atomic
def ensure_demo_users(*, password: str) -> list[str]:
    """Create (or reset) a user named after each role; returns the names they sign in with."""
    for role in ROLES:
        user, _ = User.objects.get_or_create(
            subject=f"demo|{role}",
            defaults={"email": f"{role}@demo.invalid", "name": role},
        )
        user.is_staff = role in STAFF_ROLES
        # Like OIDC users, the demo admin is all-powerful through the admin role's group alone.
        user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get_or_create(name=role)[0]])
    return [f"demo|{role}" for role in ROLES]
