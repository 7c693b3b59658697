"""Just-in-time provisioning: the first sign-in creates the user, later ones bring it up to date."""

from typing import TypeVar

from oms.contexts.identity.application.ports import UserDirectory
from oms.contexts.identity.domain.identity import Identity

User = TypeVar("User")


def provision_user(identity: Identity, *, directory: UserDirectory[User]) -> User:
    """The user the claims describe, written only when something they assert has changed."""
    user = directory.find(identity.subject)
    if user is None:
        return directory.create(identity)
    stored = directory.identity_of(user)
    wanted = identity.completed_by(stored)
    if wanted == stored:
        return user
    return directory.update(user, wanted)
