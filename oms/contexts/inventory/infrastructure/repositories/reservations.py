"""Reservations to and from ``inventory_reservation`` rows; lines and shortages travel as JSON."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import IntegrityError
from django.db.models import F
from django.utils import timezone

from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine, Shortage
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.infrastructure.models import ReservationRecord
from oms.contexts.inventory.infrastructure.repositories import ConcurrentUpdate


class DjangoReservationRepository:
    def get(self, order_id: OrderId) -> Reservation | None:
        record = ReservationRecord.objects.filter(order_id=order_id.value).first()
        return None if record is None else _reservation(record)

    def get_for_update(self, order_id: OrderId) -> Reservation | None:
        record = ReservationRecord.objects.select_for_update().filter(order_id=order_id.value).first()
        return None if record is None else _reservation(record)

    def add(self, reservation: Reservation) -> None:
        # No savepoint (two round trips on the hot path): a duplicate dooms the whole transaction,
        # which is what should happen; the retried command then finds the reservation and answers.
        try:
            ReservationRecord.objects.create(
                order_id=reservation.order_id.value, version=reservation.version, **_fields(reservation)
            )
        except IntegrityError as exc:  # the same order reserved concurrently
            raise ConcurrentUpdate(f"The reservation of order {reservation.order_id}") from exc

    def save(self, reservation: Reservation) -> None:
        rows = ReservationRecord.objects.filter(
            order_id=reservation.order_id.value, version=reservation.version
        )
        changed = rows.update(**_fields(reservation), version=F("version") + 1, updated_at=timezone.now())
        if changed != 1:
            raise ConcurrentUpdate(f"The reservation of order {reservation.order_id}")
        reservation.version += 1

    def lapsed(self, now: datetime, *, limit: int) -> Sequence[OrderId]:
        rows = ReservationRecord.objects.filter(status=ReservationStatus.ACTIVE, expires_at__lte=now)
        ids = rows.order_by("expires_at").values_list("order_id", flat=True)[:limit]
        return [OrderId(order_id) for order_id in ids]


def _fields(reservation: Reservation) -> dict[str, Any]:
    return {
        "status": reservation.status.value,
        "expires_at": reservation.expires_at,
        "lines": [{"sku": str(line.sku), "quantity": line.quantity} for line in reservation.lines],
        "shortages": [
            {"sku": str(s.sku), "requested": s.requested, "available": s.available}
            for s in reservation.shortages
        ],
    }


def _reservation(record: ReservationRecord) -> Reservation:
    return Reservation(
        OrderId(record.order_id),
        lines=[ReservationLine(Sku(line["sku"]), line["quantity"]) for line in record.lines],
        status=ReservationStatus(record.status),
        expires_at=record.expires_at,
        shortages=[Shortage(Sku(s["sku"]), s["requested"], s["available"]) for s in record.shortages],
        version=record.version,
    )
