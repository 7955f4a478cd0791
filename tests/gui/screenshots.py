"""Screenshots of the desk for the README: `python tests/gui/screenshots.py OUTDIR`.

Offscreen (no display needed). Makes, in Chinese and in English: the check-in desk
after an admission, after a duplicate scan and while a name is typed, the Guests page
of the demo event (cut to a few hundred guests), the import wizard's preview step for
the GB18030 sample list, and its check step listing the problems of a bad file.
Settings go to a temporary folder.
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
from wimc_desktop.domain.checkin import Desk  # noqa: E402
from wimc_desktop.domain.models import Attendance, Guest  # noqa: E402
from wimc_desktop.services.demo import create_demo_event  # noqa: E402
from wimc_desktop.services.guests import list_guests  # noqa: E402
from wimc_desktop.ui import assets, i18n  # noqa: E402
from wimc_desktop.ui.checkin_page import CheckInPage  # noqa: E402
from wimc_desktop.ui.import_wizard import ImportWizard  # noqa: E402
from wimc_desktop.ui.main_window import MainWindow  # noqa: E402
from wimc_desktop.ui.opened_event import describe  # noqa: E402
from wimc_desktop.ui.settings import DeskSettings  # noqa: E402
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


def scan(app: QApplication, worker: Worker, page: CheckInPage, code: str) -> None:
    page.scan_field.setText(code)
    page.scan_field.returnPressed.emit()
    wait_until(app, lambda: page.banner.result is not None and page.banner.result.code == code)
    settle(app, worker)


def shoot_checkin(app: QApplication, worker: Worker, window: MainWindow, guests: list[Guest],
                  out: Path, suffix: str, desk: Desk) -> None:
    """A few admissions, then the banner of the last one, of a duplicate, and a search."""
    window.select_page("checkin")
    page = window.checkin_page
    window._apply_desk(desk)
    if page.day != window.opened.event.start_date:  # today is no event day: say so
        scan(app, worker, page, guests[0].badge_code)
        save(window, out, f"checkin_no_event_day_{suffix}")
    page.choose_day(window.opened.event.start_date)
    for guest in guests[:-1]:
        scan(app, worker, page, guest.badge_code)
    scan(app, worker, page, guests[-1].badge_code)
    save(window, out, f"checkin_{suffix}")
    scan(app, worker, page, guests[-1].badge_code)
    save(window, out, f"checkin_duplicate_{suffix}")
    page.scan_field.setText(guests[0].name[:1])
    wait_until(app, lambda: page.results.model.query == guests[0].name[:1])
    settle(app, worker)
    save(window, out, f"checkin_search_{suffix}")
    page.scan_field.clear()
    shoot_walk_in(app, worker, page, out, suffix)


def shoot_walk_in(app: QApplication, worker: Worker, page: CheckInPage, out: Path,
                  suffix: str) -> None:
    dialog = page.open_walk_in()
    assert dialog is not None
    dialog.name_edit.setText("高晓明" if suffix == "zh" else "Anna Schmidt")
    dialog.organization_edit.setText("南京智能装备研究院" if suffix == "zh" else "Fraunhofer IPA")
    dialog.mobile_edit.setText("13912345678" if suffix == "zh" else "+49 711 9700")
    app.processEvents()
    save(dialog, out, f"walk_in_form_{suffix}")
    dialog.register_button.click()
    wait_until(app, lambda: dialog.check_in_result is not None)
    settle(app, worker)
    save(dialog, out, f"walk_in_done_{suffix}")
    dialog.close_button.click()
    settle(app, worker)


def shown_guests(db_guests: list[Guest], language: str) -> list[Guest]:
    """Five on-site guests for a language's shots, a VIP last (so the banner shows the mark)."""
    onsite = [g for g in db_guests if g.attendance == Attendance.ONSITE and g.title]
    vip = [g for g in onsite if g.category == "academician"]
    offset = 0 if language == i18n.CHINESE else 5
    return onsite[20 + offset:24 + offset] + vip[offset // 5:offset // 5 + 1]


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
    settings = DeskSettings()  # a desk that is set up: no first-start dialog
    settings.desk_name, settings.desk_operator = "Desk 3", "Li Ming"
    db = create_demo_event(scratch / "event.wimc", count=GUESTS)
    sample = DATA / "guests_gb18030.csv"
    worker = Worker()
    window = MainWindow(worker, describe(db))
    window.resize(1360, 780)
    window.show()
    everyone = list_guests(db)
    desks = {i18n.CHINESE: Desk("北馆3号台", "李明"), i18n.ENGLISH: Desk("Desk 3", "Li Ming")}
    for language, suffix in ((i18n.CHINESE, "zh"), (i18n.ENGLISH, "en")):
        i18n.apply_language(language)
        app.processEvents()
        shoot_checkin(app, worker, window, shown_guests(everyone, language), out, suffix,
                      desks[language])
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
