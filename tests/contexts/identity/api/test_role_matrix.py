"""Every endpoint, every role (and anonymous callers) answers what API.md promises. Deny by default.

One row per endpoint; contexts add theirs as their endpoints arrive. API endpoints are called with a
bearer token carrying the role; pages outside the API (the admin) with a session of a user holding it.
A row that needs an object (an order of someone else's) belongs to its context's own tests; this
table holds what a role alone decides.
"""

from dataclasses import dataclass, field

import pytest

from oms.contexts.identity.domain.identity import Identity
from oms.contexts.identity.infrastructure.directory import DjangoUserDirectory

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ROLES = (ANONYMOUS, "customer", "support", "warehouse", "admin")
STAFF = ("support", "warehouse", "admin")


def anyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int) -> dict[str, int]:
    return {**anyone(status), ANONYMOUS: 401}


def roles_only(*roles: str, status: int = 200) -> dict[str, int]:
    return {role: status if role in roles else 403 for role in ROLES} | {ANONYMOUS: 401}


def staff_pages() -> dict[str, int]:
    # The admin sends whoever is not staff to its sign-in page.
    return {role: 200 if role in STAFF else 302 for role in ROLES}


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    expected: dict[str, int] = field(hash=False)
    via: str = "bearer"  # or "session"


ENDPOINTS = [
    Endpoint("GET", "/api/v1/", anyone(200)),
    Endpoint("GET", "/api/v1/me/", signed_in(200)),
    Endpoint("POST", "/api/v1/me/", signed_in(405)),
    Endpoint("GET", "/api/schema/", anyone(200)),
    Endpoint("GET", "/api/docs/", anyone(200)),
    Endpoint("GET", "/admin/", staff_pages(), via="session"),
    Endpoint("GET", "/admin/identity/user/", {**staff_pages(), "warehouse": 403}, via="session"),
    Endpoint("GET", "/healthz", anyone(200)),
]
CASES = [
    pytest.param(endpoint, role, id=f"{endpoint.method} {endpoint.path} as {role}")
    for endpoint in ENDPOINTS
    for role in ROLES
]


@pytest.mark.parametrize(("endpoint", "role"), CASES)
def test_each_role_gets_the_status_api_md_promises(api_client, local_provider, endpoint, role):
    headers = {}
    if role != ANONYMOUS and endpoint.via == "bearer":
        headers["HTTP_AUTHORIZATION"] = f"Bearer {local_provider.token(role)}"
    elif role != ANONYMOUS:
        identity = Identity(subject=f"sub-{role}", email=None, name=None, roles=frozenset({role}))
        api_client.force_login(DjangoUserDirectory().create(identity))

    response = api_client.generic(endpoint.method, endpoint.path, **headers)

    assert response.status_code == endpoint.expected[role]
