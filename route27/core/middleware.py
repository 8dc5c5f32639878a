import uuid

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from route27.core import request_context
from route27.core.access import PUBLIC, SELF_GUARDED_NAMESPACES, policy_of, view_refused
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
    """Deny by default: a view without a declared access policy is never served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

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
            view_refused.send(sender=type(self), user=request.user, view_name=match.view_name,
                              policy=policy)
            return access_denied_response(request, reason=f"missing permission {policy}")
        return None
