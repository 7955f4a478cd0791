"""The main window: navigation, pages, menus and the status bar of the open event."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from wimc_desktop import APP_NAME, __version__
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.ui import assets, i18n, messages
from wimc_desktop.ui.event_status_bar import EventStatusBar
from wimc_desktop.ui.guests_page import GuestsPage
from wimc_desktop.ui.import_wizard import ImportWizard
from wimc_desktop.ui.new_event_dialog import NewEventDialog
from wimc_desktop.ui.opened_event import NewEventInput, OpenedEvent, create_new_event, open_event
from wimc_desktop.ui.placeholder_page import PlaceholderPage
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

PAGES = ("checkin", "guests", "badges", "signings", "reports")
GUESTS_PAGE = PAGES.index("guests")


class MainWindow(QMainWindow):
    """The desk's one window; every database call goes through the worker."""

    def __init__(self, worker: Worker, opened: OpenedEvent) -> None:
        super().__init__()
        self._worker = worker
        self._settings = DeskSettings()
        self.opened = opened
        self.nav = QListWidget()
        self.pages = QStackedWidget()
        self.guests_page = GuestsPage(worker)
        self.placeholders = {name: PlaceholderPage() for name in PAGES if name != "guests"}
        self.status = EventStatusBar()
        self.import_wizard: ImportWizard | None = None
        self._build_pages()
        self._build_menus()
        self.setStatusBar(self.status)
        self._connect_signals()
        self.retranslate_ui()
        self.restoreGeometry(self._settings.main_window_geometry)
        self.nav.setCurrentRow(GUESTS_PAGE)
        self._show_opened(opened)

    def _build_pages(self) -> None:
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(190)
        for name in PAGES:
            self.nav.addItem(QListWidgetItem(assets.icon(name), ""))
            page = self.guests_page if name == "guests" else self.placeholders[name]
            self.pages.addWidget(page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.resize(1280, 760)

    def _build_menus(self) -> None:
        self.file_menu = QMenu(self)
        self.import_action = QAction(assets.icon("import"), "", self)
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.file_menu.addActions([self.import_action, self.open_action, self.new_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = QMenu(self)
        self.language_menu = self.view_menu.addMenu("")
        self._language_group = QActionGroup(self)
        # Each language is named in itself, so whoever reads either can switch back.
        for language, label in ((i18n.CHINESE, "中文"), (i18n.ENGLISH, "English")):
            action = self._language_group.addAction(label)
            action.setCheckable(True)
            action.setData(language)
            action.setChecked(language == i18n.current_language())
            self.language_menu.addAction(action)
        self.help_menu = QMenu(self)
        self.about_action = self.help_menu.addAction("")
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            self.menuBar().addMenu(menu)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.new_action.triggered.connect(self._on_new_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self._language_group.triggered.connect(self._on_language_group_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.guests_page.guests_counted.connect(self.status.show_guest_count)
        self._worker.task_failed.connect(self._on_worker_task_failed)

    # -- the open event --------------------------------------------------------------

    @property
    def db(self) -> Database:
        return self.opened.db

    def _show_opened(self, opened: OpenedEvent) -> None:
        self.opened = opened
        self.status.show_event(opened.event, opened.db.display_name)
        self.status.show_guest_count(opened.guest_count)
        self.guests_page.set_database(opened.db, opened.event)
        self.setWindowTitle(f"{APP_NAME} — {opened.event.name_zh}")

    def switch_to(self, opened: OpenedEvent) -> None:
        """Show another event database; the old one is closed on the worker, after its work."""
        old = self.opened.db
        self._show_opened(opened)
        if old is not opened.db:
            self._worker.submit(old.dispose)

    # -- File menu -------------------------------------------------------------------

    def _make_import_wizard(self) -> ImportWizard:
        return ImportWizard(self._worker, self.db, self)

    def _on_import_action_triggered(self) -> None:
        wizard = self._make_import_wizard()
        wizard.guests_imported.connect(self._on_import_wizard_guests_imported)
        wizard.finished.connect(wizard.deleteLater)
        self.import_wizard = wizard
        wizard.open()

    def _on_import_wizard_guests_imported(self, report: ImportReport) -> None:
        self.guests_page.reload()
        self.nav.setCurrentRow(GUESTS_PAGE)
        self.status.showMessage(self.tr("Imported %1: %2 added, %3 updated.")
                                .replace("%1", report.file).replace("%2", str(report.added))
                                .replace("%3", str(report.updated)), 10_000)

    def _ask_event_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open event"),
                                              self._settings.last_event_dir,
                                              self.tr("WIMC events (*.wimc)"))
        return path

    def _on_open_action_triggered(self) -> None:
        path = self._ask_event_file()
        if path:
            self._worker.submit(lambda: open_event(path), on_success=self.switch_to,
                                on_failure=self._on_event_open_failed, context=self)

    def _on_event_open_failed(self, exc: Exception) -> None:
        messages.report_error(self, exc, self.tr("The event could not be opened."))

    def _ask_new_event(self) -> NewEventInput | None:
        dialog = NewEventDialog(self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values() if accepted else None

    def _on_new_action_triggered(self) -> None:
        values = self._ask_new_event()
        if values is not None:
            self._worker.submit(lambda: create_new_event(values), on_success=self.switch_to,
                                on_failure=self._on_event_create_failed, context=self)

    def _on_event_create_failed(self, exc: Exception) -> None:
        messages.report_error(self, exc, self.tr("The event could not be created."))

    # -- View and Help menus ---------------------------------------------------------

    def _on_language_group_triggered(self, action: QAction) -> None:
        language = action.data()
        self._settings.language = language
        i18n.apply_language(language)

    def _on_about_action_triggered(self) -> None:
        messages.show_info(self, self.tr("WIMC Desk %1").replace("%1", __version__),
                           self.tr("The registration desk of a large conference: guest list "
                                   "import, check-in, badges, signings and reports."))

    def _on_worker_task_failed(self, exc: Exception) -> None:
        messages.report_error(self, exc)

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import guest list…"))
        self.open_action.setText(self.tr("&Open event…"))
        self.new_action.setText(self.tr("&New event…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About WIMC Desk"))
        titles = (self.tr("Check-in desk"), self.tr("Guests"), self.tr("Badges"),
                  self.tr("Signings"), self.tr("Reports"))
        for row, title in enumerate(titles):
            self.nav.item(row).setText(title)
        notes = {
            "checkin": self.tr("The scanner-first check-in desk comes next: scan a badge or "
                               "type a name, and a large banner says whether the guest is "
                               "admitted."),
            "badges": self.tr("Looking up, printing and reissuing badges will be here."),
            "signings": self.tr("The contract signings of the ceremonies, with exact totals, "
                                "will be recorded here."),
            "reports": self.tr("The daily registration report and its exports will be here."),
        }
        for name, page in self.placeholders.items():
            page.set_texts(titles[PAGES.index(name)], notes[name])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.main_window_geometry = self.saveGeometry()
        super().closeEvent(event)

    def current_page_name(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def select_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))
