"""The OMS's settings with the orders benchmark's URLconf: the product's URLs and the bare views."""

from oms.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.orders_bare"
