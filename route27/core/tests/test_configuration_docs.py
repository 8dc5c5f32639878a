from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from route27.core.env import REGISTRY


def test_every_setting_is_documented():
    docs = (Path(settings.BASE_DIR) / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [name for name in REGISTRY if f"`{name}`" not in docs]
    assert missing == [], f"run `manage.py configuration_docs > docs/configuration.md`: {missing}"


def test_generated_docs_match_the_file(capsys):
    call_command("configuration_docs")
    generated = capsys.readouterr().out
    docs = (Path(settings.BASE_DIR) / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert generated == docs
