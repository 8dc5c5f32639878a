from django.conf import settings


def route27(request):
    user = getattr(request, "user", None)
    membership = None
    if user is not None and user.is_authenticated:
        membership = user.primary_membership
    return {"demo_mode": settings.DEMO_MODE, "current_membership": membership}
