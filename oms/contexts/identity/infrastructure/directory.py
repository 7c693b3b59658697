"""The user directory port over Django's user records; roles are kept as the groups of the same name."""

from django.contrib.auth.models import Group
from django.db import transaction

from oms.contexts.identity.domain.identity import Identity
from oms.contexts.identity.infrastructure.models import User


class DjangoUserDirectory:
    def find(self, subject: str) -> User | None:
        return User.objects.filter(subject=subject).first()

    def identity_of(self, user: User) -> Identity:
        return Identity(
            subject=user.subject,
            email=user.email,
            name=user.name,
            roles=frozenset(user.groups.values_list("name", flat=True)),
        )

    def create(self, identity: Identity) -> User:
        # get_or_create, because two first requests of a new user may race; the loser updates.
        user, created = User.objects.get_or_create(
            subject=identity.subject,
            defaults={"email": identity.email or "", "name": identity.name or ""},
        )
        if not created:
            return self.update(user, identity.completed_by(self.identity_of(user)))
        user.set_unusable_password()
        return self._save(user, identity)

    def update(self, user: User, identity: Identity) -> User:
        user.email = identity.email or ""
        user.name = identity.name or ""
        return self._save(user, identity)

    @transaction.atomic
    def _save(self, user: User, identity: Identity) -> User:
        # OIDC users are never superusers: the admin role's group holds every permission instead.
        user.is_staff = identity.is_staff
        user.is_superuser = False
        user.save()
        user.groups.set(Group.objects.filter(name__in=identity.roles))
        return user
