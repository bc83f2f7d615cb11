"""Staff commands: the ``#tag value`` lines at the top of a staff reply.

Tags stand on their own lines before any quoted text (DESIGN.md section 6). Everything else
the staff member wrote, without the signature, is the message for the customer. The
registry below is the one place that names the tags and their Polish aliases.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from inbox_worker.models import CaseStatus, Category, Resolution

STATUS_ALIASES: dict[str, CaseStatus] = {
    **{status.value: status for status in CaseStatus if status is not CaseStatus.NEW},
    "w_toku": CaseStatus.IN_PROGRESS,
    "czeka_na_klienta": CaseStatus.WAITING_FOR_CUSTOMER,
    "uznana": CaseStatus.ACCEPTED,
    "odrzucona": CaseStatus.REJECTED,
    "zamknieta": CaseStatus.CLOSED,
    "zamknięta": CaseStatus.CLOSED,
}

# tag name -> does it take a value?
TAGS: dict[str, bool] = {
    "status": True,
    "category": True,
    "resolution": True,
    "assign": True,
    "note": False,
    "silent": False,
}
TAG_ALIASES = {
    "kategoria": "category",
    "rozwiazanie": "resolution",
    "przypisz": "assign",
    "notatka": "note",
    "cicho": "silent",
}

_TAG_LINE = re.compile(r"^\s*#([^\W\d][\w-]*)\b[ \t:]*(.*?)\s*$")
_SIGNATURE = re.compile(r"^(-- ?|—|__+)$")


@dataclass(frozen=True)
class StaffCommand:
    """Parsed staff reply: the tags in order, the message, and what was wrong with it."""

    status: CaseStatus | None = None
    category: Category | None = None
    resolution: Resolution | None = None
    assign: str | None = None
    note: bool = False
    silent: bool = False
    message: str = ""
    errors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def has_tags(text: str) -> bool:
    """True when the top of ``text`` has at least one ``#word`` line (known or not)."""
    return bool(_tag_lines(text)[0])


def parse_command(text: str) -> StaffCommand:
    """Read the tags and message of a staff reply; unknown tags and bad values go to errors."""
    lines, rest = _tag_lines(text)
    values: dict[str, object] = {}
    errors: list[str] = []
    for name, value in lines:
        problem = _apply(name, value, values)
        if problem:
            errors.append(problem)
    return StaffCommand(
        status=values.get("status"),  # type: ignore[arg-type]
        category=values.get("category"),  # type: ignore[arg-type]
        resolution=values.get("resolution"),  # type: ignore[arg-type]
        assign=values.get("assign"),  # type: ignore[arg-type]
        note=bool(values.get("note")),
        silent=bool(values.get("silent")),
        message=_without_signature(rest),
        errors=tuple(errors),
        tags=tuple(f"#{name} {value}".strip() for name, value in lines),
    )


def _tag_lines(text: str) -> tuple[list[tuple[str, str]], str]:
    """Split the leading tag lines (blank lines between them allowed) from the rest."""
    lines = text.replace("\r\n", "\n").split("\n")
    tags: list[tuple[str, str]] = []
    index = 0
    for index, line in enumerate(lines):  # noqa: B007 (index is used after the loop)
        match = _TAG_LINE.match(line)
        if match:
            tags.append((match.group(1).lower(), match.group(2)))
        elif line.strip():
            break
    else:
        index = len(lines)
    return tags, "\n".join(lines[index:]).strip()


def _apply(name: str, value: str, values: dict[str, object]) -> str | None:
    name = TAG_ALIASES.get(name, name)
    if name not in TAGS:
        return _unknown("tag", f"#{name}", [f"#{tag}" for tag in (*TAGS, *TAG_ALIASES)])
    if TAGS[name] and not value:
        return f"#{name} needs a value"
    word = value.split()[0].lower() if value else ""
    if name == "status":
        if word not in STATUS_ALIASES:
            return _unknown("status", word, list(STATUS_ALIASES))
        values["status"] = STATUS_ALIASES[word]
    elif name in ("category", "resolution"):
        enum = Category if name == "category" else Resolution
        try:
            values[name] = enum(word)
        except ValueError:
            return _unknown(name, word, [member.value for member in enum])
    elif name == "assign":
        values["assign"] = value.strip()
    else:
        values[name] = True
    return None


def _unknown(what: str, given: str, known: list[str]) -> str:
    close = difflib.get_close_matches(given, known, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"unknown {what} {given!r}{hint}; known: {', '.join(known)}"


def _without_signature(text: str) -> str:
    kept: list[str] = []
    for line in text.split("\n"):
        if _SIGNATURE.match(line.strip()):
            break
        kept.append(line)
    return "\n".join(kept).strip()
