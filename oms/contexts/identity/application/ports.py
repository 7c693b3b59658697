"""Ports of the identity application; infrastructure implements them over Django's user records."""

from typing import Protocol, TypeVar

from oms.contexts.identity.domain.identity import Identity

User = TypeVar("User")


class UserDirectory(Protocol[User]):
    """Where users are kept, by subject. ``User`` is whatever record the adapter hands back."""

    def find(self, subject: str) -> User | None: ...

    def identity_of(self, user: User) -> Identity: ...

    def create(self, identity: Identity) -> User: ...

    def update(self, user: User, identity: Identity) -> User: ...
