"""The main window: navigation, pages, menus and the status bar of the open event."""

from __future__ import annotations

import dataclasses
import datetime as dt

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolTip,
    QWidget,
)

from wimc_desktop import APP_NAME, __version__
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badges import PrintAtCheckIn
from wimc_desktop.domain.checkin import Desk, login_name
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.domain.roles import Permission
from wimc_desktop.services.privacy import PurgeResult, purge_personal_data
from wimc_desktop.services.sync import desk as desk_sync
from wimc_desktop.ui import assets, i18n, messages
from wimc_desktop.ui.badges_page import BadgesPage
from wimc_desktop.ui.change_hub import ChangeHub
from wimc_desktop.ui.checkin_page import CheckInPage
from wimc_desktop.ui.checkin_printing import CheckInPrinter
from wimc_desktop.ui.dashboard import Dashboard
from wimc_desktop.ui.desk_access import DeskAccess
from wimc_desktop.ui.desk_actions import DeskCounts
from wimc_desktop.ui.desk_dialog import DeskDialog
from wimc_desktop.ui.desk_sync import DeskSyncBridge
from wimc_desktop.ui.event_status_bar import EventStatusBar
from wimc_desktop.ui.first_admin_dialog import FirstAdmin, FirstAdminDialog
from wimc_desktop.ui.gating import Target
from wimc_desktop.ui.guests_page import GuestsPage
from wimc_desktop.ui.import_wizard import ImportWizard
from wimc_desktop.ui.new_event_dialog import NewEventDialog
from wimc_desktop.ui.opened_event import NewEventInput, OpenedEvent, create_new_event, open_event
from wimc_desktop.ui.purge_dialog import PurgeDialog
from wimc_desktop.ui.reports_page import ReportsPage
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.scanner_filter import ScannerFilter
from wimc_desktop.ui.screen_fit import fit_to_contents, fitted
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.signings_page import SigningsPage
from wimc_desktop.ui.worker import Worker
from wimc_desktop.ui.working_day import event_today

PAGES = ("checkin", "guests", "badges", "signings", "reports")
CHECKIN_PAGE = PAGES.index("checkin")
GUESTS_PAGE = PAGES.index("guests")


class MainWindow(Retranslating, QMainWindow):
    """The desk's one window; every database call goes through the worker."""

    def __init__(self, worker: Worker, opened: OpenedEvent) -> None:
        super().__init__()
        self._worker = worker
        self._settings = DeskSettings()
        self.opened = opened
        self.nav = QListWidget()
        self.pages = QStackedWidget()
        self.checkin_page = CheckInPage(worker)
        self.guests_page = GuestsPage(worker)
        self.badges_page = BadgesPage(worker)
        self.signings_page = SigningsPage(worker)
        self.reports_page = ReportsPage(worker)
        self.dashboard: Dashboard | None = None
        self.checkin_printer = CheckInPrinter(worker, self)
        self.status = EventStatusBar()
        self.import_wizard: ImportWizard | None = None
        self.scanner = ScannerFilter.for_application()
        # Every page refreshes from the one hub (pages ask ChangeHub.of(worker) for it).
        self.change_hub = ChangeHub.of(worker)
        self.access = DeskAccess(self, worker, self._settings.idle_lock_minutes)
        self.desk_sync = DeskSyncBridge(worker, self)
        self._build_pages()
        self._build_menus()
        self.access.set_targets(self._gated_targets())
        self.setStatusBar(self.status)
        self._connect_signals()
        self.retranslate_ui()
        self.restoreGeometry(self._settings.main_window_geometry)
        self.nav.setCurrentRow(CHECKIN_PAGE)
        self._show_opened(opened)
        if not self._settings.has_desk_identity:
            QTimer.singleShot(0, self._on_first_start)

    def _build_pages(self) -> None:
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(190)
        for name, page in zip(PAGES, (self.checkin_page, self.guests_page, self.badges_page,
                                      self.signings_page, self.reports_page), strict=True):
            self.nav.addItem(QListWidgetItem(assets.icon(name), ""))
            self.pages.addWidget(page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.resize(fitted(self, QSize(1280, 760)))  # (a 1366 x 768 laptop: its status bar)

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
        self.desk_menu = QMenu(self)
        self.desk_action = QAction(self)
        self.walk_in_action = QAction(self)
        self.walk_in_action.setShortcut(QKeySequence("F2"))
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.desk_menu.addActions([self.walk_in_action, self.undo_action])
        self.desk_menu.addSeparator()
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.override_action = QAction(self)
        self.override_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.desk_menu.addActions([self.lock_action, self.override_action])
        for menu in (self.file_menu, self.desk_menu):
            menu.setToolTipsVisible(True)  # (a gated action's tooltip names the role)
        self.desk_menu.addSeparator()
        self.print_menu = self.desk_menu.addMenu("")
        self._print_group = QActionGroup(self)
        for setting in PrintAtCheckIn:
            action = self._print_group.addAction("")
            action.setCheckable(True)
            action.setData(setting.value)
            action.setChecked(setting is self.checkin_printer.setting)
            self.print_menu.addAction(action)
        self.desk_menu.addAction(self.desk_action)
        self.event_menu = QMenu(self)
        self.purge_action = self.event_menu.addAction("")
        self.view_menu = QMenu(self)
        self.dashboard_action = self.view_menu.addAction("")
        self.dashboard_action.setShortcut(QKeySequence("F9"))
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
        # Ctrl+1..5: the pages in the order of the navigation list.
        self.page_shortcuts = [QShortcut(QKeySequence(f"Ctrl+{n}"), self)
                               for n in range(1, len(PAGES) + 1)]
        for menu in (self.file_menu, self.desk_menu, self.event_menu, self.view_menu,
                     self.help_menu):
            self.menuBar().addMenu(menu)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.nav.itemClicked.connect(self._on_nav_item_clicked)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.new_action.triggered.connect(self._on_new_action_triggered)
        self.purge_action.triggered.connect(self._on_purge_action_triggered)
        self.quit_action.triggered.connect(self.close)  # (closeEvent asks while work runs)
        for row, shortcut in enumerate(self.page_shortcuts):
            shortcut.activated.connect(lambda row=row: self._on_page_shortcut_activated(row))
        self._language_group.triggered.connect(self._on_language_group_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.desk_action.triggered.connect(self._on_desk_action_triggered)
        self.walk_in_action.triggered.connect(self._on_walk_in_action_triggered)
        self.undo_action.triggered.connect(self.checkin_page.undo_last)
        self.desk_sync.status_changed.connect(self.status.show_sync)
        self.checkin_page.day_changed.connect(self.status.show_day)
        self.checkin_page.day_changed.connect(self.guests_page.set_day)
        self.checkin_page.day_changed.connect(self._on_checkin_page_day_changed)
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.checkin_page.outcome_shown.connect(self.checkin_printer.on_admission_shown)
        self._print_group.triggered.connect(self._on_print_group_triggered)
        self.checkin_page.counts_refreshed.connect(self._on_checkin_page_counts_refreshed)
        self._worker.task_failed.connect(self._on_worker_task_failed)
        self.scanner.scanned.connect(self._on_scanner_scanned)
        self.scanner.secret_dropped.connect(self._on_scanner_secret_dropped)
        self.lock_action.triggered.connect(self._on_lock_action_triggered)
        self.override_action.triggered.connect(self.access.start_override)
        self.access.desk_changed.connect(self._on_access_desk_changed)
        self.access.desk_named.connect(self._on_access_desk_named)
        self.access.lock_changed.connect(self._on_access_lock_changed)
        for target in self.access.targets.values():  # (after each target's own slots)
            if isinstance(target, QAction):
                target.triggered.connect(self.access.action_taken)
            elif isinstance(target, QAbstractButton):
                target.clicked.connect(self.access.action_taken)

    def _gated_targets(self) -> dict[str, Target]:
        """What each action of gating.GUI_PERMISSIONS is in this window."""
        pages = {f"page.{name}": self.nav.item(row) for row, name in enumerate(PAGES)}
        return {**pages, "file.import": self.import_action, "file.open": self.open_action,
                "file.new": self.new_action, "desk.walk_in": self.walk_in_action,
                "desk.undo": self.undo_action, "view.dashboard": self.dashboard_action,
                "badges.reissue": self.badges_page.reissue_button,
                "badges.batch": self.badges_page.batch_button,
                "guests.reveal": self.guests_page.contact_toggle,
                "guests.edit": self.guests_page.edit_button,
                "reports.full_pii": self.reports_page.export_panel.full_pii_check}

    # -- the open event --------------------------------------------------------------

    @property
    def db(self) -> Database:
        return self.opened.db

    def _show_opened(self, opened: OpenedEvent) -> None:
        self.opened = opened
        self.change_hub.set_database(opened.db)  # (first: it hears before the pages load)
        self.desk_sync.set_database(opened.db)
        self.status.show_event(opened.event, opened.db.display_name)
        self.status.show_guest_count(opened.guest_count)
        self.guests_page.set_database(opened.db, opened.event)
        self.checkin_page.set_database(opened.db, opened.event,
                                       listed=(opened.guest_count, opened.expected))
        for page in (self.badges_page, self.signings_page, self.reports_page, self.dashboard,
                     self.checkin_printer):
            if page is not None:
                page.set_database(opened.db, opened.event)
        self._apply_desk(self._desk_for(opened))
        # The check-in page told its working day before the later pages had the event.
        self._on_checkin_page_day_changed(self.checkin_page.day)
        self._show_title()
        self.access.set_event(opened.db, opened.has_operators, self.checkin_page.desk)
        # Offered from the day after the event's last (the service refuses it before).
        self.purge_action.setEnabled(event_today(opened.event) > opened.event.end_date
                                     and not opened.db.read_only)

    def switch_to(self, opened: OpenedEvent) -> None:
        """Show another event database; the old one is closed on the worker, after its work."""
        old = self.opened.db
        self._show_opened(opened)
        if old is not opened.db:
            self._worker.submit(old.dispose)

    # -- the desk ------------------------------------------------------------------

    def _saved_desk(self) -> Desk:
        return Desk(self._settings.desk_name, self._settings.desk_operator)

    def _default_desk(self) -> Desk:
        return Desk(self.tr("Desk 1"), login_name())

    def _desk_for(self, opened: OpenedEvent) -> Desk:
        """A desk of a hub works under its own name (given to join, kept in its file); any
        other event under the name this computer's desk was given (the default until)."""
        desk = self._saved_desk() if self._settings.has_desk_identity else self._default_desk()
        if not opened.hub_desk:
            return desk
        return Desk(opened.hub_desk, desk.operator or login_name())

    def _apply_desk(self, desk: Desk) -> None:
        if self.access.desk != desk:
            self.access.set_desk(desk)  # (it applies the desk back, with its gates)
            return
        self.checkin_page.set_desk(desk)
        self.badges_page.set_desk(desk)
        self.guests_page.set_desk(desk)
        self.checkin_printer.set_desk(desk)
        self.signings_page.set_desk(desk)
        self.reports_page.set_desk(desk.name, desk.operator)
        self.status.show_desk(desk)

    def _ask_desk_identity(self, current: Desk) -> Desk | None:
        """The one place the desk dialog blocks (tests replace it)."""
        return messages.ask_values(DeskDialog(current, self))

    def edit_desk_identity(self, current: Desk) -> None:
        desk = self._ask_desk_identity(current)
        if desk is not None and desk.name:
            self._keep_desk_name(desk.name)
            self._settings.desk_operator = desk.operator
            self._apply_desk(desk)
        self.checkin_page.return_focus()

    def _keep_desk_name(self, name: str) -> None:
        """The desk's name for this start and the next: a desk of a hub keeps it in its
        file (the name its work reaches the hub under), any other in this computer's
        settings."""
        if self.opened.hub_desk:
            self._rename_hub_desk(name)
        else:
            self._settings.desk_name = name

    def _rename_hub_desk(self, name: str) -> None:
        if name == self.opened.hub_desk:
            return
        db = self.opened.db
        self.opened = dataclasses.replace(self.opened, hub_desk=name)
        self._worker.submit(lambda: desk_sync.rename(db, name), context=self)

    def _on_first_start(self) -> None:
        """The desk's name asked (a desk of a hub has its own, given to join), then the
        first admin offered."""
        if self.opened.hub_desk:  # (this computer's desk is the hub's desk it joined as:
            self._settings.desk_name = self.opened.hub_desk  # the first start is over)
        elif not self._settings.has_desk_identity:
            self.edit_desk_identity(self._default_desk())
            if not self._settings.has_desk_identity:  # dismissed: work as the default desk
                self._apply_desk(self._default_desk())
        if not self.access.operator_mode:
            self.offer_first_admin()

    def _ask_first_admin(self, name: str) -> FirstAdmin | None:
        """The one place the first admin's dialog blocks (tests replace it)."""
        return messages.ask_values(FirstAdminDialog(name, self))

    def offer_first_admin(self) -> None:
        """An event without operators: create its first admin, or skip (an open desk)."""
        values = self._ask_first_admin(self.checkin_page.desk.operator)
        if values is not None:
            self.access.create_first_admin(values, self.checkin_page.desk.name)
        self.checkin_page.return_focus()

    def _on_desk_action_triggered(self) -> None:
        if self.access.operator_mode:  # another operator, another desk: through the login
            self.access.lock()
        else:
            self.edit_desk_identity(self.checkin_page.desk)

    def _on_lock_action_triggered(self) -> None:
        self.access.lock()

    def _on_access_desk_named(self, name: str) -> None:
        """The login named the desk: the next start shows that name (as the desk
        dialog's)."""
        self._keep_desk_name(name)

    def _on_access_desk_changed(self, desk: Desk) -> None:
        self._apply_desk(desk)
        row = self.nav.currentRow()
        if not self.nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
            self.select_page("checkin")  # (a page this role may not see)
        self.undo_action.setEnabled(self.undo_action.isEnabled() and row == CHECKIN_PAGE)
        self.override_action.setEnabled(self.access.operator_mode
                                        and not self.access.allows(Permission.UNDO_ANY))

    def _on_access_lock_changed(self, locked: bool) -> None:
        """A locked desk shows nothing of the event (the login dialog is in front)."""
        central = self.centralWidget()
        if central is not None:
            central.setVisible(not locked)
        if locked and self.dashboard is not None:
            self.dashboard.hide()
        if self.access.login_dialog is not None:
            self.access.login_dialog.addAction(self.quit_action)  # Ctrl+Q still quits
        if not locked:
            self.checkin_page.return_focus()

    def _on_print_group_triggered(self, action: QAction) -> None:
        self.checkin_printer.set_setting(PrintAtCheckIn(action.data()))

    def _on_walk_in_action_triggered(self) -> None:
        self.select_page("checkin")
        self.checkin_page.open_walk_in()

    def _on_scanner_secret_dropped(self) -> None:
        """Keys typed as fast as a scanner into a password field (a password manager, a
        scan): never a scan, never a password; said where the person looks."""
        text = self.tr("Typed as fast as a scanner into a password field: taken neither "
                       "as a scan nor as the password. Type the password by hand.")
        self.status.showMessage(text, 10_000)
        focus = QApplication.focusWidget()
        if focus is not None:
            QToolTip.showText(focus.mapToGlobal(focus.rect().bottomLeft()), text, focus)

    def _on_scanner_scanned(self, code: str) -> None:
        """A scan reaches the check-in wherever the focus was. A modal dialog in front
        stays open (it may hold unsaved work: a walk-in form, a signing, a running
        import, the desk's name); the scan is admitted behind it."""
        if not self.isVisible():  # closed (a window on its way out takes no scans)
            return
        if self.access.locked:  # no operator: no admission (and no field got the keys)
            text = self.tr("The desk is locked: log in, then scan again.")
            self.status.showMessage(text, 10_000)
            if self.access.login_dialog is not None:
                self.access.login_dialog.show_notice(text)
            return
        self.select_page("checkin")
        self.checkin_page.admit_scanned(code)
        if QApplication.activeModalWidget() is None:
            if self.isMinimized():
                self.showNormal()
            self.raise_()
            self.activateWindow()
            self.checkin_page.return_focus()

    def _on_checkin_page_counts_refreshed(self, counts: DeskCounts) -> None:
        """The status bar's figures, from the live counts (which follow the change feed,
        whatever page is in front and whatever is typed on it)."""
        self.status.show_counts(counts.admitted, counts.expected)
        self.status.show_guest_count(counts.guests)

    def _on_checkin_page_day_changed(self, day: dt.date) -> None:
        self.reports_page.set_day(day)
        self.badges_page.set_day(day)
        if self.dashboard is not None:
            self.dashboard.set_day(day)

    def open_dashboard(self) -> None:
        """The supervisors' live dashboard, in a window of its own."""
        if self.dashboard is None:
            self.dashboard = Dashboard(self._worker)
            self.dashboard.set_database(self.db, self.opened.event)
            self.dashboard.set_day(self.checkin_page.day)
        self.dashboard.show()
        self.dashboard.raise_()

    def _on_nav_current_row_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        self.undo_action.setEnabled(row == CHECKIN_PAGE
                                    and self.access.allows(Permission.UNDO_OWN))

    def _on_page_shortcut_activated(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        if row == CHECKIN_PAGE:
            self.checkin_page.return_focus()

    def _on_nav_item_clicked(self, _item: QListWidgetItem) -> None:
        if self.nav.currentRow() == CHECKIN_PAGE:  # the scanner types into the scan field
            self.checkin_page.return_focus()

    # -- File menu -------------------------------------------------------------------

    def _make_import_wizard(self) -> ImportWizard:
        return ImportWizard(self._worker, self.db, self)

    def _on_import_action_triggered(self) -> None:
        wizard = self._make_import_wizard()
        wizard.guests_imported.connect(self._on_import_wizard_guests_imported)
        wizard.finished.connect(wizard.deleteLater)
        wizard.addAction(self.quit_action)  # Ctrl+Q: the wizard blocks this window's keys
        self.import_wizard = wizard
        wizard.open()

    def _on_import_wizard_guests_imported(self, report: ImportReport) -> None:
        # (the Guests page lists them again from the change feed, as every page does)
        self.nav.setCurrentRow(GUESTS_PAGE)
        self.status.showMessage(self.tr("Imported %1: %2 added, %3 updated.")
                                .replace("%1", report.file)
                                .replace("%2", i18n.count_text(report.added))
                                .replace("%3", i18n.count_text(report.updated)), 10_000)

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
        return messages.ask_values(NewEventDialog(self))

    def _on_new_action_triggered(self) -> None:
        values = self._ask_new_event()
        if values is not None:
            self._worker.submit(lambda: create_new_event(values), on_success=self.switch_to,
                                on_failure=self._on_event_create_failed, context=self)

    def _on_event_create_failed(self, exc: Exception) -> None:
        messages.report_error(self, exc, self.tr("The event could not be created."))

    # -- Event menu ------------------------------------------------------------------

    def _ask_purge(self) -> bool:
        """The one place the purge's confirmation blocks (tests replace it)."""
        dialog = PurgeDialog(self.opened.event.name_zh, self.status.guest_count, self)
        return dialog.exec() == PurgeDialog.DialogCode.Accepted

    def _on_purge_action_triggered(self) -> None:
        if not self._ask_purge():
            return
        db, desk = self.db, self.checkin_page.desk
        self._worker.submit(lambda: purge_personal_data(db, desk),
                            on_success=self._on_personal_data_purged,
                            on_failure=lambda exc: messages.report_error(self, exc),
                            context=self)

    def _on_personal_data_purged(self, result: PurgeResult) -> None:
        messages.show_info(self, self.tr("Personal data deleted"), self.tr(
            "The mobile numbers, e-mails, ID card numbers and notes of %1 guests were "
            "deleted.").replace("%1", f"{result.purged:,}"))
        self._show_opened(self.opened)  # (every page reads the guests again)

    # -- View and Help menus ---------------------------------------------------------

    def _on_language_group_triggered(self, action: QAction) -> None:
        language = action.data()
        self._settings.language = language
        i18n.apply_language(language)

    def _on_about_action_triggered(self) -> None:
        messages.show_info(self, self.tr("WIMC Desk %1").replace("%1", __version__),
                           self.tr("The registration desk of a large conference: guest list "
                                   "import, check-in, badges, signings and reports."))

    def _confirm_quit_while_working(self) -> bool:
        """The one place the quit question blocks (tests replace it)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Quit WIMC Desk?"),
                          self.tr("An import or export is still running. Quit anyway?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return messages.exec_box(box) == QMessageBox.StandardButton.Yes

    def _on_worker_task_failed(self, exc: Exception) -> None:
        messages.report_error(self, exc)

    # -- language --------------------------------------------------------------------

    def _show_title(self) -> None:
        """The product's name and the event's, in the interface language (its Chinese name
        when it has no English one)."""
        event = self.opened.event
        self.setWindowTitle(f"{APP_NAME} — {i18n.in_language(event.name_zh, event.name_en)}")

    def retranslate_ui(self) -> None:
        self._show_title()
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import guest list…"))
        self.open_action.setText(self.tr("&Open event…"))
        self.new_action.setText(self.tr("&New event…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.event_menu.setTitle(self.tr("&Event"))
        self.purge_action.setText(self.tr("&Delete personal data…"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.dashboard_action.setText(self.tr("Supervisor &dashboard"))
        self.about_action.setText(self.tr("&About WIMC Desk"))
        self.desk_menu.setTitle(self.tr("&Desk"))
        self.desk_action.setText(self.tr("Desk and &operator…"))
        self.walk_in_action.setText(self.tr("Register a &walk-in…"))
        self.undo_action.setText(self.tr("&Undo the last admission"))
        self.lock_action.setText(self.tr("&Lock the desk"))
        self.override_action.setText(self.tr("Supervisor o&verride…"))
        self.print_menu.setTitle(self.tr("&Print badge at check-in"))
        labels = {PrintAtCheckIn.OFF: self.tr("Off"),
                  PrintAtCheckIn.FIRST_ADMISSION: self.tr("First admission of the event only"),
                  PrintAtCheckIn.ALWAYS: self.tr("Every admission")}
        for action in self._print_group.actions():
            action.setText(labels[PrintAtCheckIn(action.data())])
        titles = (self.tr("Check-in desk"), self.tr("Guests"), self.tr("Badges"),
                  self.tr("Signings"), self.tr("Reports"))
        for row, title in enumerate(titles):
            self.nav.item(row).setText(title)
        self.access.apply_gates()  # (their tooltips, in the new language)
        # After every page has its new texts (their LanguageChange comes after this one).
        QTimer.singleShot(0, self, self._fit_to_contents)

    def _fit_to_contents(self) -> None:
        fit_to_contents(self.pages)  # (dialogs, such as the import wizard, size their own)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Ctrl+Q, the title bar's close button and Alt+F4 alike ask while work runs.
        if self._worker.long_work_running and not self._confirm_quit_while_working():
            event.ignore()
            return
        wizard = self.import_wizard
        if wizard is not None and shiboken6.isValid(wizard) and wizard.isVisible():
            wizard.reject()  # an import running stops (nothing written); it closes then
        self._settings.main_window_geometry = self.saveGeometry()
        self.checkin_page.counts.stop()  # a closed window polls no more
        self.change_hub.stop()
        self.desk_sync.stop()
        for window in (self.dashboard, self.signings_page.ceremony_view):
            if window is not None:
                window.close()
        super().closeEvent(event)

    def current_page_name(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def select_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))
