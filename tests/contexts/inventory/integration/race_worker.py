"""One racer of the no-oversell tests: delivers ReserveStock commands through the real consumer.

Usage: ``python -m tests.contexts.inventory.integration.race_worker READY GO BASKETS_JSON``. The
script touches READY once Django is up, waits for GO so that every racer starts together, then
delivers one ReserveStock per basket (``[[order_id, [[sku, quantity], ...]], ...]``) and prints
the outcomes as JSON. A deadlock or any other failure shows up as a "dead" outcome with its error.
"""

import json
import os
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oms.config.settings")
django.setup()

from django.utils import timezone  # noqa: E402  (Django must be set up first)

from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine  # noqa: E402
from oms.contexts.inventory.infrastructure.models import InventoryInbox  # noqa: E402
from oms.platform.messaging.consumer import consume  # noqa: E402
from oms.platform.messaging.envelope import Envelope  # noqa: E402
from oms.platform.messaging.registry import registry  # noqa: E402


def envelope(order_id: str, lines: list[list[object]]) -> dict[str, object]:
    command = ReserveStock(
        order_id=uuid.UUID(order_id),
        lines=tuple(StockLine(sku=str(sku), quantity=int(str(quantity))) for sku, quantity in lines),
    )
    return Envelope(
        id=uuid.uuid4(), type=command.message_type, occurred_at=timezone.now(), aggregate_id=order_id,
        correlation_id=f"race-{os.getpid()}", causation_id=None, payload=registry.serialize(command),
    ).to_dict()  # fmt: skip


def main(ready: Path, go: Path, baskets: list[list[object]]) -> None:
    messages = [envelope(str(order_id), lines) for order_id, lines in baskets]  # type: ignore[arg-type]
    ready.touch()
    deadline = time.monotonic() + 60
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit("no go signal within 60 s")
        time.sleep(0.002)
    outcomes = Counter(consume(message, "inventory.reserve_stock").value for message in messages)
    errors = list(InventoryInbox.objects.filter(status="dead").values_list("last_error", flat=True))
    print(json.dumps({"outcomes": outcomes, "errors": errors}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text()))
