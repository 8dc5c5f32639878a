"""Issue 9 §6: logins, failed logins and logouts are audited; the request id is the server's."""

import pytest
from django.test import Client

from route27.audit.models import AuditAction, AuditEntry
from route27.organisations.tests.factories import member

pytestmark = pytest.mark.django_db
PASSWORD = "Een-lang-wachtwoord-2026"


@pytest.fixture
def user():
    account = member()
    account.set_password(PASSWORD)
    account.save()
    return account


def test_login_logout_and_a_failed_login_are_each_one_row(client, user):
    client.post("/inloggen/", {"username": user.username, "password": "fout"})
    client.post("/inloggen/", {"username": user.username, "password": PASSWORD})
    client.post("/uitloggen/")
    rows = list(AuditEntry.objects.filter(object_type="session").order_by("id")
                .values_list("action", "actor_username"))
    assert rows == [(AuditAction.LOGIN_FAILED, user.username), (AuditAction.LOGIN, user.username),
                    (AuditAction.LOGOUT, user.username)]


def test_a_bsn_typed_as_user_name_is_not_stored(client):
    client.post("/inloggen/", {"username": "111222333", "password": "x"})
    entry = AuditEntry.objects.get(object_type="session")
    assert entry.action == AuditAction.LOGIN_FAILED and "111222333" not in str(entry.__dict__)


def test_the_request_id_is_made_by_the_server(user):
    client = Client()
    client.force_login(user)
    response = client.get("/bronnen/", HTTP_X_REQUEST_ID="mijn-eigen-id-123")
    assert response["X-Request-ID"] != "mijn-eigen-id-123"
    assert len(response["X-Request-ID"]) == 32
