"""Read a satisfaction score (1-5) from the customer's answer to our survey.

Forms seen in answers: a bare digit or number word on the first line ("5", "Cztery."),
"4/5", "3 out of 5", stars ("★★★★☆"), and lead-ins ("Oceniam na 4", "Daję 2",
"I'd give it a 3"). A score outside 1-5 ("7", "dziesięć") is recognised as an answer and
returned as ``None``. Only the sender's own text is read, never the quoted survey scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inbox_worker.language import fold
from inbox_worker.rules import RatingRules

_OUT_OF = re.compile(r"(?<![\d/])(\d{1,2})\s*(/|na|z|out of|of)\s*(5|10)(?![\d/])", re.I)
# "2 z 5 rzeczy", "3 of 5 glasses": a count of things, not a score (unless of stars, points).
_COUNTED_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
_SCORE_UNITS = frozenset(
    "stars star gwiazdek gwiazdki gwiazdka gwiazdkami points pkt punktów punktow".split()  # noqa: SIM905
)
# A score leading the first line, then a comment: "4 – would have been 5", "Piątka, ale ...".
_LEADING = re.compile(r"^\W*(\d{1,2}|[^\W\d_]+)\s*[-–—:,!]\s*\S")
# A first line that is only the score, also as Polish says it: "Na trójkę.", "na 4".
_FIRST_WORD = re.compile(r"^\W*(?:na\s+)?([^\W_]+)\W*$", re.I)


@dataclass(frozen=True)
class RatingAnswer:
    """A score found in the text: ``value`` is None when it is outside 1-5."""

    value: int | None
    text: str
    how: str


def find_rating(text: str, rules: RatingRules) -> RatingAnswer | None:
    """The score in ``text`` (the sender's own words), or None when there is no answer."""
    text = text[:2000]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    first_sentence = re.split(r"(?<=[.!])\s", lines[0], maxsplit=1)[0]
    return (
        _stars(lines[0], rules)
        or _alone(first_sentence, rules)
        or _out_of(text)
        or _lead_in(text, rules)
        or _stars(text, rules)
        or _leading(lines[0], rules)
    )


def _valid(value: int) -> int | None:
    return value if 1 <= value <= 5 else None


def _number(token: str, rules: RatingRules) -> int | None:
    """The number a digit run or a number word ("cztery", "trójkę") stands for."""
    return int(token) if token.isdigit() else rules.words.get(fold(token))


def _stars(text: str, rules: RatingRules) -> RatingAnswer | None:
    found = re.search(f"[{re.escape(rules.stars_filled + rules.stars_empty)}]{{3,}}", text)
    if not found:
        return None
    value = found.group(0).count(rules.stars_filled)
    return RatingAnswer(_valid(value), found.group(0), "stars")


def _alone(line: str, rules: RatingRules) -> RatingAnswer | None:
    """A first line that is only a number or a number word ("5", "Cztery.", "Na trójkę.")."""
    found = _FIRST_WORD.match(line)
    if not found:
        return None
    word = found.group(1)
    value = _number(word, rules)
    if value is None:
        return None
    how = (
        "number alone on the first line"
        if word.isdigit()
        else "number word alone on the first line"
    )
    return RatingAnswer(_valid(value), line, how)


def _out_of(text: str) -> RatingAnswer | None:
    found = _OUT_OF.search(text)
    if not found:
        return None
    counted = _COUNTED_AFTER.match(text, found.end())
    if found.group(2) != "/" and counted and fold(counted.group(1)) not in _SCORE_UNITS:
        return None
    value, scale = int(found.group(1)), int(found.group(3))
    if scale != 5:
        return RatingAnswer(None, found.group(0), f"score on a scale of {scale}")
    return RatingAnswer(_valid(value), found.group(0), "score out of 5")


def _leading(line: str, rules: RatingRules) -> RatingAnswer | None:
    """A score that opens the first line before a comment; only in answers to the survey
    (the caller asks for survey words), since "2 – paczki nie doszły" is no score."""
    found = _LEADING.match(line)
    if not found:
        return None
    value = _number(found.group(1), rules)
    if value is None:
        return None
    return RatingAnswer(_valid(value), found.group(0), "score leading the first line")


def _lead_in(text: str, rules: RatingRules) -> RatingAnswer | None:
    folded = fold(text)
    best: tuple[int, RatingAnswer] | None = None
    for lead in rules.lead_ins:
        pattern = rf"(?<!\w){re.escape(fold(lead))}\s+(\d{{1,2}}|[^\W\d_]+)\b"
        for found in re.finditer(pattern, folded):
            value = _number(found.group(1), rules)
            if value is None:
                continue
            answer = RatingAnswer(_valid(value), found.group(0), f"after {lead!r}")
            if best is None or found.start() < best[0]:
                best = (found.start(), answer)
            break
    return best[1] if best else None
