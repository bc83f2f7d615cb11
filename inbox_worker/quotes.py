"""Split what the sender wrote now from the quoted replies and forwards below it.

mail-parser-reply finds the common English attributions; Polish clients (Gmail's
``W dniu … napisał(a):``, Outlook's ``Od: / Wysłano: / Do: / Temat:`` blocks,
``-----Wiadomość oryginalna-----``, Onet's ``----- Oryginalna wiadomość -----``, Apple Mail's
``Wiadomość napisana przez …``) are matched here. Windows are bounded so that hostile text
cannot make the search slow.
"""

from __future__ import annotations

import re

from mailparser_reply import EmailMessage

from inbox_worker.language import fold

_VERB = (
    r"(?:wrote|writes|napisa[lł]\s*\(a\)|napisa[lł]a?|pisze|"
    r"nades[lł]a[lł]\s*\(a\)|nades[lł]a[lł]a?)"
)
_ATTRIBUTION_END = re.compile(rf"\b{_VERB}\s*:$", re.IGNORECASE)
# Apple Mail in Polish: "Wiadomość napisana przez X w dniu 14 gru 2026, o godz. 09:00:"
_APPLE_PL = re.compile(r"^(?:>\s*)*wiadomo(?:ść|sc) napisana przez .{1,300}:$", re.I)
_ATTRIBUTION_LEAD = re.compile(r"^(?:on|w dniu|dnia|am|le|el|il|op)\b|@|\d", re.IGNORECASE)
_SEPARATOR = re.compile(
    r"^[-_=* ]*(?:original message|forwarded message|begin forwarded message|"
    r"wiadomosc oryginalna|oryginalna wiadomosc|wiadomosc przekazana dalej|"
    r"przekazana wiadomosc|tresc przekazanej wiadomosci|wiadomosc przekazana)[-_=* :]*$"
)
_BLOCK_FROM = re.compile(r"^\*?(?:from|od|von)\*?\s*:")
_BLOCK_FIELD = re.compile(
    r"^\*?(?:sent|date|to|subject|cc|wyslano|wyslane|data|do|temat|dw)\*?\s*:"
)
_RULE_LINE = re.compile(r"^[_-]{10,}$")
_LIBRARY_WINDOW = 50_000
_LINE_WINDOW = 200  # attributions, separators and header lines are short


def split_reply(text: str) -> tuple[str, str]:
    """Split ``text`` into (what the sender wrote now, quoted replies and forwards).

    ``>``-quoted lines and their attribution go to the quote wherever they are (so a reply
    written below a quote stays the sender's); from the first forward marker, Outlook
    header block or attribution followed by unquoted text, everything is quoted.
    Signatures stay with the sender's text.
    """
    lines = text.split("\n")
    folded = [fold(line.strip()[:_LINE_WINDOW]) for line in lines]
    hard = _hard_boundary(lines, folded)
    own: list[str] = []
    quoted: list[str] = []
    index = 0
    while index < hard:
        span = _attribution_span(lines, index)
        if span:
            quoted.extend(lines[index : index + span])
            index += span
            continue
        (quoted if lines[index].lstrip().startswith(">") else own).append(lines[index])
        index += 1
    quoted.extend(lines[hard:])
    return "\n".join(own).strip(), "\n".join(quoted).strip()


def _hard_boundary(lines: list[str], folded: list[str]) -> int:
    """Index of the first line from which everything is quoted (``len(lines)`` if none)."""
    library = _library_boundary(lines)
    for index, line in enumerate(folded[: min(library, len(lines))]):
        if line.startswith(">"):
            continue
        if _SEPARATOR.match(line) or _header_block_at(folded, index):
            return _with_rule_above(folded, index)
        span = _attribution_span(lines, index)
        if span and not _quoted_next(lines, index + span):
            return index
    return library


def _library_boundary(lines: list[str]) -> int:
    """First reply header that mail-parser-reply's English patterns find, as a line index.

    Its Polish patterns are not used: they split at any single ``Do:`` or ``Data:`` line.
    """
    window = "\n".join(line.strip()[:_LINE_WINDOW] for line in lines)[:_LIBRARY_WINDOW]
    for match in EmailMessage(text="", languages=["en"]).HEADER_REGEX.finditer(window):
        start = match.start()
        while start < len(window) and window[start] == "\n":
            start += 1
        index = window.count("\n", 0, start)
        if index < len(lines) and not lines[index].lstrip().startswith(">"):
            span = _attribution_span(lines, index) or 1
            if not _quoted_next(lines, index + span):
                return index
    return len(lines)


def _attribution_span(lines: list[str], index: int) -> int:
    """How many lines (1-3) an attribution line starting at ``index`` takes; 0 if none."""
    if not lines[index].strip():
        return 0
    for size in (1, 2, 3):
        if index + size > len(lines) or not lines[index + size - 1].strip():
            return 0
        joined = " ".join(line.strip() for line in lines[index : index + size])
        if len(joined) > 400:
            return 0
        if not joined.endswith(":"):  # cheap test first: the regex backtracks
            continue
        match = _ATTRIBUTION_END.search(joined, max(0, len(joined) - 30))
        if match and _ATTRIBUTION_LEAD.search(joined[: match.start()].lstrip("> ")):
            return size
        if _APPLE_PL.match(joined):
            return size
    return 0


def _quoted_next(lines: list[str], index: int) -> bool:
    """Whether the next non-blank line from ``index`` is ``>``-quoted."""
    for line in lines[index : index + 20]:
        if line.strip():
            return line.lstrip().startswith(">")
    return False


def _header_block_at(folded: list[str], index: int) -> bool:
    """An Outlook-style header block (``From:``/``Od:`` and two more fields) starts here."""
    if not _BLOCK_FROM.match(folded[index]):
        return False
    following = [line for line in folded[index + 1 : index + 8] if line]
    return sum(1 for line in following[:5] if _BLOCK_FIELD.match(line)) >= 2


def _with_rule_above(folded: list[str], index: int) -> int:
    """Include an Outlook underscore rule right above a header block in the quote."""
    above = index - 1
    while above >= 0 and not folded[above]:
        above -= 1
    return above if above >= 0 and _RULE_LINE.match(folded[above]) else index
