from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.contexts.identity import facade
from oms.contexts.identity.api.serializers import MeSerializer


class MeView(APIView):
    """The signed-in user: who they are, their roles, and their permissions by name."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=MeSerializer, operation_id="me")
    def get(self, request: Request) -> Response:
        profile = facade.user_profile(user_id=request.user.pk) if request.user.pk else None
        if profile is None:  # disabled since the session began
            raise NotAuthenticated
        return Response(MeSerializer(profile).data)
