import pytest

from oms.contexts.identity.domain.roles import is_staff, roles_from_claim


def test_a_list_claim_names_the_roles():
    assert roles_from_claim(["support", "warehouse"]) == {"support", "warehouse"}


def test_a_space_separated_claim_names_the_roles_too():
    assert roles_from_claim("customer admin") == {"customer", "admin"}


def test_roles_the_oms_does_not_know_grant_nothing():
    assert roles_from_claim(["superhero", "customer", "Admin"]) == {"customer"}


@pytest.mark.parametrize("claim", [None, 42, {"admin": True}, [["admin"]], [None]])
def test_a_claim_of_another_shape_grants_no_role(claim):
    assert roles_from_claim(claim) == frozenset()


@pytest.mark.parametrize(
    ("roles", "staff"),
    [({"customer"}, False), (set(), False), ({"support"}, True), ({"warehouse"}, True), ({"admin"}, True)],
)
def test_only_support_warehouse_and_admin_are_staff(roles, staff):
    assert is_staff(frozenset(roles)) is staff
