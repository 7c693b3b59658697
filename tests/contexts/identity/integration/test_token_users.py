"""Finding the user behind a token is cheap once its claims have been seen: one query."""

import pytest

from oms.contexts.identity.domain.identity import identity_from_claims
from oms.contexts.identity.infrastructure.models import User
from oms.contexts.identity.infrastructure.token_users import RecentlySynced, user_for_claims
from tests.contexts.identity.support.keys import claims_for

pytestmark = pytest.mark.django_db


def test_claims_seen_lately_cost_one_query(django_assert_num_queries):
    claims = claims_for("support", subject="sub-sam")
    user_for_claims(claims)

    with django_assert_num_queries(1):
        user = user_for_claims(claims)

    assert user.subject == "sub-sam"


def test_changed_claims_are_written_at_once():
    user_for_claims(claims_for("customer", subject="sub-sam"))

    user_for_claims(claims_for("admin", subject="sub-sam"))

    assert list(User.objects.get(subject="sub-sam").groups.values_list("name", flat=True)) == ["admin"]


def test_claims_are_forgotten_after_a_while_and_the_oldest_first_when_full():
    now = [0.0]
    recent = RecentlySynced(ttl=60, size=2, clock=lambda: now[0])
    first, second, third = (claims_for("customer", subject=s) for s in ("a", "b", "c"))
    recent.put(_identity(first), "id-a")
    recent.put(_identity(second), "id-b")

    recent.put(_identity(third), "id-c")
    now[0] = 59.0

    assert recent.get(_identity(first)) is None
    assert recent.get(_identity(second)) == "id-b"
    now[0] = 61.0
    assert recent.get(_identity(second)) is None


def _identity(claims):
    return identity_from_claims(claims, roles_claim="roles")
