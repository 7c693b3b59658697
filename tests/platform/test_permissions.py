import pytest
from django.contrib.auth.models import Group
from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.platform.http.permissions import require_roles, roles_of


class WarehouseOnly(APIView):
    permission_classes = [require_roles("warehouse", "admin")]

    def get(self, request):
        return Response({"roles": sorted(roles_of(request.user))})


urlpatterns = [path("stock/", WarehouseOnly.as_view())]
pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


def user_with(django_user_model, *roles, superuser=False):
    user = django_user_model.objects.create_user(f"u-{'-'.join(roles) or 'none'}-{superuser}", password="pw")
    user.is_superuser = superuser
    user.save()
    user.groups.set([Group.objects.get(name=role) for role in roles])
    return user


@pytest.mark.parametrize(
    ("roles", "status"), [(("warehouse",), 200), (("admin",), 200), (("customer",), 403), ((), 403)]
)
def test_a_view_admits_only_the_roles_it_names(api_client, django_user_model, roles, status):
    api_client.force_authenticate(user_with(django_user_model, *roles))

    assert api_client.get("/stock/").status_code == status


def test_anonymous_callers_are_refused(api_client):
    assert api_client.get("/stock/").status_code in (401, 403)


def test_a_superuser_counts_as_admin(api_client, django_user_model):
    api_client.force_authenticate(user_with(django_user_model, superuser=True))

    assert api_client.get("/stock/").json() == {"roles": ["admin"]}
