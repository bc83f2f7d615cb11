"""Staff recognition and authentication (Authentication-Results from trusted servers only)."""

from __future__ import annotations

from inbox_worker.auth import is_authenticated, is_staff

TRUSTED = ["mx.sklep.example"]


def test_staff_patterns() -> None:
    assert is_staff("Anna.Nowak@sklep.example", ["*@sklep.example"])
    assert not is_staff("anna@sklep.example.evil.example", ["*@sklep.example"])
    assert not is_staff("", ["*@sklep.example"])


def test_dkim_or_dmarc_pass_for_the_sender_domain() -> None:
    dkim = "mx.sklep.example; spf=fail; dkim=pass header.d=sklep.example header.s=s1"
    dmarc = "mx.sklep.example;\n dmarc=pass (p=reject) header.from=sklep.example"
    assert is_authenticated("anna@sklep.example", [dkim], TRUSTED)
    assert is_authenticated("anna@sklep.example", [dmarc], TRUSTED)


def test_untrusted_server_other_domain_or_failure_do_not_count() -> None:
    sender = "anna@sklep.example"
    assert not is_authenticated(sender, ["evil.example; dkim=pass header.d=sklep.example"], TRUSTED)
    assert not is_authenticated(
        sender, ["mx.sklep.example; dkim=pass header.d=evil.example"], TRUSTED
    )
    assert not is_authenticated(
        sender, ["mx.sklep.example; dkim=fail header.d=sklep.example"], TRUSTED
    )
    assert not is_authenticated(sender, [], TRUSTED)


def test_only_the_topmost_trusted_header_counts() -> None:
    real = "mx.sklep.example; dkim=none; dmarc=fail header.from=sklep.example"
    forged = "mx.sklep.example; dkim=pass header.d=sklep.example"
    assert not is_authenticated("anna@sklep.example", [real, forged], TRUSTED)
