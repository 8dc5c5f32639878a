"""The functional administrator's rights in ``/beheer/`` (Django admin), by role (issue 11 §1).

Exactly the models the admin registers for administration — municipal settings, reference
lists, document formats, organisations, teams and accounts — and never case data (no youth
files are in the admin). Accounts: a functional administrator sees them and gives and changes
memberships (roles) on the team page. Creating or editing an account stays with a superuser:
Django's user admin adds only with the change right, and its change form can make a superuser,
so granting it would let a functional administrator raise their own rights (an in-app account
page without those fields is the better way; issue 11 leaves it open).

``/beheer/`` still asks ``is_staff`` (AdminSite); the demo sets it for the beheer account, and a
municipality sets it when it creates a functional administrator. The rules live here, at the
top, because they span three apps; the module rights (``has_module_perms``) are rules named after
the app label, as ``rules.ObjectPermissionBackend`` asks them.
"""

import rules

from route27.organisations.rules import is_functional_admin

RIGHTS: dict[str, dict[str, tuple[str, ...]]] = {
    "organisations": {
        "municipality": ("view", "change"),  # only the designations are editable
        "municipalconfig": ("view", "add", "change"),
        "labourmarketregion": ("view",),
        "doorstroompuntregion": ("view",),
        "organisation": ("view", "add", "change"),
        "team": ("view", "add", "change"),
        "membership": ("view", "add", "change"),
        "user": ("view",),
    },
    "trajectories": {
        "lifedomain": ("view", "add", "change"),
        "instrument": ("view", "add", "change"),
    },
    "handover": {
        "documenttemplate": ("view", "add", "change"),
    },
}

for app_label, models in RIGHTS.items():
    rules.add_perm(app_label, is_functional_admin)
    for model, actions in models.items():
        for action in actions:
            rules.add_perm(f"{app_label}.{action}_{model}", is_functional_admin)
