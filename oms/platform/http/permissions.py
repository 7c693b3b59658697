"""Role-based access for DRF views. Deny by default: a view names the roles it admits.

Roles are Django groups named after API.md's roles (customer, support, warehouse, admin); the
identity context keeps them in step with the OIDC roles claim. A superuser counts as admin.
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

ADMIN = "admin"


def roles_of(user: Any) -> frozenset[str]:
    """The caller's roles, read once per request and remembered on the user object."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_oms_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached |= {ADMIN}
        user._oms_roles = cached
    return cached


class RolePermission(BasePermission):
    roles: frozenset[str] = frozenset()

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(roles_of(request.user) & self.roles)


def require_roles(*roles: str) -> type[RolePermission]:
    """``permission_classes = [require_roles("warehouse", "admin")]``"""
    name = "Require" + "Or".join(role.title() for role in roles)
    return type(name, (RolePermission,), {"roles": frozenset(roles)})
