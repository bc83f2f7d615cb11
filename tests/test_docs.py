"""The README is the manual: it must name every command, config key, tag and rules file."""

from __future__ import annotations

import tomllib

import click
import pytest

from inbox_worker.cli import main
from inbox_worker.tags import STATUS_ALIASES, TAGS
from tests.support import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
        else:
            names.append(f"{prefix}{name}")
    return names


@pytest.mark.parametrize("command", _commands(main))
def test_readme_names_every_command(command: str) -> None:
    assert f"inbox-worker {command}" in README


def _keys() -> list[str]:
    data = tomllib.loads((PROJECT / "config.toml").read_text(encoding="utf-8"))
    return [f"{section}.{key}" for section, values in data.items() for key in values]


@pytest.mark.parametrize("key", _keys())
def test_readme_names_every_config_key(key: str) -> None:
    assert f"`{key}`" in README


@pytest.mark.parametrize("tag", sorted(TAGS))
def test_readme_names_every_tag(tag: str) -> None:
    assert f"#{tag}" in README


@pytest.mark.parametrize("value", sorted(STATUS_ALIASES))
def test_readme_names_every_status_value(value: str) -> None:
    assert f"`{value}`" in README


def test_readme_starts_with_the_two_commands() -> None:
    block = README.split("```")[1]
    lines = [line for line in block.splitlines()[1:] if line.strip()]
    assert len(lines) == 2
    assert "inbox-worker demo" in lines[0] and "pytest" in lines[1]
