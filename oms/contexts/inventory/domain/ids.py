"""Identifiers the inventory context holds without owning them."""

from oms.shared_kernel.ids import Identifier


class OrderId(Identifier):
    """The order a reservation holds stock for: the orders context's id, kept here as a plain UUID.

    Defined locally because the shared kernel has no OrderId and inventory may not import orders.
    One reservation per order, so this id is also the reservation's.
    """
