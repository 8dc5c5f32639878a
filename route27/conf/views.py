from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language as django_set_language

from route27.core.access import PUBLIC, access_policy
from route27.organisations.reference_data import ATTRIBUTION


class LoginView(auth_views.LoginView):
    access_policy = PUBLIC
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Autofocus would make the first Tab skip the skip link (WCAG 2.4.1).
        form.fields["username"].widget.attrs.pop("autofocus", None)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.DEMO_MODE:
            from route27.demo.loader import demo_accounts

            context["demo_accounts"] = demo_accounts()
        return context


@method_decorator(never_cache, name="dispatch")
class LogoutView(auth_views.LogoutView):
    access_policy = PUBLIC


set_language = access_policy(PUBLIC)(django_set_language)


@access_policy(PUBLIC)
def sources(request):
    return render(request, "core/sources.html", {"attribution": ATTRIBUTION})


@access_policy(PUBLIC)
def health(request):
    from django.http import JsonResponse

    return JsonResponse({"status": "ok"})
