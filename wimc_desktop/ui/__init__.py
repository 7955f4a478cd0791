"""The PySide6 interface: main window, pages, dialogs, item models and the background worker."""
