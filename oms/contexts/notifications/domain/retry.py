"""How often and how patiently a failing delivery is tried again."""

from dataclasses import dataclass

from oms.shared_kernel.errors import InvalidValue


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    """Exponential backoff: ``base``, then twice as long after each failure, never beyond ``cap``."""

    max_attempts: int = 5
    base_delay_seconds: float = 30.0
    max_delay_seconds: float = 600.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.base_delay_seconds < 0 or self.max_delay_seconds < 0:
            raise InvalidValue("A retry policy needs at least one attempt and no negative delay.")

    def delay_after(self, attempt: int) -> float:
        """Seconds to wait after the ``attempt``-th try (1-based) failed."""
        return float(min(self.max_delay_seconds, self.base_delay_seconds * 2 ** (attempt - 1)))

    def exhausted(self, attempts: int) -> bool:
        return attempts >= self.max_attempts
