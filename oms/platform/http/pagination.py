"""Page-number pagination bodies (``count``, ``next``, ``previous``, ``results``) for facade-backed lists.

Views page through facades with offset and limit, not QuerySets, so DRF's paginator classes do not
apply; the links are built the same way they build them.
"""

from typing import Any

from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param


def page_links(request: Request, *, page: int, size: int, count: int) -> dict[str, str | None]:
    url = request.build_absolute_uri()
    following = replace_query_param(url, "page", page + 1) if page * size < count else None
    previous = None
    if page > 1:
        previous = (
            remove_query_param(url, "page") if page == 2 else replace_query_param(url, "page", page - 1)
        )
    return {"next": following, "previous": previous}


def page_body(request: Request, *, page: int, size: int, count: int, results: Any) -> dict[str, Any]:
    return {"count": count, **page_links(request, page=page, size=size, count=count), "results": results}
