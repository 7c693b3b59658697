import pytest

from oms.shared_kernel.errors import (
    BusinessRuleViolation,
    DomainError,
    IllegalTransition,
    InvalidValue,
    NotFound,
)


def test_a_rule_violation_carries_a_readable_message_and_the_rule_it_breaks() -> None:
    error = BusinessRuleViolation("An order needs at least one line.", rule="order_has_lines")
    assert (str(error), error.message, error.rule) == (
        "An order needs at least one line.",
        "An order needs at least one line.",
        "order_has_lines",
    )


def test_a_rule_violation_without_a_named_rule_is_a_generic_business_rule() -> None:
    assert BusinessRuleViolation("No.").rule == "business_rule"


def test_an_illegal_transition_is_a_rule_violation_named_illegal_transition() -> None:
    error = IllegalTransition("A delivered order cannot be cancelled.")
    assert isinstance(error, BusinessRuleViolation)
    assert (error.message, error.rule) == ("A delivered order cannot be cancelled.", "illegal_transition")


@pytest.mark.parametrize("error", [InvalidValue, NotFound, BusinessRuleViolation, IllegalTransition])
def test_every_domain_error_shares_one_base(error: type[Exception]) -> None:
    assert issubclass(error, DomainError)


def test_an_invalid_value_is_also_a_value_error_for_callers_that_catch_those() -> None:
    assert issubclass(InvalidValue, ValueError)
