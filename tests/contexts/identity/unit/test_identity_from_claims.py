import pytest

from oms.contexts.identity.domain.identity import Identity, InvalidClaims, identity_from_claims


def test_claims_name_the_subject_email_name_and_roles():
    claims = {"sub": "abc", "email": "a@example.test", "name": "Ada", "roles": ["support", "pilot"]}

    identity = identity_from_claims(claims, roles_claim="roles")

    assert identity == Identity(
        subject="abc", email="a@example.test", name="Ada", roles=frozenset({"support"})
    )
    assert identity.is_staff


def test_roles_are_read_from_the_configured_claim():
    claims = {"sub": "abc", "roles": ["admin"], "https://oms.example/roles": ["customer"]}

    identity = identity_from_claims(claims, roles_claim="https://oms.example/roles")

    assert identity.roles == {"customer"}


@pytest.mark.parametrize("sub", [None, "", 42, "x" * 256])
def test_claims_without_a_usable_subject_identify_no_one(sub):
    with pytest.raises(InvalidClaims):
        identity_from_claims({"sub": sub, "email": "a@example.test"}, roles_claim="roles")


def test_an_absent_roles_claim_means_no_role_but_absent_email_and_name_mean_unknown():
    identity = identity_from_claims({"sub": "abc"}, roles_claim="roles")

    assert identity.roles == frozenset()
    assert identity.email is None
    assert identity.name is None


def test_what_the_claims_leave_out_is_completed_from_what_is_stored():
    stored = Identity(subject="abc", email="old@example.test", name="Ada", roles=frozenset({"customer"}))
    asserted = Identity(subject="abc", email=None, name="Ada L.", roles=frozenset())

    assert asserted.completed_by(stored) == Identity(
        subject="abc", email="old@example.test", name="Ada L.", roles=frozenset()
    )
