"""What the user chose in the import wizard so far (plain data shared by its pages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wimc_desktop.domain.checkin import Desk


@dataclass
class ImportChoices:
    """The file and how to read it; None means "as detected"."""

    path: str = ""
    encoding: str | None = None
    sheet: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)
    replace_badge_codes: bool = False  # matched guests take the file's codes (old revoked)
    desk: Desk | None = None  # who replaces them (the revocations name the desk)

    def reading_options(self) -> dict[str, Any]:
        """Keyword arguments for preview_file and import_file."""
        return {"sheet": self.sheet, "encoding": self.encoding,
                "overrides": dict(self.overrides) or None}

    def import_options(self) -> dict[str, Any]:
        """Keyword arguments for import_file (the dry run and the import)."""
        return {**self.reading_options(), "replace_badge_codes": self.replace_badge_codes,
                "desk": self.desk}

    def choose_file(self, path: str) -> None:
        if path != self.path:
            self.path, self.encoding, self.sheet = path, None, None
            self.overrides.clear()
            self.replace_badge_codes = False
