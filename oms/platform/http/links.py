"""Contexts register their collection URLs here so the API root lists them without knowing them."""

_links: dict[str, str] = {}


def register_link(name: str, url_name: str) -> None:
    _links[name] = url_name


def registered_links() -> list[tuple[str, str]]:
    return sorted(_links.items())
