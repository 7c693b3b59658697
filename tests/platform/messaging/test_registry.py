from dataclasses import dataclass

import pytest

from oms.platform.messaging.bus import MessageBus
from oms.platform.messaging.envelope import Envelope, MalformedEnvelope
from oms.platform.messaging.registry import InvalidMessage, MessageRegistry
from oms.shared_kernel.messages import IntegrationEvent
from tests.platform.messaging import sample


@dataclass(frozen=True, kw_only=True)
class Impostor(IntegrationEvent):
    message_type = "sample.PingSent.v1"
    ping_id: str


def make_registry() -> MessageRegistry:
    registry = MessageRegistry()
    registry.register_module(sample)
    return registry


def test_a_contracts_module_registers_the_messages_it_defines():
    assert make_registry().type_names() == ["sample.PingSent.v1", "sample.PongSent.v1"]


def test_two_classes_cannot_claim_one_type_name():
    with pytest.raises(ValueError, match="already registered"):
        make_registry().register(Impostor)


def test_only_integration_message_dataclasses_can_be_registered():
    with pytest.raises(TypeError):
        MessageRegistry().register(dict)  # type: ignore[arg-type]


def test_a_message_round_trips_through_its_json_payload():
    registry = make_registry()
    message = sample.ping("p-9", count=3)

    assert registry.deserialize(message.message_type, registry.serialize(message)) == message


@pytest.mark.parametrize(
    ("payload", "complaint"),
    [
        ({"ping_id": "p", "count": "3", "price": {"amount": "1.00", "currency": "EUR"}}, "count"),
        ({"ping_id": "p", "price": {"amount": "1.00", "currency": "EUR"}}, "count: Field required"),
        ({"ping_id": "p", "count": 3, "price": {"amount": 1.0, "currency": "EUR"}}, "price.amount"),
        ({"ping_id": "p", "count": 3.5, "price": {"amount": "1.00", "currency": "EUR"}}, "count"),
    ],
)
def test_a_payload_that_breaks_the_contract_is_refused_naming_the_field(payload, complaint):
    with pytest.raises(InvalidMessage, match=complaint):
        make_registry().deserialize("sample.PingSent.v1", payload)


def test_serialising_something_not_of_its_registered_class_is_refused():
    registry = MessageRegistry()
    registry.register(Impostor)

    with pytest.raises(InvalidMessage):
        registry.serialize(sample.ping())


def test_an_unknown_type_cannot_be_serialised():
    with pytest.raises(InvalidMessage, match="unknown message type"):
        MessageRegistry().serialize(sample.ping())


def test_an_envelope_round_trips_and_knows_its_version():
    import uuid

    from django.utils import timezone

    envelope = Envelope(
        id=uuid.uuid4(),
        type="sample.PingSent.v1",
        occurred_at=timezone.now(),
        aggregate_id="a",
        correlation_id="c",
        causation_id=None,
        payload={"x": 1},
    )

    assert Envelope.from_dict(envelope.to_dict()) == envelope
    assert envelope.to_dict()["version"] == 1


def test_garbage_is_not_an_envelope():
    with pytest.raises(MalformedEnvelope):
        Envelope.from_dict({"id": "not-a-uuid"})


def test_a_handler_name_is_subscribed_once():
    bus = MessageBus()
    handler = sample.FlakyHandler()
    from oms.contexts.notifications.infrastructure.models import NotificationsInbox

    bus.subscribe(sample.PingSent, handler, name="h", queue="q", inbox=NotificationsInbox)
    bus.subscribe(sample.PingSent, handler, name="h", queue="q", inbox=NotificationsInbox)  # idempotent
    with pytest.raises(ValueError, match="already subscribed"):
        bus.subscribe(sample.PingSent, sample.FlakyHandler(), name="h", queue="q", inbox=NotificationsInbox)
    assert [s.name for s in bus.subscribers("sample.PingSent.v1")] == ["h"]
    with pytest.raises(LookupError):
        bus.subscription("nobody")
