"""Each contract of importlinter.ini bites: a planted violation in a copy of the tree breaks it.

A contract that never fails protects nothing, so every rule of "The dependency rule" gets a plant,
and the seams the architecture permits get a plant that must stay green.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Plant:
    module: str  # dotted name of the new module written into the copy
    source: str
    breaks: frozenset[str]
    # Contracts that may also break as the tree grows, because they rightly see the same import
    # through a chain (a facade will delegate to infrastructure, which imports Django).
    may_also_break: frozenset[str] = frozenset()

    def write_into(self, root: Path) -> None:
        path = root.joinpath(*self.module.split(".")).with_suffix(".py")
        path.write_text(self.source)


def plant(module: str, source: str, *breaks: str, may_also_break: tuple[str, ...] = ()) -> Plant:
    return Plant(module, source, frozenset(breaks), frozenset(may_also_break))


VIOLATIONS = {
    "a top-level package outside the layers": plant("oms.utils", '"""No layer."""\n', "top-level-layers"),
    "platform reaching up into a context": plant(
        "oms.platform.planted", "import oms.contexts.orders\n", "top-level-layers"
    ),
    "the kernel reaching up into the platform": plant(
        "oms.shared_kernel.planted", "import oms.platform\n", "top-level-layers", "pure-core"
    ),
    "a domain reaching up into its infrastructure": plant(
        "oms.contexts.orders.domain.planted", "import oms.contexts.orders.infrastructure\n", "context-layers"
    ),
    "the domain knowing the published language": plant(
        "oms.contexts.orders.domain.planted",
        "import oms.contexts.orders.contracts.events\n",
        "context-layers",
    ),
    "a context module outside the layers": plant(
        "oms.contexts.orders.helpers", '"""Belongs to no layer."""\n', "context-layers"
    ),
    "a context's records reaching another context's records": plant(
        "oms.contexts.orders.infrastructure.planted",
        "import oms.contexts.inventory.infrastructure.models\n",
        "contexts-independent",
    ),
    "a use case calling another context's facade": plant(
        "oms.contexts.orders.application.planted",
        "import oms.contexts.inventory.facade\n",
        "facades-called-from-acl-only",
        "contexts-independent",
        may_also_break=("pure-core",),
    ),
    "a use case calling its own facade": plant(
        "oms.contexts.orders.application.planted",
        "import oms.contexts.orders.facade\n",
        "facades-called-from-acl-only",
        "context-layers",
        may_also_break=("pure-core",),
    ),
    "a domain importing Django": plant(
        "oms.contexts.inventory.domain.planted", "from django.db import models\n", "pure-core"
    ),
    "a use case importing Celery": plant(
        "oms.contexts.payments.application.planted", "from celery import shared_task\n", "pure-core"
    ),
    "a use case importing the platform": plant(
        "oms.contexts.payments.application.planted", "import oms.platform.messaging\n", "pure-core"
    ),
    "the published language importing DRF": plant(
        "oms.contexts.orders.contracts.planted", "from rest_framework import serializers\n", "pure-core"
    ),
    "the kernel importing DRF": plant("oms.shared_kernel.planted", "import rest_framework\n", "pure-core"),
    "a view reaching into infrastructure": plant(
        "oms.contexts.orders.api.planted", "import oms.contexts.orders.infrastructure\n", "api-through-facade"
    ),
    "an upstream context importing the orders language": plant(
        "oms.contexts.inventory.infrastructure.planted",
        "import oms.contexts.orders.contracts\n",
        "context-map",
    ),
    "orders importing the notifications language": plant(
        "oms.contexts.orders.infrastructure.planted",
        "import oms.contexts.notifications.contracts.events\n",
        "context-map",
    ),
}

SEAMS = {
    "the acl calling another context's facade with its dtos": plant(
        "oms.contexts.orders.infrastructure.acl",
        "import oms.contexts.inventory.contracts.dtos\nimport oms.contexts.inventory.facade\n",
    ),
    "the saga sending a command from the receiver's language": plant(
        "oms.contexts.orders.application.planted", "import oms.contexts.inventory.contracts.commands\n"
    ),
    "notifications listening to orders' events": plant(
        "oms.contexts.notifications.infrastructure.planted", "import oms.contexts.orders.contracts.events\n"
    ),
}


def test_the_real_tree_keeps_every_contract(repo_root, lint):
    result = lint(repo_root)
    assert result.returncode == 0, result.output
    assert result.broken() == set()


def test_every_contract_has_a_planted_violation(contract_ids):
    planted = set().union(*(p.breaks for p in VIOLATIONS.values()))
    assert planted == contract_ids


@pytest.mark.parametrize("case", VIOLATIONS.values(), ids=VIOLATIONS.keys())
def test_a_planted_violation_breaks_its_contract(case, tree_copy, lint):
    case.write_into(tree_copy)

    result = lint(tree_copy)

    assert result.returncode != 0, result.output
    assert case.breaks <= result.broken(), result.output
    assert result.broken() <= case.breaks | case.may_also_break, result.output
    # The planted module exists only in the copy: seeing it proves the copy was analysed.
    assert case.module in result.output


@pytest.mark.parametrize("case", SEAMS.values(), ids=SEAMS.keys())
def test_a_permitted_seam_keeps_every_contract(case, tree_copy, lint):
    case.write_into(tree_copy)

    result = lint(tree_copy)

    assert result.returncode == 0, result.output
    assert result.broken() == set()
