"""Value objects a payment exchanges with its provider: the method token and why a call failed."""

import re
from dataclasses import dataclass
from enum import StrEnum

from oms.shared_kernel.errors import InvalidValue

TOKEN_MAX_LENGTH = 255

# 12 to 19 digits, optionally grouped by spaces or dashes: the shape of a card number (PAN).
_CARD_NUMBER = re.compile(r"^(?:\d[ -]?){11,18}\d$")


@dataclass(frozen=True, slots=True)
class PaymentMethodToken:
    """The provider's stand-in for a card (``tok_visa``): the only card data the OMS ever holds.

    Something shaped like a card number is refused, so raw card data can never reach our database,
    logs or outbox and pull them into PCI DSS scope.
    """

    value: str

    def __post_init__(self) -> None:
        if not isinstance(self.value, str) or not self.value or self.value != self.value.strip():
            raise InvalidValue("A payment method token must be non-empty text without surrounding spaces.")
        if len(self.value) > TOKEN_MAX_LENGTH:
            raise InvalidValue(f"A payment method token is at most {TOKEN_MAX_LENGTH} characters long.")
        if _CARD_NUMBER.match(self.value):
            raise InvalidValue("This looks like a card number; send the payment provider's token instead.")

    def __str__(self) -> str:
        return self.value


class FailureKind(StrEnum):
    """Why a provider call failed; the saga answers each differently."""

    # The provider said no (insufficient funds, fraud check): asking again will get the same answer.
    DECLINED = "declined"
    # No answer (timeout, outage, open circuit breaker): the same request may succeed later.
    GATEWAY_UNAVAILABLE = "gateway_unavailable"
