"""Who is staff, and whether a staff mail is authentic.

Staff commands count only from an address matching ``staff_addresses`` whose mail carries an
``Authentication-Results`` header (RFC 8601) added by one of our trusted servers, showing
``dmarc=pass`` or ``dkim=pass`` for the sender's own domain. Headers from any other
authserv-id are ignored: anyone can write such a header into a mail they send.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence

_RESULT = re.compile(r"\b(dkim|dmarc)\s*=\s*(\w+)([^;]*)", re.IGNORECASE)
_PROPERTY = re.compile(r"\b(header\.d|header\.i|header\.from)\s*=\s*\"?([^\s;\"]+)", re.I)


def is_staff(sender: str, patterns: Sequence[str]) -> bool:
    """True when ``sender`` matches one of the patterns (``*@shop.example`` or an address)."""
    sender = sender.lower()
    return bool(sender) and any(fnmatch.fnmatchcase(sender, p.lower()) for p in patterns)


def is_authenticated(sender: str, results: Sequence[str], trusted_ids: Sequence[str]) -> bool:
    """True when a trusted server reports dkim=pass or dmarc=pass for the sender's domain.

    Only the topmost header from a trusted server counts: it is the one our own server
    added last; a header lower down with the same authserv-id may be a sender's forgery.
    """
    domain = sender.rpartition("@")[2].lower()
    trusted = {authserv.lower() for authserv in trusted_ids}
    for header in results:
        authserv_id, _, verdicts = header.partition(";")
        words = authserv_id.split()
        if words and words[0].lower() in trusted:
            return bool(domain) and _passes_for(verdicts, domain)
    return False


def _passes_for(verdicts: str, domain: str) -> bool:
    for _method, verdict, properties in _RESULT.findall(verdicts):
        if verdict.lower() != "pass":
            continue
        for _name, value in _PROPERTY.findall(properties):
            if value.lower().rpartition("@")[2] == domain:
                return True
    return False
