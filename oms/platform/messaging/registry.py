"""Message types by their versioned names, and the check that a payload matches its contract.

Contracts are plain frozen dataclasses in each context's ``contracts`` package; pydantic validates
payloads against them in strict JSON mode, so "12" is never taken for 12 and a missing field is named.
"""

import json
from dataclasses import is_dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticSerializationError

from oms.shared_kernel.messages import IntegrationMessage


class InvalidMessage(ValueError):
    """A payload does not match the contract of its type, or the type is unknown."""


class MessageRegistry:
    def __init__(self) -> None:
        self._types: dict[str, type[IntegrationMessage]] = {}
        self._adapters: dict[str, TypeAdapter[Any]] = {}

    def register(self, message_class: type[IntegrationMessage]) -> None:
        if not (is_dataclass(message_class) and issubclass(message_class, IntegrationMessage)):
            raise TypeError(f"{message_class!r} is not an integration message dataclass")
        type_name = message_class.message_type
        known = self._types.get(type_name)
        if known is not None and known is not message_class:
            raise ValueError(f"{type_name} is already registered to {known.__qualname__}")
        self._types[type_name] = message_class
        self._adapters[type_name] = TypeAdapter(message_class)

    def register_module(self, module: object) -> None:
        """Register every message class a contracts module defines (not the ones it imports)."""
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, IntegrationMessage)
                and "message_type" in vars(value)
                and value.__module__ == getattr(module, "__name__", None)
            ):
                self.register(value)

    def is_registered(self, type_name: str) -> bool:
        return type_name in self._types

    def type_names(self) -> list[str]:
        return sorted(self._types)

    def _adapter(self, type_name: str) -> TypeAdapter[Any]:
        try:
            return self._adapters[type_name]
        except KeyError:
            raise InvalidMessage(f"unknown message type {type_name!r}") from None

    def serialize(self, message: IntegrationMessage) -> dict[str, Any]:
        """The JSON payload of ``message``, checked against its contract on the way out."""
        adapter = self._adapter(message.message_type)
        if not isinstance(message, self._types[message.message_type]):
            raise InvalidMessage(f"{type(message).__qualname__} is not {message.message_type}")
        try:
            payload: dict[str, Any] = adapter.dump_python(message, mode="json", warnings="error")
        except PydanticSerializationError as exc:
            raise InvalidMessage(f"{message.message_type} cannot be serialised: {exc}") from exc
        self.deserialize(message.message_type, payload)
        return payload

    def deserialize(self, type_name: str, payload: dict[str, Any]) -> IntegrationMessage:
        adapter = self._adapter(type_name)
        try:
            message: IntegrationMessage = adapter.validate_json(json.dumps(payload), strict=True)
        except (ValidationError, TypeError) as exc:
            raise InvalidMessage(f"payload does not match {type_name}: {_describe(exc)}") from exc
        return message


def _describe(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or '(root)'}: {e['msg']}" for e in exc.errors())
    return str(exc)


registry = MessageRegistry()
