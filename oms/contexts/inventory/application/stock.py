"""Use case of the warehouse: changing on-hand stock by hand (restock, count, damage)."""

from oms.contexts.inventory.application.messages import publish_events
from oms.contexts.inventory.application.ports import Clock, InventoryUnitOfWork
from oms.contexts.inventory.contracts.dtos import AdjustmentResult
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import NotFound


def adjust_stock(
    *,
    uow: InventoryUnitOfWork,
    clock: Clock,
    sku: str,
    delta: int,
    reason: str,
    actor: str,
    correlation_id: str,
) -> AdjustmentResult:
    """Refused (BusinessRuleViolation, nothing written) when it would leave less than is reserved."""
    code = Sku(sku)
    with uow:
        now = clock.now()
        item = uow.stock.get_many_for_update([code], now=now).get(code)
        if item is None:
            raise NotFound(f"No product has SKU {code}.")
        movement = item.adjust(
            delta=delta, reason=reason, actor=actor, correlation_id=correlation_id, now=now
        )
        uow.stock.save(item)
        publish_events(uow, [item])
        uow.commit()
    return AdjustmentResult(
        sku=str(code),
        delta=movement.delta,
        reason=movement.reason,
        actor=movement.actor,
        on_hand=item.on_hand,
        reserved=item.reserved(now),
        available=item.available(now),
        occurred_at=movement.occurred_at,
    )
