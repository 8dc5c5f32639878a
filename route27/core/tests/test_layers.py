"""The apps form layers, and an app imports only from the layers below it (issue 8).

    core → casefile → youth → trajectories → signals / handover → portal → demo / home → conf

"core" is the shared base: ``core``, ``law``, ``audit`` and ``organisations``, which use each
other. ``demo`` (demo data) uses every app; ``conf`` (settings, root URLs, the API router) wires
everything together, so it stands on top. Two apps of one layer do not import each other (signals
and handover are peers), except inside the base.

Every import in the application code counts, also one inside a function; tests and migrations
do not. Templates count too: ``{% include %}`` and ``{% extends %}`` of another app's template.
A known exception is listed below with its reason; an exception that no longer occurs must be
taken off the list.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import route27

ROOT = Path(route27.__file__).parent

LAYERS: list[set[str]] = [
    {"core", "law", "audit", "organisations"},
    {"casefile"},
    {"youth"},
    {"trajectories"},
    {"signals", "handover", "appointments"},
    {"portal", "casework"},
    {"outreach"},
    {"monitoring"},
    {"programme"},
    {"demo", "home", "scale"},
    {"conf"},
]
BASE = LAYERS[0]
LAYER_OF = {app: n for n, apps in enumerate(LAYERS) for app in apps}

# (file, imported app): why it may import upwards for now.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}

SKIPPED_DIRS = {"tests", "migrations", "tests_browser", "static", "templates", "__pycache__"}
TEMPLATE_REF = re.compile(r"""\{%\s*(?:include|extends)\s+["']([\w-]+)/""")


def _app_of(path: Path) -> str | None:
    relative = path.relative_to(ROOT)
    if len(relative.parts) == 1:
        return relative.stem if relative.stem != "__init__" and relative.suffix == ".py" else None
    return relative.parts[0]


def _python_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if not SKIPPED_DIRS.intersection(parts) and path.name != "conftest.py":
            yield path


def _imported_apps(path: Path):
    """(line, app) for every ``route27.<app>`` the module imports."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "route27":
                names = [f"route27.{alias.name}" for alias in node.names]
            else:
                names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "route27" and len(parts) > 1:
                yield node.lineno, parts[1]


def _template_namespaces() -> dict[str, str]:
    """Template directory name → the app whose templates/ holds it."""
    return {namespace.name: app_dir.name
            for app_dir in ROOT.iterdir() if (app_dir / "templates").is_dir()
            for namespace in (app_dir / "templates").iterdir() if namespace.is_dir()}


def _allowed(importer: str, imported: str) -> bool:
    if importer == imported or (importer in BASE and imported in BASE):
        return True
    return LAYER_OF[imported] < LAYER_OF[importer]


def _dependencies():
    """(where, importing app, imported app) for every Python and template reference."""
    for path in _python_files():
        app = _app_of(path)
        if app is None:
            continue
        where = path.relative_to(ROOT).as_posix()
        for line, imported in _imported_apps(path):
            yield where, line, app, imported
    namespaces = _template_namespaces()
    for path in sorted(ROOT.glob("*/templates/**/*.html")):
        app = path.relative_to(ROOT).parts[0]
        where = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        for match in TEMPLATE_REF.finditer(text):
            imported = namespaces.get(match.group(1))
            if imported is not None:
                yield where, text.count("\n", 0, match.start()) + 1, app, imported


def test_every_app_has_a_layer():
    apps = {_app_of(path) for path in _python_files()} - {None}
    assert apps - set(LAYER_OF) == set(), "add the new app to LAYERS"


def test_apps_import_only_from_the_layers_below():
    upward = []
    for where, line, app, imported in _dependencies():
        if not _allowed(app, imported) and (where, imported) not in KNOWN_EXCEPTIONS:
            upward.append(f"{where}:{line}: {app} uses {imported}")
    assert upward == [], "imports against the layer order:\n" + "\n".join(upward)


def test_every_known_exception_still_occurs():
    seen = {(where, imported) for where, _line, app, imported in _dependencies()
            if not _allowed(app, imported)}
    assert set(KNOWN_EXCEPTIONS) - seen == set(), "take the fixed exception off the list"


def test_the_youth_app_does_not_import_trajectories():
    """The file page is assembled from registered sections (casefile.sections), not by calling
    into the trajectory app."""
    for path in (ROOT / "youth").rglob("*.py"):
        if SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts):
            continue
        assert "trajectories" not in {app for _line, app in _imported_apps(path)}, path
