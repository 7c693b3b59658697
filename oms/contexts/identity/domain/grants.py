"""Which back-office permissions each role holds, as patterns over ``app_label.codename``.

The admin role holds every permission, so no OIDC user ever needs ``is_superuser``. Support and
warehouse hold what their admin pages need. Patterns rather than lists, because the contexts'
models arrive after this table: ``orders.view_*`` covers every model the orders context adds.
Extend the table when a context's back office needs more; customers never use the admin.
"""

from collections.abc import Iterable
from fnmatch import fnmatchcase

from oms.contexts.identity.domain.roles import ADMIN, CUSTOMER, SUPPORT, WAREHOUSE

ROLE_GRANTS: dict[str, tuple[str, ...]] = {
    ADMIN: ("*.*",),
    SUPPORT: (
        "orders.view_*",
        "orders.change_*",
        "payments.view_*",
        "notifications.view_*",
        "inventory.view_*",
        "identity.view_user",
    ),
    WAREHOUSE: (
        "inventory.view_*",
        "inventory.add_*",
        "inventory.change_*",
        "orders.view_*",
        "orders.change_*",
    ),
    CUSTOMER: (),
}


def granted(role: str, permissions: Iterable[str]) -> frozenset[str]:
    """Those of ``permissions`` (``app_label.codename``) that ``role`` holds."""
    patterns = ROLE_GRANTS.get(role, ())
    return frozenset(p for p in permissions if any(fnmatchcase(p, pattern) for pattern in patterns))
