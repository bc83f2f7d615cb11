"""Attachment names from strangers never escape their folder or collide."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbox_worker.attachments import safe_name, save_attachments
from inbox_worker.models import Attachment


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("zdjęcie czajnika.jpg", "zdjęcie czajnika.jpg"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("a\x00b\r\nc.pdf", "abc.pdf"),
        (".htaccess", "htaccess"),
        ("", "attachment"),
        ("...", "attachment"),
        ("faktura|<script>.pdf", "faktura_script_.pdf"),
    ],
)
def test_safe_names(given: str, expected: str) -> None:
    assert safe_name(given) == expected


def test_long_names_keep_their_extension_within_the_byte_limit() -> None:
    name = safe_name("x" * 500 + ".jpeg")
    assert len(name.encode()) <= 150 and name.endswith(".jpeg")
    wide = safe_name("写真" * 100 + ".jpg")  # 3 bytes a letter: file systems count bytes
    assert len(wide.encode()) <= 150 and wide.endswith(".jpg")


def test_saved_files_stay_in_the_folder_and_never_collide(tmp_path: Path) -> None:
    folder = tmp_path / "R2611-0001"
    parts = [
        (Attachment("../photo.jpg", "image/jpeg", 3), b"one"),
        (Attachment("photo.jpg", "image/jpeg", 3), b"two"),
        (Attachment("huge.bin", "application/octet-stream", 10), b"0123456789"),
    ]
    names = save_attachments(folder, parts, max_bytes=5)
    assert names == ["photo.jpg", "photo-2.jpg"]
    assert (folder / "photo.jpg").read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "photo-2.jpg",
        "photo.jpg",
    ]
