"""The names of the guest fields as the interface shows them (column headers, mapping)."""

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
