"""Screenshots of the desk for the README: `python tests/gui/screenshots.py OUTDIR`.

Offscreen (no display needed). Makes, in Chinese and in English: the Guests page of
the demo event (cut to a few hundred guests), the import wizard's preview step for the
GB18030 sample list, and its check step listing the problems of a bad file. Settings
go to a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.gui.gui_helpers import DATA  # noqa: E402
from wimc_desktop.services.demo import create_demo_event  # noqa: E402
from wimc_desktop.ui import assets, i18n  # noqa: E402
from wimc_desktop.ui.import_wizard import ImportWizard  # noqa: E402
from wimc_desktop.ui.main_window import MainWindow  # noqa: E402
from wimc_desktop.ui.opened_event import describe  # noqa: E402
from wimc_desktop.ui.worker import Worker  # noqa: E402

GUESTS = 400


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, worker: Worker) -> None:
    """Let the worker answer everything the widgets asked for (several rounds of paint)."""
    for _ in range(5):
        wait_until(app, lambda: worker.pending == 0)
        app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def shoot_main_window(app: QApplication, worker: Worker, window: MainWindow, out: Path,
                      suffix: str) -> None:
    window.select_page("guests")
    settle(app, worker)
    save(window, out, f"guests_{suffix}")


def shoot_wizard(app: QApplication, worker: Worker, window: MainWindow, file: Path,
                 out: Path, name: str, pages: int) -> None:
    wizard = ImportWizard(worker, window.db, window)
    wizard.set_file(str(file))
    wizard.show()
    for _ in range(pages):
        wizard.next()
        settle(app, worker)
    save(wizard, out, name)
    wizard.close()
    wizard.deleteLater()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    scratch = Path(tempfile.mkdtemp(prefix="wimc-shots-"))
    QCoreApplication.setOrganizationName("WIMC Desk Screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    assets.apply_look(app)
    db = create_demo_event(scratch / "event.wimc", count=GUESTS)
    sample = DATA / "guests_gb18030.csv"
    worker = Worker()
    window = MainWindow(worker, describe(db))
    window.resize(1360, 780)
    window.show()
    for language, suffix in ((i18n.CHINESE, "zh"), (i18n.ENGLISH, "en")):
        i18n.apply_language(language)
        app.processEvents()
        shoot_main_window(app, worker, window, out, suffix)
        shoot_wizard(app, worker, window, sample, out, f"import_preview_{suffix}", 1)
        bad = DATA / "bad" / "bad_rows.csv"
        if bad.is_file():
            shoot_wizard(app, worker, window, bad, out, f"import_problems_{suffix}", 2)
    window.close()
    worker.shutdown()
    db.dispose()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
