"""Deny by default: every URL pattern must lead to a view with a declared access policy."""

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, include, path

from route27.core.access import SELF_GUARDED_NAMESPACES, policy_of


def _walk(patterns, prefix="", namespaces=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback, namespaces


def test_every_view_declares_an_access_policy():
    undeclared = [
        route for route, callback, namespaces in _walk(get_resolver().url_patterns)
        if not set(namespaces) & SELF_GUARDED_NAMESPACES.keys() and policy_of(callback) is None
    ]
    assert undeclared == [], f"views without an access policy: {undeclared}"


def test_walk_sees_the_known_views():
    routes = {route for route, _, _ in _walk(get_resolver().url_patterns)}
    assert {"jongeren/", "jongeren/<uuid:public_id>/", "inloggen/"} <= routes
    assert any(r.startswith("api/v1/") and "jongeren" in r for r in routes)


def undeclared_view(request):
    return HttpResponse("should never be served")


urlpatterns = [path("undeclared/", undeclared_view), path("", include("route27.conf.urls"))]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_middleware_refuses_a_view_without_policy(admin_client):
    response = admin_client.get("/undeclared/")
    assert response.status_code == 403
    assert b"should never be served" not in response.content
