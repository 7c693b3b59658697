"""The identity context's synchronous public surface: keyword-only functions over contracts types.

Other contexts call these only from their infrastructure/acl.py. Nothing here holds logic: each
function delegates to the application layer or the infrastructure and returns primitives or DTOs.
"""

import uuid

from oms.contexts.identity.contracts.dtos import CustomerContact, UserProfile
from oms.contexts.identity.infrastructure import demo, oidc, profiles


def ensure_demo_users(*, password: str) -> list[str]:
    """Embedded mode only: one user per role, each signing in as its role's name with ``password``."""
    return demo.ensure_demo_users(password=password)


def customer_contact(*, customer_id: uuid.UUID) -> CustomerContact | None:
    """How to reach a customer (None for an unknown or disabled one)."""
    return profiles.customer_contact(customer_id)


def user_profile(*, user_id: uuid.UUID) -> UserProfile | None:
    """The user with their roles and permissions, as ``GET /api/v1/me/`` shows them."""
    return profiles.user_profile(user_id)


def browser_sign_in_through_provider() -> bool:
    """True when an OIDC provider is configured: browsers sign in there, never with a password."""
    return oidc.oidc_configured()
