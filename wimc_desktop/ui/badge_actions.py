"""What the Badges page asks of the core, as plain functions run on the worker thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badges import TEMPLATES, BadgeInfo, PrintOutput, PrintStatus, badge_face
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.models import Event, Guest
from wimc_desktop.render.badge import export_pdf
from wimc_desktop.services import badges


@dataclass(frozen=True, slots=True)
class BatchChoice:
    """Which badges a batch PDF holds (the filters all apply), and in which template."""

    template: str
    codes: tuple[str, ...] | None = None
    category: str | None = None
    vip: bool = False
    not_printed: bool = False


@dataclass(frozen=True, slots=True)
class PdfWritten:
    """A PDF of badges written and its prints logged."""

    path: str
    count: int
    pages: int


def print_pdf(db: Database, event: Event, guests: Sequence[Guest], path: str, template: str,
              desk: Desk, reason: str = "") -> PdfWritten:
    """Write the badges of `guests` to `path`, logging one PDF print each.

    The prints are committed only once the PDF is in place (its rename runs inside
    their transaction); a reprint without a reason raises ReprintNeedsReasonError and
    a file that cannot be written CannotWriteError, both leaving `path` as it was.
    """
    faces = [badge_face(event, g) for g in guests]
    ids = [g.id for g in guests]
    pages = export_pdf(path, faces, TEMPLATES[template], title=event.name_zh,
                       publish_with=lambda move: badges.record_prints(
                           db, ids, desk, template, PrintOutput.PDF, reason,
                           before_commit=move))
    return PdfWritten(path, len(guests), pages)


def batch_pdf(db: Database, event: Event, choice: BatchChoice, path: str, desk: Desk,
              reason: str = "") -> PdfWritten:
    guests = badges.select_guests_for_badges(db, codes=choice.codes, category=choice.category,
                                             vip=choice.vip, not_printed=choice.not_printed)
    if not guests:
        return PdfWritten(path, 0, 0)
    return print_pdf(db, event, guests, path, choice.template, desk, reason)


def record_printed(db: Database, guest: Guest, template: str, desk: Desk,
                   reason: str) -> list[PrintStatus]:
    return badges.record_prints(db, [guest.id], desk, template, PrintOutput.PRINTER, reason)


def lookup(db: Database, code: str, day: dt.date | None = None) -> BadgeInfo:
    """The badge of a code, with the guest's check-in on `day` (the desk's working day)."""
    return badges.badge_info(db, code, day=day)
