"""``khabar serve``: a read-only web interface and JSON API over a khabar database.

Pages (timeline, actor network, search, event, document) are rendered on the server with
Jinja2; each has a JSON twin under ``/api`` described by ``/openapi.json``. See
:mod:`khabar.web.app` for the routes and the safety bounds, :mod:`khabar.web.queries` for the
read model (which the ``khabar search`` command uses too, without importing the web stack).
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from khabar.web import app

        return getattr(app, name)
    raise AttributeError(name)
