"""Who a signed-in person is, as the OIDC provider asserts it in a token's or userinfo's claims."""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from oms.contexts.identity.domain.roles import is_staff, roles_from_claim

MAX_SUBJECT_LENGTH = 255


class InvalidClaims(Exception):
    """The claims cannot identify anyone: no usable ``sub``."""


@dataclass(frozen=True, kw_only=True)
class Identity:
    """``email`` and ``name`` are None when the claims did not assert them (access tokens often omit
    them), which keeps what is stored; ``roles`` are always asserted: an absent claim means no role."""

    subject: str
    email: str | None
    name: str | None
    roles: frozenset[str]

    @property
    def is_staff(self) -> bool:
        return is_staff(self.roles)

    def completed_by(self, stored: "Identity") -> "Identity":
        """This identity with what the claims left out taken from what is stored."""
        return replace(
            self,
            email=stored.email if self.email is None else self.email,
            name=stored.name if self.name is None else self.name,
        )


def identity_from_claims(claims: Mapping[str, object], *, roles_claim: str) -> Identity:
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject or len(subject) > MAX_SUBJECT_LENGTH:
        raise InvalidClaims("the claims carry no usable subject (sub)")
    return Identity(
        subject=subject,
        email=_text(claims.get("email")),
        name=_text(claims.get("name")),
        roles=roles_from_claim(claims.get(roles_claim)),
    )


def _text(value: object) -> str | None:
    return value.strip()[:254] if isinstance(value, str) else None
