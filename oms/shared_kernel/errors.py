"""Exceptions the domain raises, mapped to HTTP problems at the edge and never leaked as 500s."""


class DomainError(Exception):
    """Base of every error the business rules raise on purpose."""


class InvalidValue(DomainError, ValueError):
    """A value object was given something it cannot represent (a bad currency, a float amount)."""


class NotFound(DomainError):
    """The thing asked for does not exist (or the caller may not know that it does)."""


class BusinessRuleViolation(DomainError):
    """A command was well-formed but breaks a rule of the business.

    The message is a sentence a support agent could read; ``rule`` names the invariant so clients
    and logs can tell violations apart without parsing prose.
    """

    def __init__(self, message: str, *, rule: str = "business_rule") -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule


class IllegalTransition(BusinessRuleViolation):
    """An aggregate was asked to move to a state its current state does not lead to."""

    def __init__(self, message: str) -> None:
        super().__init__(message, rule="illegal_transition")
