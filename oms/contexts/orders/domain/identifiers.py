"""The order's identity, which the placement saga shares: one saga per order, keyed by its id."""

from oms.shared_kernel.ids import Identifier


class OrderId(Identifier):
    """Minted by the orders context when an order is placed; other contexts hold it as a plain UUID."""
