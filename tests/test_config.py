"""Config validation: every problem is one line naming the key."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from inbox_worker import config as config_module
from inbox_worker.errors import ConfigError
from tests.support import PROJECT


def test_the_shipped_config_is_valid() -> None:
    config = config_module.load(PROJECT / "config.toml")
    assert config.shop.response_deadline_days == 14
    assert config.storage.path.is_absolute()
    assert config.retention.archive_after_days == 90


@pytest.mark.parametrize(
    ("section", "key", "value", "problem"),
    [
        ("smtp", "security", "tls", "must be 'ssl', 'starttls' or 'none'"),
        ("imap", "port", 99999, "less than or equal to 65535"),
        ("shop", "bogus", 1, "unknown key"),
        ("shop", "timezone", "Mars/Olympus", "unknown time zone"),
        ("understanding", "order_number_pattern", "([0-9", "not a valid regular expression"),
        ("retention", "archive_after_days", 0, "greater than or equal to 1"),
        # A closed case that a reply can still reopen must not leave the store.
        ("retention", "archive_after_days", 30, "must be larger than shop.reopen_days (30)"),
        (
            "digest",
            "weekday",
            "monday",
            "must be 'mon', 'tue', 'wed', 'thu', 'fri', 'sat' or 'sun'",
        ),
        ("digest", "hour", 24, "less than or equal to 23"),
        ("digest", "days", 0, "greater than or equal to 1"),
        ("digest", "recipient", "szef", "must be an e-mail address, or empty"),
        ("digest", "when", "mon", "unknown key"),
    ],
)
def test_bad_values_name_the_key(section: str, key: str, value: object, problem: str) -> None:
    data = tomllib.loads((PROJECT / "config.toml").read_text())
    data[section][key] = value
    with pytest.raises(ConfigError) as error:
        config_module.from_dict(data)
    assert error.value.key == f"{section}.{key}"
    assert problem in str(error.value)


def test_missing_required_key_is_named() -> None:
    data = tomllib.loads((PROJECT / "config.toml").read_text())
    del data["shop"]["support_address"]
    with pytest.raises(ConfigError, match="shop.support_address: missing"):
        config_module.from_dict(data)


def test_missing_password_variable_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INBOX_WORKER_IMAP_PASSWORD", raising=False)
    config = config_module.load(PROJECT / "config.toml")
    with pytest.raises(ConfigError, match="INBOX_WORKER_IMAP_PASSWORD is not set"):
        config.imap.resolve_password("imap")


def test_cli_prints_one_line_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[shop]\nname = 1\n")
    result = subprocess.run(
        [sys.executable, "-m", "inbox_worker", "--config", str(path), "cases", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: config: ")
    assert "Traceback" not in result.stderr
