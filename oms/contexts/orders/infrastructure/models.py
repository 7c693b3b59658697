"""Persistence records of the orders context; tables are prefixed `orders_`."""
