import uuid

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from route27.core import request_context
from route27.core.access import (
    PUBLIC,
    SELF_GUARDED_NAMESPACES,
    note_refused,
    policy_of,
    view_refused,
)
from route27.core.errors import access_denied_response


class RequestIdMiddleware:
    """Give every request an id for the audit log. The server makes it: an incoming
    X-Request-ID is not trusted (a client could make rows of the log look related)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.id = uuid.uuid4().hex
        token = request_context.request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_context.request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class LanguageMiddleware:
    """The language of a page: the one the user chose with the language switch (its cookie),
    else the deployment's default (``ROUTE27_DEFAULT_LANGUAGE``, Dutch). The browser's
    Accept-Language is not asked: a Dutch municipal service speaks Dutch to a headless or an
    English-language browser too, with English one click away. Replaces Django's
    ``LocaleMiddleware``, which would follow the browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def language_of(request: HttpRequest) -> str:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen and chosen in dict(settings.LANGUAGES):
            return chosen
        return settings.LANGUAGE_CODE

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = self.language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class ApiVersionMiddleware:
    """API Design Rules /core/version-header: every API response carries API-Version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
        return response


class AccessPolicyMiddleware:
    """Deny by default: a view without a declared access policy is never served. And every
    refusal is audited (ACCESS.md): a refused request of a signed-in user gets exactly one
    ``denied`` row.

    A request is refused when the policy refuses it here, when the answer is 403 or 404 (a
    selector's "not found or no access", the API's permission check, a view's own refusal), or
    when the view noted a refusal it shows as a message (``core.errors.Refused``,
    ``core.access.note_refused``). A selector that refused an object has written a richer row
    about that object already (``core.access.note_denied``); otherwise the row is written here,
    about the view, after the view has run, so no rolled-back transaction takes it along. An
    anonymous visitor is sent to the login and refused nothing about anyone: no row.
    """

    REFUSED_STATUSES = (403, 404)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        state = request_context.Refusal()
        token = request_context.refusal.set(state)
        try:
            response = self.get_response(request)
        finally:
            request_context.refusal.reset(token)
        self._audit_refusal(request, response, state)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and set(match.namespaces) & SELF_GUARDED_NAMESPACES.keys():
            return None
        policy = policy_of(view_func)
        if policy is None:
            return access_denied_response(request, reason="no access policy declared")
        if policy == PUBLIC:
            return None
        if not request.user.is_authenticated:
            if request.path.startswith("/api/"):
                return access_denied_response(request, status=401, reason="not authenticated")
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(policy):
            note_refused(f"missing permission {policy}")
            return access_denied_response(request, reason=f"missing permission {policy}")
        return None

    def _audit_refusal(self, request, response, state: request_context.Refusal) -> None:
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        if user is None or not user.is_authenticated or match is None or state.denied_rows:
            return
        if set(match.namespaces) & SELF_GUARDED_NAMESPACES.keys():
            return
        status = response.status_code
        refused = bool(state.reason) or status == 403 or (
            status == 404 and not state.nothing_refused)
        if refused:
            view_refused.send(sender=type(self), user=user, view_name=match.view_name,
                              policy=policy_of(match.func) or "")
