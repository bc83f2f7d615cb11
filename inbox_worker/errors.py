"""The exception tree of inbox-worker.

    InboxWorkerError            anything we raise on purpose
     ├── ConfigError            config.toml is missing, unreadable or has a bad value: stop at start
     ├── RulesError             a file under rules/ is invalid (names file and line): stop at start
     ├── TemplateError          a template is missing or fails to render
     ├── MailboxError           the IMAP server cannot be reached or refuses us: abort this poll
     ├── SendError              the SMTP server cannot be reached or refuses us: keep the outbox
     ├── StoreError             the case store cannot be read or written: stop safely
     │    └── StoreLockedError  another worker holds the store
     └── MessageError           this one mail is bad: quarantine it and go on with the rest

A ``MessageError`` concerns one mail; everything else means the system is broken and the
current cycle is aborted (the scheduler retries on the next tick).
"""

from __future__ import annotations


class InboxWorkerError(Exception):
    """Base class of every error inbox-worker raises on purpose."""


class ConfigError(InboxWorkerError):
    """Raised when a config key is missing or has a bad value; ``key`` names it."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"config: {key}: {problem}")
        self.key = key
        self.problem = problem


class RulesError(InboxWorkerError):
    """Raised when a rules file is invalid; the message names the file and line."""


class TemplateError(InboxWorkerError):
    """Raised when a template is missing or cannot be rendered."""


class MailboxError(InboxWorkerError):
    """Raised when the IMAP server cannot be reached, refuses login or a command fails."""


class SendError(InboxWorkerError):
    """Raised when the SMTP server cannot be reached or refuses the login."""


class StoreError(InboxWorkerError):
    """Raised when the case store cannot be read or written."""


class StoreLockedError(StoreError):
    """Raised when another worker process already holds the store's lock."""


class MessageError(InboxWorkerError):
    """Raised when one mail cannot be processed; it is quarantined, the batch goes on."""
