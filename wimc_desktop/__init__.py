"""WIMC Desk: the registration desk client of a large conference (stdlib-only import)."""

__version__ = "0.1.0"
APP_NAME = "WIMC Desk"
