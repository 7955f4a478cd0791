"""Which action of the window needs which permission, and the desk's idle lock.

GUI_PERMISSIONS is the one table of the window's actions (pages, menu actions, buttons);
the main window names a widget, action or navigation item for each, and tests/gui build
the matrix from the table. An action the role does not allow is disabled (a page, a menu
action) or hidden (a control inside a page), its tooltip naming the role that may.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QListWidgetItem, QWidget

from wimc_desktop.domain.roles import Permission, Role, allowed, lowest_role
from wimc_desktop.ui.i18n import QT_TRANSLATE_NOOP

P = Permission
GUI_PERMISSIONS: dict[str, Permission] = {
    "page.checkin": P.ADMIT,
    "page.guests": P.BROWSE_GUESTS,
    "page.badges": P.PRINT_BADGE,
    "page.signings": P.SIGNINGS,
    "page.reports": P.REPORTS,
    "file.import": P.IMPORT,
    "file.open": P.EVENT_SETTINGS,
    "file.new": P.EVENT_SETTINGS,
    "desk.walk_in": P.WALK_IN,
    "desk.undo": P.UNDO_OWN,  # another's admission, or later: UNDO_ANY (the service)
    "view.dashboard": P.DASHBOARD,
    "badges.reissue": P.REISSUE_BADGE,
    "badges.batch": P.PRINT_BADGE,  # badges printed before: REPRINT_BADGE (the service)
    "guests.reveal": P.REVEAL_PII,
    "guests.edit": P.EDIT_GUEST,
    "reports.full_pii": P.EXPORT_PII,
}
Target = QAction | QWidget | QListWidgetItem
_ROLE_NAMES = {
    Role.CLERK: QT_TRANSLATE_NOOP("Gating", "clerk"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Gating", "supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Gating", "admin"),
}


def role_name(role: str) -> str:
    """A role in the interface's language."""
    try:
        return QCoreApplication.translate("Gating", _ROLE_NAMES[Role(role)])
    except ValueError:
        return role


def needs_text(permission: Permission) -> str:
    """The tooltip of what the role may not do."""
    return (QCoreApplication.translate("Gating", "Needs a %1 (or a supervisor override)")
            .replace("%1", role_name(lowest_role(permission))))


def apply_gate(target: Target, role: str, permission: Permission) -> bool:
    """Enable or disable (hide, for a control inside a page) one target; True if allowed."""
    ok = allowed(role, permission)
    tip = "" if ok else needs_text(permission)
    if isinstance(target, QListWidgetItem):
        flags = target.flags()
        enabled = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        target.setFlags(flags | enabled if ok else flags & ~enabled)
        target.setToolTip(tip)
    elif isinstance(target, QAction):
        target.setEnabled(ok)
        target.setToolTip(tip or target.text().replace("&", ""))
        target.setStatusTip(tip)
    else:  # hidden: its own tooltip stays for when it shows again
        target.setVisible(ok)
    return ok


def is_open(target: Target) -> bool:
    """What a test reads: may the person use the target now?"""
    if isinstance(target, QListWidgetItem):
        return bool(target.flags() & Qt.ItemFlag.ItemIsEnabled)
    if isinstance(target, QAction):
        return target.isEnabled()
    return not target.isHidden()


class IdleWatch(QObject):
    """Says `idled` when no key or mouse button was pressed for `minutes` (0: never)."""

    idled = Signal()
    ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idled)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        self.restart()

    def restart(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False
