"""The user behind a validated access token, provisioned just in time and cheaply.

A token's claims are compared with what is stored only the first time they are seen in a while:
the same claims seen again within ``RECENT_SECONDS`` cost one primary-key lookup, which also
notices a user deactivated in the back office.
"""

import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings

from oms.contexts.identity.application.provisioning import provision_user
from oms.contexts.identity.domain.identity import Identity, identity_from_claims
from oms.contexts.identity.infrastructure.directory import DjangoUserDirectory
from oms.contexts.identity.infrastructure.models import User

RECENT_SECONDS = 60.0
RECENT_MAX = 10_000


class RecentlySynced:
    """Claims written to the store lately, and whose user they are: a bounded map with expiry."""

    def __init__(self, *, ttl: float, size: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._entries: OrderedDict[Identity, tuple[float, uuid.UUID]] = OrderedDict()
        self._ttl, self._size, self._clock = ttl, size, clock

    def get(self, identity: Identity) -> uuid.UUID | None:
        entry = self._entries.get(identity)
        if entry is None or self._clock() - entry[0] >= self._ttl:
            return None
        return entry[1]

    def put(self, identity: Identity, user_id: uuid.UUID) -> None:
        self._entries[identity] = (self._clock(), user_id)
        self._entries.move_to_end(identity)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)


_recent = RecentlySynced(ttl=RECENT_SECONDS, size=RECENT_MAX)


def user_for_claims(claims: Mapping[str, Any]) -> User:
    """Raises InvalidClaims when the claims identify no one."""
    identity = identity_from_claims(claims, roles_claim=settings.OIDC_ROLES_CLAIM)
    user_id = _recent.get(identity)
    if user_id is not None:
        user = User.objects.filter(pk=user_id).first()
        if user is not None:
            return user
    user = provision_user(identity, directory=DjangoUserDirectory())
    _recent.put(identity, user.pk)
    return user
