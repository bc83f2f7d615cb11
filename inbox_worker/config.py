"""Load ``config.toml`` once at start into frozen, validated settings.

Validation is pydantic's (already a dependency of spaCy): unknown keys and bad values raise
``ConfigError`` naming the key, e.g. ``config: smtp.security: must be one of ssl, starttls,
none``. Secrets come from the environment variable a ``password_env`` key names.
"""

from __future__ import annotations

import logging
import os
import re
import ssl
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from inbox_worker.errors import ConfigError

log = logging.getLogger(__name__)
DEFAULT_PATH = Path("config.toml")
ENV_VAR = "INBOX_WORKER_CONFIG"

Port = Annotated[int, Field(ge=1, le=65535)]
Security = Literal["ssl", "starttls", "none"]
Address = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+$")]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ShopConfig(_Section):
    name: str = "Sklep"
    support_address: Address
    staff_addresses: tuple[str, ...] = ()
    staff_notify: Address
    owner_address: Address | None = None
    response_deadline_days: Annotated[int, Field(ge=1, le=365)] = 14
    default_language: Literal["pl", "en"] = "pl"
    timezone: str = "Europe/Warsaw"
    reopen_days: Annotated[int, Field(ge=0)] = 30
    deadline_warning_days: Annotated[int, Field(ge=0, le=30)] = 3

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def domain(self) -> str:
        return self.support_address.rpartition("@")[2].lower()


class _ServerConfig(_Section):
    host: str
    port: Port
    security: Security = "ssl"
    username: str = ""
    password: str | None = None
    password_env: str | None = None
    verify_tls: bool = True
    ca_file: Path | None = None
    timeout_seconds: Annotated[float, Field(gt=0)] = 60.0

    def tls_context(self, section: str) -> ssl.SSLContext:
        """The TLS context for this server: verified (with ``ca_file`` when given) unless
        ``verify_tls`` is false, which is for tests only and says so in the log."""
        context = ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)
        if not self.verify_tls:
            log.warning("%s %s:%d: TLS certificate NOT verified", section, self.host, self.port)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def resolve_password(self, section: str) -> str:
        """The password from ``password`` or the variable ``password_env`` names.

        Raises ``ConfigError`` when neither gives one (a login needs it).
        """
        if self.password is not None:
            return self.password
        if not self.username:  # no login, no password
            return ""
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise ConfigError(
                    f"{section}.password_env",
                    f"environment variable {self.password_env} is not set",
                )
            return value
        return ""


class ImapConfig(_ServerConfig):
    port: Port = 993
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    batch_size: Annotated[int, Field(ge=1, le=10_000)] = 100


class SmtpConfig(_ServerConfig):
    port: Port = 465
    # Send every mail to this one address instead (for trying the worker on real mail).
    dev_redirect: Address | None = None


class StorageConfig(_Section):
    path: Path = Path("data/cases.json")

    @property
    def data_dir(self) -> Path:
        return self.path.parent


class ScheduleConfig(_Section):
    poll_seconds: Annotated[int, Field(ge=5)] = 60
    deliver_seconds: Annotated[int, Field(ge=5)] = 60
    deadlines_cron_hour: Annotated[int, Field(ge=0, le=23)] = 8


class RetentionConfig(_Section):
    # Closed cases older than this leave the hot store for archive files; it must exceed
    # shop.reopen_days (_check_across_sections).
    archive_after_days: Annotated[int, Field(ge=1)] = 90


class DigestConfig(_Section):
    # The owner's report goes out weekly on this day, at this hour (shop time).
    weekday: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    hour: Annotated[int, Field(ge=0, le=23)] = 7
    # The whole days before the day of sending that the report covers.
    days: Annotated[int, Field(ge=1)] = 7
    # Empty: shop.owner_address, else shop.staff_notify.
    recipient: str = ""

    @field_validator("recipient")
    @classmethod
    def _address_or_empty(cls, value: str) -> str:
        if value and not re.fullmatch(r"[^@\s]+@[^@\s]+", value):
            raise ValueError("must be an e-mail address, or empty")
        return value

    def address(self, shop: ShopConfig) -> str:
        """Where the digest goes."""
        return self.recipient or shop.owner_address or shop.staff_notify


class SecurityConfig(_Section):
    trusted_authserv_ids: tuple[str, ...] = ()
    require_staff_authentication: bool = True


class TemplatesConfig(_Section):
    dir: Path = Path("templates")


class UnderstandingConfig(_Section):
    rules_dir: Path = Path("rules")
    # A regular expression for the shop's order numbers (the example shop: six digits).
    order_number_pattern: str = r"[1-9][0-9]{5}"

    @field_validator("order_number_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return value


class LimitsConfig(_Section):
    # A mail that fails this many times goes to the quarantine folder.
    max_attempts: Annotated[int, Field(ge=1, le=100)] = 3
    # Bigger mails are not analysed: the customer is told, staff get the mail.
    max_mail_bytes: Annotated[int, Field(ge=1024)] = 25 * 1024 * 1024
    # Attachments bigger than this are not kept under the case (the raw mail still is).
    max_attachment_bytes: Annotated[int, Field(ge=0)] = 10 * 1024 * 1024
    # Automatic mails to one recipient (staff excepted) per hour and per day.
    max_mails_per_recipient_hour: Annotated[int, Field(ge=1)] = 5
    max_mails_per_recipient_day: Annotated[int, Field(ge=1)] = 20
    # Automatic mails about one case (to the customer and staff together) per day.
    max_mails_per_case_day: Annotated[int, Field(ge=1)] = 30


class Config(_Section):
    shop: ShopConfig
    imap: ImapConfig
    smtp: SmtpConfig
    storage: StorageConfig = StorageConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    security: SecurityConfig = SecurityConfig()
    understanding: UnderstandingConfig = UnderstandingConfig()
    limits: LimitsConfig = LimitsConfig()
    templates: TemplatesConfig = TemplatesConfig()
    retention: RetentionConfig = RetentionConfig()
    digest: DigestConfig = DigestConfig()


def load(path: Path | None = None) -> Config:
    """Read and validate the config file; relative paths in it are relative to the file.

    Raises ``ConfigError`` with the offending key for any problem.
    """
    path = path or Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "file not found (pass --config PATH)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"not valid TOML: {exc}") from None
    return from_dict(data, base_dir=path.resolve().parent)


def from_dict(data: dict[str, Any], base_dir: Path | None = None) -> Config:
    """Validate a config given as a dict (as parsed from TOML)."""
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise _first_problem(exc) from None
    _check_across_sections(config)
    return _anchor_paths(config, base_dir) if base_dir else config


def _first_problem(exc: ValidationError) -> ConfigError:
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"]) or "(top level)"
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown key"
    elif error["type"] == "missing":
        message = "missing (required)"
    elif error["type"] == "literal_error":
        message = message.replace("Input should be", "must be")
    return ConfigError(key, message)


def _check_across_sections(config: Config) -> None:
    reopen_days = config.shop.reopen_days
    if config.retention.archive_after_days <= reopen_days:
        raise ConfigError(
            "retention.archive_after_days",
            f"must be larger than shop.reopen_days ({reopen_days}): "
            "a closed case that a reply can still reopen must stay in the store",
        )


def _anchor_paths(config: Config, base_dir: Path) -> Config:
    storage = config.storage.model_copy(update={"path": base_dir / config.storage.path})
    rules_dir = base_dir / config.understanding.rules_dir
    understanding = config.understanding.model_copy(update={"rules_dir": rules_dir})
    templates = config.templates.model_copy(update={"dir": base_dir / config.templates.dir})
    return config.model_copy(
        update={"storage": storage, "understanding": understanding, "templates": templates}
    )
