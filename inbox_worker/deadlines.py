"""Statutory deadlines, counted as the law counts them.

A consumer complaint must be answered within ``response_deadline_days`` calendar days of
the day it reached the shop (art. 7a of the Polish consumer rights act: otherwise it is
deemed accepted). The clock starts when the mail reached the mailbox, in the shop's time
zone. A withdrawal from the contract (category ``return``) is not a complaint: the refund is
due within 14 days of the statement (art. 32), so it gets its own clock. We do not move a
deadline that falls on a holiday: the earlier date is always the safe one for the shop.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from inbox_worker.config import ShopConfig
from inbox_worker.models import Category

WITHDRAWAL_REFUND_DAYS = 14


def local_day(moment: datetime, tz: tzinfo) -> date:
    """The calendar day ``moment`` falls on in the shop's time zone."""
    return moment.astimezone(tz).date()


def local_midnight(day: date, tz: tzinfo) -> datetime:
    """The start of ``day`` in the shop's time zone."""
    return datetime.combine(day, time(0), tzinfo=tz)


def deadline_for(received: datetime, category: Category, shop: ShopConfig) -> tuple[date, str]:
    """The date by which the shop must act, and which clock it is ("complaint"/"withdrawal")."""
    day = local_day(received, shop.tz)
    if category is Category.RETURN:
        return day + timedelta(days=WITHDRAWAL_REFUND_DAYS), "withdrawal"
    return day + timedelta(days=shop.response_deadline_days), "complaint"


def days_left(deadline: str, now: datetime, shop: ShopConfig) -> int:
    """Whole calendar days from today (shop time) to the deadline; negative when past."""
    return (date.fromisoformat(deadline) - local_day(now, shop.tz)).days
