"""Telling the user: known failures (DeskError) as a plain message, bugs logged with details.

The two kinds follow qutebrowser's KnownError / BugError split: a locked database or a
bad file is the user's situation and gets a clear sentence; anything else is our bug,
logged with its traceback and shown with the details folded away.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from wimc_desktop.domain.errors import DeskError
from wimc_desktop.ui.error_texts import error_text

log = logging.getLogger("wimc_desktop.ui")



T_co = TypeVar("T_co", covariant=True)


class FormDialog(Protocol[T_co]):
    """A dialog that asks for values: exec() it, then read values()."""

    def exec(self) -> int: ...
    def values(self) -> T_co: ...
    def deleteLater(self) -> None: ...


def ask_values(dialog: FormDialog[T_co]) -> T_co | None:
    """Run a form dialog: its values when accepted, None when cancelled; the dialog is
    deleted after (a child of a window stays until the window goes otherwise)."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    values = dialog.values()
    dialog.deleteLater()
    return values if accepted else None


def exec_box(box: QMessageBox) -> int:
    """The one place a message box blocks (tests replace it with a recorder)."""
    return box.exec()


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, info: str = "") -> QMessageBox:
    title = QCoreApplication.translate("Messages", "WIMC Desk")
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if info:
        box.setInformativeText(info)
    return box


def show_info(parent: QWidget | None, text: str, info: str = "") -> None:
    exec_box(_box(parent, QMessageBox.Icon.Information, text, info))


def show_warning(parent: QWidget | None, text: str, info: str = "") -> None:
    exec_box(_box(parent, QMessageBox.Icon.Warning, text, info))


def show_known_error(parent: QWidget | None, exc: DeskError, what: str = "") -> None:
    """A known failure: what was being done, then the core's own plain-words reason."""
    text = what or QCoreApplication.translate("Messages", "That did not work.")
    exec_box(_box(parent, QMessageBox.Icon.Warning, text, error_text(exc)))


def show_bug(parent: QWidget | None, exc: BaseException) -> None:
    """A bug: logged with its traceback and shown with the details folded away."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    text = QCoreApplication.translate("Messages", "Something went wrong inside WIMC Desk.")
    info = QCoreApplication.translate(
        "Messages", "Nothing you did caused this. The details have been written to the log; "
        "please pass them on to the support team.")
    box = _box(parent, QMessageBox.Icon.Critical, text, info)
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    exec_box(box)


def report_error(parent: QWidget | None, exc: BaseException, what: str = "") -> None:
    """Show any failure the right way for its kind."""
    if isinstance(exc, DeskError):
        show_known_error(parent, exc, what)
    else:
        show_bug(parent, exc)


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    exc.__traceback__ = tb
    try:
        report_error(QApplication.activeWindow(), exc)
    except Exception:  # the dialog itself failed: the log must still get the bug
        log.exception("could not show the error dialog")


def install_excepthook() -> None:
    """Exceptions escaping Qt slots become a dialog instead of a line on stderr."""
    sys.excepthook = _excepthook
