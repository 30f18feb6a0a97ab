"""Configuration: mkdocs.yml's `extra: dossier:` block, overridden by the environment."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.settings import Settings, read_settings


@pytest.mark.parametrize(("block", "env", "expected"), [
    (None, {}, Settings("T")),
    ({"pdf": True}, {}, Settings("T", pdf=True)),
    ({"pdf": True}, {"DOSSIER_PDF": "0"}, Settings("T", pdf=False)),
    ({}, {"DOSSIER_PDF": "1", "DOSSIER_OFFLINE_DIR": "build/offline"}, Settings("T", True, "build/offline")),
    ({"offline_dir": "x"}, {"DOSSIER_OFFLINE_DIR": ""}, Settings("T", offline_dir="x")),
])
def test_settings_from_config_and_environment(block: Any, env: dict[str, str], expected: Settings) -> None:
    assert read_settings(" T ", block, env) == (expected, None)


@pytest.mark.parametrize(("title", "block", "env", "problem"), [
    ("T", ["pdf"], {}, "must be a mapping"),
    ("T", {"pfd": True}, {}, "unknown setting 'extra: dossier: pfd'"),
    ("T", {"pdf": "ja"}, {}, "must be true or false"),
    ("T", {"offline_dir": 3}, {}, "must be a folder path"),
    ("T", {}, {"DOSSIER_PDF": "vielleicht"}, "use 1 or 0"),
    (" ", {}, {}, "'site_name' must not be empty"),
])
def test_wrong_settings_are_one_clear_message(title: str, block: Any, env: dict[str, str], problem: str) -> None:
    settings, message = read_settings(title, block, env)
    assert settings is None and message is not None and problem in message
