"""The first start's small window while the demo event is built: what is done, and how far."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from wimc_desktop import APP_NAME
from wimc_desktop.bootstrap import STEP_VAR
from wimc_desktop.services.demo import DemoStage, demo_stage, demo_steps
from wimc_desktop.ui.i18n import count_text


class DemoProgressDialog(QDialog):
    """Fed by create_demo_event's progress (done, total steps); it cannot be cancelled."""

    def __init__(self, target: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = count
        self.heading = QLabel()
        self.heading.setObjectName("demoHeading")
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.where = QLabel(target)
        self.where.setObjectName("demoTarget")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setRange(0, demo_steps(count))
        self.stage = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.what)
        layout.addWidget(self.where)
        layout.addWidget(self.bar)
        layout.addWidget(self.stage)
        self.setWindowTitle(APP_NAME)
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                            | Qt.WindowType.WindowTitleHint)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(460)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setText(self.tr("Preparing the demo event (one time)"))
        self.what.setText(self.tr("WIMC 2020 in Nanjing with %1 guests and the closing "
                                  "ceremony's 30 signings, in this file:")
                          .replace("%1", count_text(count)))
        self.show_progress(0, demo_steps(count))

    def show_progress(self, done: int, total: int) -> None:
        """A slot for the worker task's progressed(done, total)."""
        if done < total and demo_stage(done, self._count) is DemoStage.FINISHING:
            self.bar.setRange(0, 0)  # busy: the index and the signings report no steps
        else:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(min(done, total))
        self.stage.setText(self._stage_text(done))

    def show_opening(self) -> None:
        """The build is done (index and signings too): the event is being opened, which
        takes a moment on this thread (the main window is made), so it is painted now."""
        self.bar.setRange(0, demo_steps(self._count))
        self.bar.setValue(demo_steps(self._count))
        self.stage.setText(self.tr("Opening the event…"))
        self.repaint()

    def _stage_text(self, done: int) -> str:
        stage = demo_stage(done, self._count)
        if stage is DemoStage.MAKING_GUESTS:
            text = self.tr("Making the guest list: %1 of %2 guests")
            made = done
        elif stage is DemoStage.WRITING_GUESTS:
            text = self.tr("Writing the guests into the event file: %1 of %2")
            made = done - self._count
        else:
            return self.tr("Building the search index and adding the signings…")
        return text.replace("%1", count_text(made)).replace("%2", count_text(self._count))

    def closeEvent(self, event: QCloseEvent) -> None:
        """The build goes on whatever is clicked: the window closes when it is done."""
        event.ignore()

    def reject(self) -> None:
        """Esc does not close it either."""


def demo_build_started(target: str, count: int) -> float:
    """Say on stderr (the launcher's numbered lines go on) that the demo is being built."""
    step = os.environ.pop(STEP_VAR, "")
    print(f"{step + ' ' if step else ''}building the demo event: {count:,} guests in {target} "
          "(one time)", file=sys.stderr, flush=True)
    return time.monotonic()


def demo_build_ended(started: float) -> None:
    print(f"    the demo event is ready ({time.monotonic() - started:.0f} s)", file=sys.stderr,
          flush=True)
