"""Just-in-time provisioning against a fake directory: writes happen only when claims change."""

from dataclasses import dataclass, field

from oms.contexts.identity.application.provisioning import provision_user
from oms.contexts.identity.domain.identity import Identity


@dataclass
class FakeUser:
    identity: Identity


@dataclass
class FakeDirectory:
    users: dict[str, FakeUser] = field(default_factory=dict)
    writes: list[str] = field(default_factory=list)

    def find(self, subject: str) -> FakeUser | None:
        return self.users.get(subject)

    def identity_of(self, user: FakeUser) -> Identity:
        return user.identity

    def create(self, identity: Identity) -> FakeUser:
        self.writes.append(f"create {identity.subject}")
        self.users[identity.subject] = FakeUser(identity)
        return self.users[identity.subject]

    def update(self, user: FakeUser, identity: Identity) -> FakeUser:
        self.writes.append(f"update {identity.subject}")
        user.identity = identity
        return user


def ada(**changes: object) -> Identity:
    fields: dict[str, object] = {
        "subject": "ada",
        "email": "ada@example.test",
        "name": "Ada",
        "roles": frozenset({"customer"}),
    }
    fields.update(changes)
    return Identity(**fields)


def test_the_first_sign_in_creates_the_user():
    directory = FakeDirectory()

    user = provision_user(ada(), directory=directory)

    assert user.identity == ada()
    assert directory.writes == ["create ada"]


def test_signing_in_again_with_the_same_claims_writes_nothing():
    directory = FakeDirectory()
    provision_user(ada(), directory=directory)

    provision_user(ada(), directory=directory)

    assert directory.writes == ["create ada"]


def test_changed_claims_update_the_user():
    directory = FakeDirectory()
    provision_user(ada(), directory=directory)

    user = provision_user(
        ada(email="ada@new.example.test", roles=frozenset({"support"})), directory=directory
    )

    assert user.identity == ada(email="ada@new.example.test", roles=frozenset({"support"}))
    assert directory.writes == ["create ada", "update ada"]


def test_claims_that_leave_out_the_email_keep_the_stored_one():
    directory = FakeDirectory()
    provision_user(ada(), directory=directory)

    user = provision_user(ada(email=None, name=None), directory=directory)

    assert user.identity == ada()
    assert directory.writes == ["create ada"]


def test_a_role_withdrawn_at_the_provider_is_withdrawn_here():
    directory = FakeDirectory()
    provision_user(ada(roles=frozenset({"admin", "customer"})), directory=directory)

    user = provision_user(ada(roles=frozenset()), directory=directory)

    assert user.identity.roles == frozenset()
