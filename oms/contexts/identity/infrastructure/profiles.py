"""Read models of users for the facade: the signed-in user's profile, a customer's contact."""

import uuid

from oms.contexts.identity.contracts.dtos import CustomerContact, UserProfile
from oms.contexts.identity.domain.roles import ADMIN, ROLES
from oms.contexts.identity.infrastructure.models import User


def user_profile(user_id: uuid.UUID) -> UserProfile | None:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    roles = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    if user.is_superuser:  # a break-glass superuser counts as admin, as the API's permissions say
        roles.add(ADMIN)
    return UserProfile(
        id=user.pk,
        email=user.email,
        name=user.name,
        roles=tuple(sorted(roles)),
        permissions=tuple(sorted(user.get_all_permissions())),
    )


def customer_contact(customer_id: uuid.UUID) -> CustomerContact | None:
    user = User.objects.filter(pk=customer_id, is_active=True).only("id", "email", "name").first()
    if user is None:
        return None
    return CustomerContact(id=user.pk, email=user.email, name=user.name)
