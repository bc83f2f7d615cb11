"""Render outgoing mail from owner-editable Jinja2 templates into ``OutgoingMail``.

Templates live in ``templates/<lang>/<name>.txt.j2`` (and optionally ``<name>.html.j2``).
The first line of the text template is ``Subject: ...``; the rest is the body. Rendering
runs in Jinja's sandbox with ``StrictUndefined``, so a template cannot reach Python
internals and a misspelt variable fails loudly instead of leaving a blank in a mail.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from jinja2.sandbox import SandboxedEnvironment

from inbox_worker.errors import TemplateError
from inbox_worker.models import OutgoingMail

LANGUAGES = ("pl", "en")


@dataclass(frozen=True)
class Letter:
    """What to send, before rendering: a template, its recipient, thread and variables."""

    template: str
    to: str
    language: str
    case_id: str
    variables: dict[str, Any]
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    reply_to: str = ""
    # False for what a person wrote (a staff reply to the customer): never held by the caps.
    automatic: bool = True
    # A fixed Message-ID for a mail that must be queued only once (the digest of a period);
    # empty: a fresh one.
    message_id: str = ""


class Templates:
    """The template set of one shop. Raises ``TemplateError`` on a missing folder."""

    def __init__(self, directory: Path, domain: str) -> None:
        if not directory.is_dir():
            raise TemplateError(f"template folder {directory} does not exist")
        self.directory = directory
        self.domain = domain
        self._env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader(str(directory)),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",)),
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._env.filters["longdate"] = long_date

    def names(self) -> list[str]:
        """Every template name that exists in every language."""
        per_language = [
            {p.name.removesuffix(".txt.j2") for p in (self.directory / lang).glob("*.txt.j2")}
            for lang in LANGUAGES
        ]
        return sorted(set.intersection(*per_language))

    def render(self, letter: Letter) -> OutgoingMail:
        """Render ``letter`` into a mail with its own Message-ID, else a fresh one in our
        domain."""
        language = letter.language if letter.language in LANGUAGES else LANGUAGES[0]
        variables = {**letter.variables, "case_id": letter.case_id, "language": language}
        subject, text = _split_subject(
            self._render(f"{language}/{letter.template}.txt.j2", variables)
        )
        html = self._render_html(f"{language}/{letter.template}.html.j2", variables, text)
        return OutgoingMail(
            message_id=letter.message_id or self.new_message_id(letter.case_id, letter.template),
            to=letter.to,
            subject=subject,
            text=text,
            html=html,
            in_reply_to=letter.in_reply_to,
            references=letter.references,
            reply_to=letter.reply_to,
            case_id=letter.case_id,
            template=letter.template,
        )

    def new_message_id(self, case_id: str, template: str) -> str:
        token = secrets.token_hex(6)
        return f"<iw.{case_id}.{template}.{token}@{self.domain}>"

    def _render_html(self, name: str, variables: dict[str, Any], text: str) -> str:
        # A mail without an HTML template of its own gets its text in the shared layout.
        if (self.directory / name).is_file():
            return self._render(name, variables)
        paragraphs = [markupsafe.escape(block) for block in text.strip().split("\n\n")]
        body = markupsafe.Markup("\n").join(
            markupsafe.Markup("<p>{}</p>").format(
                markupsafe.Markup("<br>\n").join(block.split("\n"))
            )
            for block in paragraphs
        )
        return self._render("_layout.html.j2", {**variables, "body_html": body})

    def _render(self, name: str, variables: dict[str, Any]) -> str:
        try:
            return self._env.get_template(name).render(variables)
        except jinja2.TemplateNotFound:
            raise TemplateError(f"template {name} not found in {self.directory}") from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"template {name}: {exc}") from exc


_MONTHS = {
    "pl": [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def long_date(value: str | date, language: str = "pl") -> str:
    """``2026-12-06`` as "6 grudnia 2026" / "6 December 2026" (the ``longdate`` filter)."""
    day = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    months = _MONTHS.get(language, _MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _split_subject(rendered: str) -> tuple[str, str]:
    first, _, body = rendered.partition("\n")
    if not first.lower().startswith("subject:"):
        raise TemplateError("a text template must start with a 'Subject: ...' line")
    # A subject is one line: whatever a variable brought in, no CR/LF may reach the header.
    subject = " ".join(first.partition(":")[2].split())
    return subject, body.lstrip("\n")
