"""The PySide6 interface: main window, pages, dialogs, item models and the background worker."""

from wimc_desktop.ui import qt_fixes

qt_fixes.apply()
