"""Facades expose only the published language: keyword-only, typed, contracts types and primitives.

Import contracts cannot see what a facade returns, so a QuerySet, a model or a domain object could
leak through an innocent-looking signature; this test reads the signatures themselves.
"""

import dataclasses
import enum
import importlib
import inspect
import re
import types
import typing
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal

import pytest

from oms.shared_kernel.messages import IntegrationMessage

CONTEXTS = ("identity", "inventory", "orders", "payments", "notifications")

# No float: money is a Decimal, never a binary fraction.
PRIMITIVES = {type(None), str, int, bool, Decimal, uuid.UUID, datetime, date}
CONTAINERS = {list, tuple, dict, set, frozenset, Sequence, Mapping, typing.Union, types.UnionType}
CONTRACT_MODULE = re.compile(
    r"^oms\.contexts\.[a-z_]+\.contracts(\.[a-z_]+)*$|^oms\.shared_kernel\.messages$"
)


def is_contract_type(tp: object) -> bool:
    """A dataclass or enum of some context's published language (or the integration-message base)."""
    if not isinstance(tp, type) or not CONTRACT_MODULE.match(tp.__module__):
        return False
    return dataclasses.is_dataclass(tp) or issubclass(tp, enum.Enum)


def is_allowed(tp: object) -> bool:
    if tp in PRIMITIVES or tp is Ellipsis or is_contract_type(tp):
        return True
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return all(type(value) in PRIMITIVES for value in typing.get_args(tp))
    # A bare `list` or `dict` says nothing of what it holds, so it is refused along with the rest.
    return origin in CONTAINERS and all(is_allowed(arg) for arg in typing.get_args(tp))


def signature_violations(function: Callable[..., object]) -> list[str]:
    name = function.__name__
    signature = inspect.signature(function)
    hints = typing.get_type_hints(function)
    problems = [
        f"{name}: parameter {p} is not keyword-only"
        for p, param in signature.parameters.items()
        if param.kind is not inspect.Parameter.KEYWORD_ONLY
    ]
    for part in [*signature.parameters, "return"]:
        if part not in hints:
            problems.append(f"{name}: {part} has no annotation")
        elif not is_allowed(hints[part]):
            problems.append(f"{name}: {part} is {hints[part]!r}, not a contracts type or primitive")
    return problems


def facade_violations(module: types.ModuleType) -> list[str]:
    """Check the public functions the facade defines itself; imported helpers are not its surface."""
    functions = [
        member
        for name, member in inspect.getmembers(module, inspect.isfunction)
        if not name.startswith("_") and member.__module__ == module.__name__
    ]
    return [problem for function in functions for problem in signature_violations(function)]


@pytest.mark.parametrize("context", CONTEXTS)
def test_a_context_facade_speaks_only_the_published_language(context):
    facade = importlib.import_module(f"oms.contexts.{context}.facade")
    assert facade_violations(facade) == []


# The checker itself, on fake facades, so that the test above is known to be able to fail.


@dataclasses.dataclass(frozen=True)
class OrderView:
    order_id: uuid.UUID


OrderView.__module__ = "oms.contexts.orders.contracts.dtos"


@dataclasses.dataclass(frozen=True)
class OrderRecord:
    """Stands in for a domain object or ORM record: not part of any published language."""

    order_id: uuid.UUID


OrderRecord.__module__ = "oms.contexts.orders.domain.order"


def fake_facade(*functions: Callable[..., object]) -> types.ModuleType:
    module = types.ModuleType("oms.contexts.fake.facade")
    for function in functions:
        function.__module__ = module.__name__
        setattr(module, function.__name__, function)
    return module


def test_the_checker_accepts_keyword_only_contracts_types_and_primitives():
    def order_get(*, order_id: uuid.UUID, include_lines: bool = False) -> OrderView | None: ...

    def orders_list(
        *, customer_id: uuid.UUID, status: typing.Literal["PENDING", "CONFIRMED"] | None = None
    ) -> tuple[OrderView, ...]: ...

    def totals(*, skus: Sequence[str], at: datetime) -> Mapping[str, Decimal]: ...

    def messages_pending(*, limit: int) -> list[IntegrationMessage]: ...

    assert facade_violations(fake_facade(order_get, orders_list, totals, messages_pending)) == []


def test_the_checker_skips_names_the_facade_merely_imports():
    facade = fake_facade()
    facade.positional = lambda order_id: None  # defined elsewhere, only imported here
    assert facade_violations(facade) == []


def test_the_checker_refuses_a_positional_parameter():
    def order_get(order_id: uuid.UUID) -> OrderView: ...

    assert facade_violations(fake_facade(order_get)) == ["order_get: parameter order_id is not keyword-only"]


def test_the_checker_refuses_returning_a_class_outside_the_contracts():
    def order_get(*, order_id: uuid.UUID) -> list[OrderRecord]: ...

    [problem] = facade_violations(fake_facade(order_get))
    assert problem.startswith("order_get: return is")


def test_the_checker_refuses_money_as_a_float():
    def refund(*, payment_id: uuid.UUID, amount: float) -> dict[str, float]: ...

    assert facade_violations(fake_facade(refund)) == [
        "refund: amount is <class 'float'>, not a contracts type or primitive",
        "refund: return is dict[str, float], not a contracts type or primitive",
    ]


def test_the_checker_refuses_missing_annotations_and_bare_containers():
    def orders_list(*, customer_id) -> list: ...

    assert facade_violations(fake_facade(orders_list)) == [
        "orders_list: customer_id has no annotation",
        "orders_list: return is <class 'list'>, not a contracts type or primitive",
    ]
