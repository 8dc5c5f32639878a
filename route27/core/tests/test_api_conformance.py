"""/api/v1 follows the Logius API Design Rules 2.2.0 (in-process; scripts/api-check.sh runs the
external tools: Spectral with the ADR ruleset, the runtime probes and schemathesis)."""

import json
import re

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

API = "/api/v1"
LOWER_CAMEL_CASE = re.compile(r"[a-z][a-zA-Z0-9]*")


@pytest.fixture
def oas(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.fixture
def api_client(coach_client):
    """A logged-in doorstroomcoach of a team (route27/conftest.py; no youth needed here)."""
    return coach_client


def _operations(oas):
    for path, item in oas["paths"].items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "delete", "patch", "head", "options"}:
                yield path, method, operation


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == status
    return body


# --- /core/publish-openapi --------------------------------------------------------------------

def test_openapi_json_is_public_json_with_cors(client):
    response = client.get(f"{API}/openapi.json", HTTP_ORIGIN="https://example.org")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert any(server["url"].endswith("/v1") for server in document["servers"])


def test_schema_views_are_not_part_of_the_api_description(oas):
    assert {"/jongeren", "/jongeren/{id}", "/jongeren/zoeken", "/trajecten", "/signalen"} <= set(
        oas["paths"])
    assert not [p for p in oas["paths"] if "schema" in p or "openapi" in p]


# --- /core/version-header ---------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/openapi.json", "/jongeren", "/dit-pad-bestaat-niet"])
def test_every_response_carries_the_api_version(client, oas, path):
    assert settings.API_VERSION == oas["info"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", settings.API_VERSION)
    assert client.get(f"{API}{path}")["API-Version"] == settings.API_VERSION


def test_logged_in_responses_carry_the_api_version(api_client):
    response = api_client.get(f"{API}/jongeren")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION


def test_every_success_response_documents_the_api_version_header(oas):
    for path, method, operation in _operations(oas):
        for code, response in operation["responses"].items():
            if code.startswith(("2", "3")):
                assert "API-Version" in response.get("headers", {}), (method, path, code)


# --- /core/error-handling ---------------------------------------------------------------------

def test_unknown_path_is_a_problem_json_404(client):
    body = assert_problem(client.get(f"{API}/dit-pad-bestaat-niet"), 404)
    assert body["title"] == "Niet gevonden"


def test_unauthenticated_is_a_problem_json_401_or_403(client):
    response = client.get(f"{API}/jongeren")
    assert response.status_code in (401, 403)
    assert_problem(response, response.status_code)


@pytest.mark.parametrize("query, name", [
    ("pagina=geen-getal", "pagina"),
    ("pagina=0", "pagina"),
    ("paginaGrootte=1000", "paginaGrootte"),
    ("paginaGrootte=²", "paginaGrootte"),
    ("page_size=10", "page_size"),  # an undocumented (snake_case) parameter is refused, not ignored
])
def test_invalid_query_input_is_a_problem_json_400(api_client, query, name):
    body = assert_problem(api_client.get(f"{API}/jongeren?{query}"), 400)
    assert [p["name"] for p in body["invalidParams"]] == [name]


def test_a_page_past_the_last_is_a_problem_json_404(api_client):
    assert_problem(api_client.get(f"{API}/jongeren?pagina=2"), 404)


def test_malformed_json_is_a_problem_json_400_in_dutch(api_client):
    response = api_client.post(f"{API}/jongeren", data="{kapot", content_type="application/json")
    body = assert_problem(response, 400)
    assert body["detail"] == "De inhoud van het verzoek is geen geldige JSON."


def test_unsupported_method_is_a_problem_json_405_with_allow(api_client):
    response = api_client.delete(f"{API}/jongeren")
    assert_problem(response, 405)
    assert set(response["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_error_responses_are_documented_as_problem_json(oas):
    for path, method, operation in _operations(oas):
        responses = operation["responses"]
        if operation.get("parameters") or operation.get("requestBody"):
            assert "400" in responses, (method, path)
        for code, response in responses.items():
            if code.startswith(("4", "5")):
                content = response["content"]
                assert list(content) == ["application/problem+json"], (method, path, code)
                assert content["application/problem+json"]["schema"] == {
                    "$ref": "#/components/schemas/Problem"}
    assert {"type", "title", "status", "detail"} <= set(
        oas["components"]["schemas"]["Problem"]["required"])


# --- /core/no-trailing-slash ------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/jongeren/", "/openapi.json/", "/jongeren/zoeken/"])
def test_trailing_slash_is_404_not_a_redirect(client, path):
    assert_problem(client.get(f"{API}{path}"), 404)


def test_trailing_slash_is_404_when_logged_in_too(api_client):
    assert_problem(api_client.get(f"{API}/jongeren/"), 404)


def test_no_path_in_the_schema_ends_with_a_slash(oas):
    assert oas["paths"]
    assert [path for path in oas["paths"] if path.endswith("/")] == []


# --- /core/naming -----------------------------------------------------------------------------

def test_query_parameters_are_lower_camel_case(oas):
    names = [parameter["name"] for _, _, operation in _operations(oas)
             for parameter in operation.get("parameters", []) if parameter["in"] == "query"]
    assert {"pagina", "paginaGrootte"} <= set(names)
    assert [name for name in names if not LOWER_CAMEL_CASE.fullmatch(name)] == []


def test_no_bsn_in_any_path_or_query_parameter(oas):
    for path, method, operation in _operations(oas):
        assert "bsn" not in path.lower() and "burgerservicenummer" not in path.lower()
        for parameter in operation.get("parameters", []):
            name = parameter["name"].lower()
            assert "bsn" not in name and "burgerservicenummer" not in name, (method, path)


# --- language ---------------------------------------------------------------------------------

def test_error_messages_are_dutch_whatever_the_accept_language(api_client):
    response = api_client.post(f"{API}/jongeren", data={}, content_type="application/json",
                               HTTP_ACCEPT_LANGUAGE="en")
    body = assert_problem(response, 400)
    assert body["detail"] == "Een of meer velden zijn ongeldig."
    assert {p["reason"] for p in body["invalidParams"]} == {"Dit veld is vereist."}
    assert response["Content-Language"] == "nl"


def test_missing_csrf_token_is_a_dutch_problem_json_403(coach):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(coach)
    body = assert_problem(strict.post(f"{API}/jongeren/zoeken", data={"burgerservicenummer": "1"},
                                      content_type="application/json"), 403)
    assert body["detail"].startswith("CSRF-controle mislukt")


def test_schema_is_also_served_at_schema_path(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"openapi" in response.content
