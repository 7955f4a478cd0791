"""The names of the guest fields as the interface shows them (column headers, mapping)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wimc_desktop.ui.i18n import QT_TRANSLATE_NOOP

_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("GuestField", "Name"),
    "name_en": QT_TRANSLATE_NOOP("GuestField", "English name"),
    "gender": QT_TRANSLATE_NOOP("GuestField", "Gender"),
    "organization": QT_TRANSLATE_NOOP("GuestField", "Organization"),
    "title": QT_TRANSLATE_NOOP("GuestField", "Title"),
    "category": QT_TRANSLATE_NOOP("GuestField", "Category"),
    "attendance": QT_TRANSLATE_NOOP("GuestField", "Attendance"),
    "country": QT_TRANSLATE_NOOP("GuestField", "Country"),
    "mobile": QT_TRANSLATE_NOOP("GuestField", "Mobile"),
    "email": QT_TRANSLATE_NOOP("GuestField", "E-mail"),
    "badge_code": QT_TRANSLATE_NOOP("GuestField", "Badge code"),
    "external_id": QT_TRANSLATE_NOOP("GuestField", "Registration no."),
    "notes": QT_TRANSLATE_NOOP("GuestField", "Notes"),
    "source": QT_TRANSLATE_NOOP("GuestField", "Source"),
    "checked_in": QT_TRANSLATE_NOOP("GuestField", "Checked in"),  # on the working day
}


def field_label(field: str) -> str:
    """The translated label of a guest field (the field name itself when unknown)."""
    source = _LABELS.get(field)
    return QCoreApplication.translate("GuestField", source) if source else field
