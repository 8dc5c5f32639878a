"""The default language is the deployment's (ROUTE27_DEFAULT_LANGUAGE, Dutch), whatever the
browser asks for; English only by the language switch."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_an_english_browser_gets_dutch(client):
    response = client.get("/inloggen/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert "Inloggen bij Route27" in content
    assert response["Content-Language"] == "nl"


@pytest.mark.django_db
def test_the_switch_gives_english_to_any_browser(client):
    client.post("/taal/", {"language": "en", "next": "/inloggen/"},
                HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9")

    content = client.get("/inloggen/", HTTP_ACCEPT_LANGUAGE="nl-NL").content.decode()

    assert '<html lang="en"' in content
    assert "Log in to Route27" in content


@pytest.mark.django_db
def test_the_default_is_a_setting(client, settings):
    settings.LANGUAGE_CODE = "en"

    content = client.get("/inloggen/", HTTP_ACCEPT_LANGUAGE="nl-NL").content.decode()

    assert '<html lang="en"' in content


@pytest.mark.django_db
def test_an_unknown_cookie_falls_back_to_the_default(client):
    client.cookies["django_language"] = "fr"

    content = client.get("/inloggen/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="nl"' in content
