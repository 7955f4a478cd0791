"""Recognising a handheld scanner's burst of keys wherever the focus is, application-wide.

A USB scanner is a keyboard: it types the badge code a few milliseconds a key and
presses Enter, into whatever has the focus (a dialog's text field, the dashboard, another
page). The filter sits on the QApplication and looks at the keys the window system
delivers to the windows (each key once, before it reaches a widget):

- A letter, digit or dash typed without Ctrl/Alt/Meta is *held* while the filter decides.
  So is every key event after it (releases, Shift), so the order never changes.
- The next such key within GAP_MS keeps the burst going. A longer pause, any other key,
  a mouse press or input-method text means a person is typing: the held keys are sent
  on, unchanged, to the window they were meant for (its focus widget takes them as if
  they had never been held). A person sees their key HOLD_MS late at most.
- Enter (or Tab: a scanner set up with a Tab suffix) within GAP_MS of the last key,
  after at least MIN_CODE_LENGTH keys, with the keys shaped like a badge code
  (domain.badge_codes, with or without the event's prefix), is a scan: the held keys
  and the terminator are dropped and `scanned` carries the code. No text field ever
  receives it, with one exception: a field whose property TAKES_SCANS is true (the
  Badges page's look-up field: a badge scanned there is to be looked up, not admitted)
  gets the burst as typed keys and an Enter.
- Once a burst is under way (BURST_KEYS keys, each within GAP_MS), no person is typing:
  the keys after may come up to BURST_GAP_MS apart (a wireless scanner, a busy X
  server) and still belong to it. A burst broken by a longer hiccup all the same is
  not lost or cut: its first part goes on to the field, and a burst following within
  RESUME_MS is read as its rest (the scan is the whole code, never its tail, which
  could be another guest's shorter code).
- One punctuation character typed just before a burst (a scanner set up with a prefix
  such as "$" or "#") is held with it and dropped with the scan; on its own, or
  before a person's typing, it goes on like any held key.
- What a suffix sends after the terminator (CR+LF: a second Enter, or Ctrl+J) within
  GAP_MS of the scan is part of it and dropped too: a second Enter reaching a dialog
  would press its default button (a walk-in half typed was registered so).

Why GAP_MS = 40: scanners send a key every 1-10 ms (xdotool's replay: 5 ms, a busy
machine's jitter on top); a person's keys come 100-250 ms apart, and even a fast
typist's rolled-over pairs rarely fall under 40 ms, never four in a row plus Enter.
Delays of 40 ms on a keystroke are below what a typist notices (a keyboard and screen
add 30-60 ms already).

Time is each key event's own timestamp (when the window system saw the key, so a busy
event loop does not stretch the gaps), else a monotonic clock; `clock` replaces both
in tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QLineEdit

from wimc_desktop.domain.badge_codes import is_valid_code, normalize_code

TAKES_SCANS = "takesScans"
GAP_MS = 40
HOLD_MS = GAP_MS
BURST_KEYS = 3  # code keys within GAP_MS of each other: a scanner, never a person
BURST_GAP_MS = 120  # the longest pause inside a burst under way
RESUME_MS = 400  # a burst this soon after one cut short is its rest
MIN_CODE_LENGTH = 4
CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
# What a scanner's prefix may be: printable ASCII punctuation, no letter, digit or space.
PREFIX_CHARACTERS = frozenset("!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TERMINATOR_KEYS = (*ENTER_KEYS, Qt.Key.Key_Tab)
# A line feed as a keyboard types it: Ctrl+J (Ctrl+M is a carriage return).
CONTROL_SUFFIX_KEYS = (Qt.Key.Key_J, Qt.Key.Key_M)
MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                 Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock)
ALLOWED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
# Events that end a person's typing: what was held goes first, in order.
FLUSHING_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                   QEvent.Type.InputMethod)

Clock = Callable[[QKeyEvent], float]


def event_clock(event: QKeyEvent) -> float:
    """Milliseconds: the window system's timestamp of the key, else the monotonic clock."""
    stamp = event.timestamp()
    return float(stamp) if stamp else time.monotonic() * 1000


@dataclass(frozen=True, slots=True)
class HeldKey:
    """A copy of one key event held back, and the window it was sent to."""

    window: QWindow
    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    auto_repeat: bool
    scan_code: int
    virtual_key: int
    native_modifiers: int
    timestamp: int

    @classmethod
    def of(cls, window: QWindow, event: QKeyEvent) -> HeldKey:
        return cls(window, event.type(), event.key(), event.modifiers(), event.text(),
                   event.isAutoRepeat(), event.nativeScanCode(), event.nativeVirtualKey(),
                   event.nativeModifiers(), event.timestamp())

    def event(self) -> QKeyEvent:
        copy = QKeyEvent(self.type, self.key, self.modifiers, self.scan_code, self.virtual_key,
                         self.native_modifiers, self.text, self.auto_repeat)
        copy.setTimestamp(self.timestamp)
        return copy


def types_code_text(event: QKeyEvent) -> bool:
    """A key a scanner types inside a badge code: a letter, digit or dash, no Ctrl/Alt."""
    return (not event.isAutoRepeat() and not event.modifiers() & ~ALLOWED_MODIFIERS
            and len(event.text()) == 1 and event.text() in CODE_CHARACTERS)


def is_code_key(event: QKeyEvent) -> bool:
    return event.type() == QEvent.Type.KeyPress and types_code_text(event)


def is_prefix_key(event: QKeyEvent) -> bool:
    """A punctuation key (Shift allowed) that may be a scanner's prefix."""
    return (event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat()
            and not event.modifiers() & ~ALLOWED_MODIFIERS
            and len(event.text()) == 1 and event.text() in PREFIX_CHARACTERS)


def may_continue_a_burst(event: QKeyEvent) -> bool:
    """A key (announced by its ShortcutOverride) that does not end a burst by itself."""
    return (types_code_text(event) or event.key() in MODIFIER_KEYS
            or (event.key() in TERMINATOR_KEYS
                and not event.modifiers() & ~ALLOWED_MODIFIERS))


def is_terminator(event: QKeyEvent) -> bool:
    """Enter or Tab, unmodified: what a scanner sends after the code."""
    return (event.type() == QEvent.Type.KeyPress and event.key() in TERMINATOR_KEYS
            and not event.isAutoRepeat() and not event.modifiers() & ~ALLOWED_MODIFIERS)


def is_suffix_remainder(event: QKeyEvent) -> bool:
    """A key a suffix may send after its terminator: another Enter or Tab, or a line feed
    (Ctrl+J) or carriage return (Ctrl+M) typed with Ctrl."""
    if event.type() != QEvent.Type.KeyPress:
        return False
    control = Qt.KeyboardModifier.ControlModifier
    return is_terminator(event) or (event.key() in CONTROL_SUFFIX_KEYS
                                    and event.modifiers() & ~ALLOWED_MODIFIERS == control)


def scanned_code(text: str) -> str | None:
    """The badge code a burst typed (after a prefix character, if any), or None when it
    is not shaped like one."""
    if text[:1] in PREFIX_CHARACTERS:
        text = text[1:]
    code = normalize_code(text)
    return code if len(code) >= MIN_CODE_LENGTH and is_valid_code(code) else None


class ScannerFilter(QObject):
    """The application's one scanner filter (see for_application); `scanned(code)`."""

    scanned = Signal(str)
    # A burst typed into a password field: a password manager types as fast as a scanner.
    # It is taken as neither a scan (it would show the password on the banner and keep it
    # in the audit log as a refused code) nor a password; the window says so.
    secret_dropped = Signal()

    def __init__(self, parent: QObject | None = None, clock: Clock = event_clock) -> None:
        super().__init__(parent)
        self.clock = clock
        self._held: list[HeldKey] = []
        self._holds = 0  # keys held so far (to see whether more came in meanwhile)
        self._typed = ""
        self._last_at = 0.0
        self._replaying = False
        self._swallow_release: int | None = None
        self._scan_ended_at: float | None = None  # when the last scan's terminator came
        # A burst under way that went on to the field all the same (a longer hiccup):
        # (what it typed, when its last key came), for the burst that may follow.
        self._cut: tuple[str, float] | None = None
        self._base_interval = HOLD_MS
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HOLD_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    @classmethod
    def for_application(cls) -> ScannerFilter:
        """The filter installed on the running QApplication (installed at the first call)."""
        app = QCoreApplication.instance()
        assert app is not None
        found = app.findChild(ScannerFilter, "scannerFilter")
        if found is not None:
            return found
        scanner = cls(app)
        scanner.setObjectName("scannerFilter")
        app.installEventFilter(scanner)
        return scanner

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only what the window system delivers to a window: each key passes here once
        # (its later trip to the focus widget and up to the parents is not looked at).
        if self._replaying:
            return False
        kind = event.type()
        if kind in KEY_EVENTS and isinstance(watched, QWindow):
            assert isinstance(event, QKeyEvent)
            return self._on_key(watched, event)
        if kind in FLUSHING_EVENTS or (
                kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and not may_continue_a_burst(event)):
            # A shortcut (Ctrl+Z, F2) is matched before its key reaches the window:
            # the keys typed before it go first. A person is at work: no burst resumes.
            self._cut = None
            if self._held:
                self.flush()
        return False

    def _gap(self) -> float:
        """The longest pause that keeps the burst going."""
        return BURST_GAP_MS if self._under_way() else GAP_MS

    def _under_way(self) -> bool:
        code_keys = len(self._typed) - (self._typed[:1] in PREFIX_CHARACTERS)
        return code_keys >= BURST_KEYS

    def _on_key(self, window: QWindow, event: QKeyEvent) -> bool:
        if (event.type() == QEvent.Type.KeyRelease and self._swallow_release is not None
                and event.key() == self._swallow_release and not self._held):
            self._swallow_release = None
            return True
        if not self._held and self._ends_the_last_scan(event):
            self._swallow_release = event.key()
            return True
        if is_code_key(event):
            now = self.clock(event)
            if self._held and now - self._last_at > self._gap():
                self._flush_cut()  # a pause: what was typed goes on first
            if not self._held:
                self._typed = self._resumed(now)
            self._hold(window, event, now)
            self._typed += event.text()
            if self._under_way():
                self.timer.setInterval(max(self._base_interval, BURST_GAP_MS))
            return True
        if not self._held and is_prefix_key(event):
            self._cut = None
            self._hold(window, event, self.clock(event))  # a scanner's prefix, perhaps
            self._typed = event.text()
            return True
        if not self._held:
            if event.type() == QEvent.Type.KeyPress and event.key() not in MODIFIER_KEYS:
                self._cut = None
            return False
        if is_terminator(event):
            return self._on_terminator(window, event)
        if event.type() == QEvent.Type.KeyRelease or event.key() in MODIFIER_KEYS:
            self._hold(window, event, self._last_at)  # a release or Shift, kept in order
            return True
        self._cut = None
        self.flush()  # any other key: a person typing; theirs first, then this one
        return False

    def _resumed(self, now: float) -> str:
        """What a burst cut short typed, when this key comes soon enough to be its rest."""
        cut, self._cut = self._cut, None
        return cut[0] if cut is not None and now - cut[1] <= RESUME_MS else ""

    def _flush_cut(self) -> None:
        """Send the held keys on after a pause; a burst under way may resume after it."""
        cut = (self._typed, self._last_at) if self._under_way() else None
        self.flush()
        self._cut = cut

    def _on_terminator(self, window: QWindow, event: QKeyEvent) -> bool:
        code = scanned_code(self._typed)
        now = self.clock(event)
        if code is None or now - self._last_at > self._gap():
            self._cut = None
            self.flush()
            return False
        if self._target_is_secret():
            self._forget()
            self._scan_ended_at = now
            self._swallow_release = event.key()
            self.secret_dropped.emit()
            return True
        if self._target_takes_scans():
            self.flush()
            self._scan_ended_at = now
            if event.key() in ENTER_KEYS:
                return False
            self._send_enter(window)  # a Tab suffix: the field looks it up all the same
            self._swallow_release = event.key()
            return True
        self._forget()
        self._scan_ended_at = now
        self._swallow_release = event.key()
        self.scanned.emit(code)
        return True

    def _ends_the_last_scan(self, event: QKeyEvent) -> bool:
        """The rest of a scanner's suffix (CR+LF), right after the scan's terminator."""
        if self._scan_ended_at is None or not is_suffix_remainder(event):
            return False
        if self.clock(event) - self._scan_ended_at > GAP_MS:
            self._scan_ended_at = None
            return False
        return True

    def _send_enter(self, window: QWindow) -> None:
        self._replaying = True
        try:
            for kind in KEY_EVENTS:
                QCoreApplication.sendEvent(window, QKeyEvent(
                    kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
        finally:
            self._replaying = False

    def _held_target(self) -> QObject | None:
        """The focus object of the window the held keys were meant for."""
        window = self._held[0].window
        return window.focusObject() if shiboken6.isValid(window) else None

    def _target_takes_scans(self) -> bool:
        target = self._held_target()
        return bool(target is not None and target.property(TAKES_SCANS))

    def _target_is_secret(self) -> bool:
        target = self._held_target()
        return (isinstance(target, QLineEdit)
                and target.echoMode() != QLineEdit.EchoMode.Normal)

    def _on_timer_timeout(self) -> None:
        # A busy moment of the GUI thread may have left the rest of a burst queued behind
        # this timer: take in the input already waiting before deciding it was a person.
        holds = self._holds
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        if self._held and self._holds == holds:
            self._flush_cut()

    def _hold(self, window: QWindow, event: QKeyEvent, now: float) -> None:
        if not self._held:
            self._base_interval = self.timer.interval()
        self._holds += 1
        self._held.append(HeldKey.of(window, event))
        self._last_at = now
        self.timer.start()

    def _forget(self) -> None:
        self.timer.stop()
        self.timer.setInterval(self._base_interval)
        self._held, self._typed = [], ""

    def flush(self) -> None:
        """Send the held keys on to their windows, in order, as they came."""
        held = self._held
        self._forget()
        self._replaying = True
        try:
            for key in held:
                window = key.window if shiboken6.isValid(key.window) else None
                window = window or QGuiApplication.focusWindow()
                if window is not None:
                    QCoreApplication.sendEvent(window, key.event())
        finally:
            self._replaying = False
