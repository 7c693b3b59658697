"""The roles of API.md. The OIDC provider asserts them in a claim; the OMS knows these four only."""

from collections.abc import Iterable

CUSTOMER = "customer"
SUPPORT = "support"
WAREHOUSE = "warehouse"
ADMIN = "admin"
ROLES = (CUSTOMER, SUPPORT, WAREHOUSE, ADMIN)
# Staff reach the back office; a customer never does.
STAFF_ROLES = frozenset({SUPPORT, WAREHOUSE, ADMIN})


def roles_from_claim(value: object) -> frozenset[str]:
    """The known roles in a roles claim: a JSON list, or a space-separated string as some IdPs send.

    Unknown roles are ignored rather than refused: an IdP shared with other applications asserts
    roles that mean nothing here, and they must grant nothing here either.
    """
    names: Iterable[object]
    if isinstance(value, str):
        names = value.split()
    elif isinstance(value, list | tuple):
        names = value
    else:
        names = ()
    return frozenset(name for name in names if isinstance(name, str) and name in ROLES)


def is_staff(roles: frozenset[str]) -> bool:
    return bool(roles & STAFF_ROLES)
