"""Order numbers people can read out on the phone: ``ORD-00001042``, from a sequence.

PostgreSQL draws them from a real sequence, which takes no lock a concurrent placement waits on.
SQLite (the embedded mode) has no sequences; there a counter row is bumped inside the placement's
transaction, which costs nothing extra, since SQLite lets one writer in at a time anyway.
Numbers are unique and increasing, not gapless: a placement that rolls back spends its number.
"""

from django.db import connection
from django.db.models import F

from oms.contexts.orders.infrastructure.models import OrderNumberCounter

SEQUENCE = "orders_order_number_seq"
PREFIX = "ORD-"
DIGITS = 8  # zero-padded, so the numbers sort as text in the order they were drawn
FIRST = 1000  # as the PostgreSQL sequence starts (migration 0003): no order is number 1


def format_number(value: int) -> str:
    return f"{PREFIX}{value:0{DIGITS}d}"


class OrderNumberSequence:
    def next_number(self) -> str:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT nextval(%s)", [SEQUENCE])
                row = cursor.fetchone()
            assert row is not None  # nextval always answers
            return format_number(int(row[0]))
        return format_number(self._bump_counter())

    @staticmethod
    def _bump_counter() -> int:
        counter = OrderNumberCounter.objects.filter(name=SEQUENCE)
        if not counter.update(value=F("value") + 1):
            OrderNumberCounter.objects.create(name=SEQUENCE, value=FIRST)
        return counter.values_list("value", flat=True).get()
