#!/usr/bin/env python3
"""Check held-out set 3b in the directory of this script (adapted from the corpus check.py).

    python check.py          # exit status 0 when everything is fine
    python check.py -v       # also list, per file, six-digit numbers that are
                             # present in the text but not labelled as orders

For every .eml file:
  * it parses with email.policy.default without any defect (message, parts,
    headers);
  * From, To, Date, Subject, Message-ID and MIME-Version are present, Date is
    parseable;
  * every text/* part (also inside attached messages) decodes strictly with its
    declared charset; every non-text leaf part has a decodable body;
  * it has exactly one line in labels.jsonl, and that label has exactly the
    schema's fields with allowed values;
  * every labelled order number occurs in the decoded text (subject, text
    parts with HTML stripped, headers of enclosed messages) in some written
    form - "482913" or "482 913" - not as part of a longer digit run, and the
    labelled order is the order of first appearance.
Standard library only.
"""

import html
import json
import os
import re
import sys
from email import policy
from email.parser import BytesParser, HeaderParser

HERE = os.path.dirname(os.path.abspath(__file__))
MAIL_DIR = HERE

FIELDS = ["file", "kind", "language", "order_numbers", "category", "resolution",
          "customer_name", "rating", "notes"]
KINDS = {"complaint", "status_query", "rating", "auto_reply", "bounce", "bulk"}
CATEGORIES = {"damaged", "defective", "wrong_item", "missing_item", "not_delivered",
              "return", "refund", "billing", "other"}
RESOLUTIONS = {"refund", "replacement", "repair", "discount"}
SPACES = "[ \u00a0\u202f]"


class Problems(list):
    def add(self, fname, msg):
        self.append(f"{fname}: {msg}")


def html_to_text(s):
    s = re.sub(r"(?is)<(style|script|head)\b.*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</(p|div|tr|li|h\d|blockquote)>", "\n", s)
    s = re.sub(r"(?s)<[^>]+>", "", s)
    return html.unescape(s)


def header_defects(msg):
    out = []
    for name, value in msg.items():
        for d in getattr(value, "defects", ()):
            out.append(f"header {name}: {d!r}")
    return out


def strict_text(part):
    """Decode a text/* part strictly with its declared charset."""
    raw = part.get_payload(decode=True)
    charset = part.get_content_charset() or "us-ascii"
    return raw.decode(charset)          # raises on a wrong charset / bad bytes


def collect(msg, fname, problems, texts, depth=0):
    """Walk a message; append decoded text (in reading order) to texts."""
    for d in msg.defects:
        problems.add(fname, f"defect {d!r} in {msg.get_content_type()}")
    for d in header_defects(msg):
        problems.add(fname, d)
    ctype = msg.get_content_type()
    if msg.is_multipart() and ctype not in ("message/rfc822", "message/delivery-status"):
        for sub in msg.get_payload():
            collect(sub, fname, problems, texts, depth + 1)
        return
    if ctype == "message/rfc822":
        inner = msg.get_payload()[0]
        if inner["Subject"] is not None:
            texts.append(("enclosed Subject", str(inner["Subject"])))
        collect(inner, fname, problems, texts, depth + 1)
        return
    if ctype == "message/delivery-status":
        blocks = msg.get_payload()
        if not blocks or not any(b.get("Action") for b in blocks):
            problems.add(fname, "delivery-status part without an Action field")
        return
    if msg.get_content_maintype() == "text":
        try:
            text = strict_text(msg)
        except (LookupError, UnicodeDecodeError) as e:
            problems.add(fname, f"{ctype} does not decode: {e}")
            return
        content = msg.get_content()
        if content.replace("\r\n", "\n") != text.replace("\r\n", "\n"):
            problems.add(fname, f"{ctype}: get_content() differs from strict decoding")
        if ctype == "text/html":
            text = html_to_text(text)
        elif ctype == "text/rfc822-headers":
            hdrs = HeaderParser(policy=policy.default).parsestr(text)
            text = "\n".join(f"{k}: {v}" for k, v in hdrs.items())
        texts.append((ctype, text))
        return
    data = msg.get_payload(decode=True)
    if not data:
        problems.add(fname, f"{ctype} part has an empty or undecodable body")


def occurrences(number, text):
    pat = re.compile(r"(?<![\d])" + number[:3] + SPACES + r"?" + number[3:] + r"(?![\d])")
    return [m.start() for m in pat.finditer(text)]


def check_label(fname, label, problems):
    if list(label) != FIELDS:
        problems.add(fname, f"label fields {list(label)} != {FIELDS}")
        return
    kind = label["kind"]
    if kind not in KINDS:
        problems.add(fname, f"bad kind {kind!r}")
    if label["language"] not in ("pl", "en"):
        problems.add(fname, f"bad language {label['language']!r}")
    orders = label["order_numbers"]
    if not isinstance(orders, list) or len(set(orders)) != len(orders):
        problems.add(fname, "order_numbers must be a list without duplicates")
    else:
        for n in orders:
            if not (isinstance(n, str) and re.fullmatch(r"\d{6}", n)
                    and 100000 <= int(n) <= 999999):
                problems.add(fname, f"bad order number {n!r}")
    if kind in ("complaint", "status_query"):
        if label["category"] not in CATEGORIES:
            problems.add(fname, f"bad category {label['category']!r}")
    elif label["category"] is not None:
        problems.add(fname, "category must be null for this kind")
    if label["resolution"] is not None and label["resolution"] not in RESOLUTIONS:
        problems.add(fname, f"bad resolution {label['resolution']!r}")
    if kind == "rating":
        if not (isinstance(label["rating"], int) and 1 <= label["rating"] <= 5):
            problems.add(fname, "rating must be an integer 1-5")
    elif label["rating"] is not None:
        problems.add(fname, "rating must be null for this kind")
    if label["customer_name"] is not None and not (
            isinstance(label["customer_name"], str) and label["customer_name"].strip()):
        problems.add(fname, "customer_name must be null or a non-empty string")
    if not (isinstance(label["notes"], str) and label["notes"].strip()):
        problems.add(fname, "notes must be a non-empty string")


def main():
    verbose = "-v" in sys.argv[1:]
    problems = Problems()
    labels = {}
    with open(os.path.join(MAIL_DIR, "labels.jsonl"), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            label = json.loads(line)
            fname = label.get("file")
            if fname in labels:
                problems.add(fname, f"labelled twice (line {lineno})")
            labels[fname] = label
    files = sorted(f for f in os.listdir(MAIL_DIR) if f.endswith(".eml"))
    for fname in sorted(set(labels) - set(files)):
        problems.add(fname, "label without a file")

    parser = BytesParser(policy=policy.default)
    for fname in files:
        with open(os.path.join(MAIL_DIR, fname), "rb") as f:
            msg = parser.parse(f)
        for h in ("From", "To", "Date", "Subject", "Message-ID", "MIME-Version"):
            if msg[h] is None:
                problems.add(fname, f"missing {h} header")
        if msg["Date"] is not None and msg["Date"].datetime is None:
            problems.add(fname, "unparseable Date")
        if msg["Message-ID"] is not None and not re.fullmatch(r"\s*<[^<>@\s]+@[^<>@\s]+>\s*",
                                                               str(msg["Message-ID"])):
            problems.add(fname, f"odd Message-ID {msg['Message-ID']!r}")
        texts = [("Subject", str(msg["Subject"] or ""))]
        collect(msg, fname, problems, texts)
        if len(texts) < 2:
            problems.add(fname, "no text part")

        label = labels.get(fname)
        if label is None:
            problems.add(fname, "no label")
            continue
        check_label(fname, label, problems)
        whole = "\n\n".join(t for _, t in texts)
        firsts = []
        for n in label.get("order_numbers") or []:
            pos = occurrences(n, whole)
            if not pos:
                problems.add(fname, f"order number {n} not found in the decoded text")
            else:
                firsts.append((pos[0], n))
        if [n for _, n in sorted(firsts)] != [n for _, n in firsts]:
            problems.add(fname, "order_numbers are not in order of first appearance")
        if verbose:
            seen = set()
            for mt in re.finditer(r"(?<![\d\w/.,-])(\d{3})" + SPACES + r"?(\d{3})(?![\d\w/,-])",
                                  whole):
                n = mt.group(1) + mt.group(2)
                if n not in (label.get("order_numbers") or []) and n not in seen:
                    seen.add(n)
                    print(f"  {fname}: unlabelled six-digit token {mt.group(0)!r}")

    # extra checks for this set: 60 files named NNN-slug.eml in Date order, labels in
    # file order, dates 1 March - 15 April 2027
    import datetime as _dt
    if len(files) != 60:
        problems.add("-", f"{len(files)} files, expected 60")
    with open(os.path.join(MAIL_DIR, "labels.jsonl"), encoding="utf-8") as f:
        order = [json.loads(line)["file"] for line in f if line.strip()]
    if order != files:
        problems.add("labels.jsonl", "labels are not in file order")
    dates = []
    for i, fname in enumerate(files, 1):
        if not re.fullmatch(r"%03d-[a-z0-9]+(-[a-z0-9]+)*\.eml" % i, fname):
            problems.add(fname, "file name is not NNN-slug.eml with consecutive numbers")
        with open(os.path.join(MAIL_DIR, fname), "rb") as f:
            d = parser.parse(f)["Date"].datetime
        lo = _dt.datetime(2027, 3, 1, tzinfo=_dt.timezone(_dt.timedelta(hours=1)))
        hi = _dt.datetime(2027, 4, 16, tzinfo=_dt.timezone(_dt.timedelta(hours=2)))
        if not lo <= d < hi:
            problems.add(fname, f"Date {d} outside 1 March - 15 April 2027")
        dates.append(d)
    if dates != sorted(dates):
        problems.add("-", "files are not numbered in Date order")

    if problems:
        print("\n".join(problems))
        print(f"FAILED: {len(problems)} problem(s) in {len(files)} files")
        return 1
    counts = {}
    for lab in labels.values():
        counts[lab["kind"]] = counts.get(lab["kind"], 0) + 1
    print(f"OK: {len(files)} messages, every one parsed, decoded and labelled (" +
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
