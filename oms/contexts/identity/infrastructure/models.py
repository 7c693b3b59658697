"""Persistence records of the identity context; tables are prefixed ``identity_``.

Users are provisioned from the OpenID Connect provider's claims: ``subject`` is the provider's
``sub`` and the natural key. Passwords exist only for the embedded mode's demo users and a
break-glass superuser; OIDC users get an unusable one.
"""

import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from oms.platform.messaging.models import InboxMessage, OutboxMessage


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(
        self, subject: str, email: str = "", password: str | None = None, **extra: object
    ) -> "User":
        if not subject:
            raise ValueError("a user needs a subject")
        user = self.model(subject=subject, email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(
        self, subject: str, email: str = "", password: str | None = None, **extra: object
    ) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(subject, email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.CharField("OIDC subject", max_length=255, unique=True)
    email = models.EmailField(blank=True)
    name = models.CharField(max_length=255, blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "subject"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        db_table = "identity_user"

    def __str__(self) -> str:
        return self.name or self.subject

    def get_full_name(self) -> str:
        return self.name or self.subject

    def get_short_name(self) -> str:  # the admin greets users by it
        return self.name or self.subject


class IdentityOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "identity_outbox"


class IdentityInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "identity_inbox"
