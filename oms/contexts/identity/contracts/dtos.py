"""What the identity facade takes and returns."""

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class CustomerContact:
    """How to reach a customer, for notifications: the address the OIDC provider last asserted."""

    id: uuid.UUID
    email: str
    name: str


@dataclass(frozen=True, kw_only=True)
class UserProfile:
    """The signed-in user as ``GET /api/v1/me/`` shows them: roles, and Django permissions by name."""

    id: uuid.UUID
    email: str
    name: str
    roles: tuple[str, ...]
    permissions: tuple[str, ...]
