"""The names of the guest fields as the interface shows them (column headers, mapping),
and of a signing's fields as its conflicts name them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wimc_desktop.domain.guest_record import FIELD
from wimc_desktop.ui.i18n import QT_TRANSLATE_NOOP

# Columns of the guest tables that are not fields of the guest record.
_OTHER_LABELS: dict[str, str] = {
    "checked_in": QT_TRANSLATE_NOOP("GuestField", "Checked in"),  # on the working day
}


def field_label(field: str) -> str:
    """The translated label of a guest field (the field name itself when unknown)."""
    known = FIELD.get(field)
    source = known.label if known else _OTHER_LABELS.get(field)
    return QCoreApplication.translate("GuestField", source) if source else field


# A signing's fields as the hub's merge names them (services.sync.signing_merge).
_SIGNING_LABELS: dict[str, str] = {
    "project_zh": QT_TRANSLATE_NOOP("SigningField", "Project"),
    "project_en": QT_TRANSLATE_NOOP("SigningField", "Project (English)"),
    "sector": QT_TRANSLATE_NOOP("SigningField", "Sector"),
    "location": QT_TRANSLATE_NOOP("SigningField", "Location"),
    "amount_fen": QT_TRANSLATE_NOOP("SigningField", "Amount"),
    "currency": QT_TRANSLATE_NOOP("SigningField", "Currency"),
    "ceremony": QT_TRANSLATE_NOOP("SigningField", "Ceremony"),
    "signed_at": QT_TRANSLATE_NOOP("SigningField", "Signed at"),
    "notes": QT_TRANSLATE_NOOP("SigningField", "Notes"),
    "parties": QT_TRANSLATE_NOOP("SigningField", "Parties"),
    "witnesses": QT_TRANSLATE_NOOP("SigningField", "Witnesses"),
    "status": QT_TRANSLATE_NOOP("SigningField", "Status"),
}


def signing_field_label(field: str) -> str:
    """The translated label of a signing's field (the field name itself when unknown)."""
    source = _SIGNING_LABELS.get(field)
    return QCoreApplication.translate("SigningField", source) if source else field
