"""Importing guest lists: preview a file, validate every row, then write all or nothing."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import GuestRow, ImportBatchRow
from wimc_desktop.domain.badges import replaced_by_list_reason
from wimc_desktop.domain.categories import category_lookup
from wimc_desktop.domain.checkin import Desk, login_name
from wimc_desktop.domain.errors import (
    BadInputError,
    DeskError,
    ImportProblem,
    ImportRejectedError,
    StorageError,
)
from wimc_desktop.domain.fields import GUEST_FIELDS, auto_mapping, fold_header
from wimc_desktop.domain.id_numbers import HEADERS as ID_HEADERS
from wimc_desktop.domain.id_numbers import mask_id_number, normalize_id_number
from wimc_desktop.domain.models import Event, ImportReport
from wimc_desktop.domain.problems import Reason
from wimc_desktop.services import audit
from wimc_desktop.services.badges import replace_code
from wimc_desktop.services.events import get_event
from wimc_desktop.services.id_numbers import store_id_numbers
from wimc_desktop.services.importing.plan import ImportPlan, make_plan, split_unchanged
from wimc_desktop.services.importing.readers import RawTable, read_table
from wimc_desktop.services.importing.rows import GuestBatch, convert_rows
from wimc_desktop.services.importing.storage import (
    GuestsNotSavedError,
    IndexNotSavedError,
    index_failure_cause,
    write_failure,
)
from wimc_desktop.services.importing.writer import Progress, assign_codes, write_plan
from wimc_desktop.services.search import IndexedColumns, index_import

__all__ = ["ImportPreview", "import_file", "import_records", "preview_file"]
log = logging.getLogger("wimc_desktop.services")


@dataclass(frozen=True)
class ImportPreview:
    """What the wizard shows before importing: how the file was read and mapped."""

    file: str
    encoding: str
    sheets: list[str]
    sheet: str
    header_row: int
    headers: list[str]
    mapping: dict[str, str]
    unmapped: list[str]
    sample_rows: list[list[str]]
    total_rows: int


def _column_index(headers: list[str], column: str, file: str) -> int:
    """A column named by its header text, its Excel letter (C) or its number (3)."""
    folded = [fold_header(h) for h in headers]
    if fold_header(column) in folded:
        return folded.index(fold_header(column))
    if column.isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    if column.isalpha() and column.isupper() and len(column) <= 2:
        index = 0
        for ch in column:
            index = index * 26 + ord(ch) - 64
        if index <= len(headers):
            return index - 1
    raise BadInputError("{file}: no column {column!r} (columns: {columns})",
                        file=file, column=column, columns=", ".join(headers))


def resolve_mapping(headers: list[str], overrides: Mapping[str, str] | None,
                    file: str) -> dict[str, int]:
    """Automatic header mapping, then the user's field=column choices on top."""
    mapping = auto_mapping(headers)
    for field, column in (overrides or {}).items():
        if field not in GUEST_FIELDS:
            raise BadInputError("unknown field {field!r} in --map (fields: {fields})",
                                field=field, fields=", ".join(GUEST_FIELDS))
        if column == "":
            mapping.pop(field, None)
            continue
        index = _column_index(headers, column, file)
        for other in [f for f, i in mapping.items() if i == index]:
            del mapping[other]
        mapping[field] = index
    return mapping


def preview_file(path: str | Path, *, sheet: str | None = None, encoding: str | None = None,
                 overrides: Mapping[str, str] | None = None, rows: int = 20) -> ImportPreview:
    """How a file will be read: encoding, sheet, header row, mapping and the first rows."""
    table = read_table(Path(path), sheet=sheet, encoding=encoding)
    headers = table.headers
    mapping = resolve_mapping(headers, overrides, table.file)
    data = table.data()
    mapped_idx = set(mapping.values())
    return ImportPreview(
        file=table.file, encoding=table.encoding, sheets=table.sheets, sheet=table.sheet,
        header_row=table.header_row, headers=headers,
        mapping={f: headers[i] for f, i in mapping.items()},
        unmapped=[h for i, h in enumerate(headers) if i not in mapped_idx and h],
        sample_rows=data.cells[:rows], total_rows=len(data.numbers),
    )


def _formula_problems(table: RawTable, mapping: dict[str, int]) -> list[ImportProblem]:
    mapped = set(mapping.values())
    return [ImportProblem.of(r + 1, table.headers[c], "", Reason.FORMULA_WITHOUT_VALUE,
                             table.file)
            for r, c in sorted(table.formula_cells)
            if c in mapped and r > table.header_index]


def _id_number_column(headers: list[str], mapping: dict[str, int]) -> int | None:
    """The column of resident ID card numbers (证件号码, 身份证号 ...), if the file has one.
    Read apart from the guest's fields: the number is never stored, nor kept among the
    extra columns."""
    wanted = {fold_header(h) for h in ID_HEADERS}
    for index, header in enumerate(headers):
        if fold_header(header) in wanted and index not in mapping.values():
            return index
    return None


def _id_numbers(table: RawTable, column: int | None
                ) -> tuple[dict[int, str], list[ImportProblem]]:
    """Excel row -> the row's ID number (normalised), and a problem for each bad one (its
    value masked: a mistyped number is still someone's)."""
    numbers: dict[int, str] = {}
    problems: list[ImportProblem] = []
    if column is None:
        return numbers, problems
    data = table.data()
    for row, cells in zip(data.numbers, data.cells, strict=True):
        text = cells[column].strip() if column < len(cells) else ""
        if not text:
            continue
        number = normalize_id_number(text)
        if number is None:
            shown = mask_id_number(text) if len(text) >= 12 else "*" * len(text)
            problems.append(ImportProblem.of(row, table.headers[column], shown,
                                             Reason.INVALID_ID_NUMBER, table.file))
        else:
            numbers[row] = number
    return numbers, problems


def _convert(table: RawTable, mapping: dict[str, int],
             event: Event) -> tuple[GuestBatch, list[ImportProblem], dict[int, str]]:
    """The file's rows as a checked batch, every problem found in its cells, and the ID
    numbers by Excel row."""
    headers = table.headers
    id_column = _id_number_column(headers, mapping)
    extra_cols = {i: h or f"column {i + 1}" for i, h in enumerate(headers)
                  if i not in set(mapping.values()) and i != id_column}
    batch, issues = convert_rows(table.data(), mapping, extra_cols,
                                 category_lookup(event.categories), table.line_spans)
    problems = list(table.problems) + _formula_problems(table, mapping)
    problems += [ImportProblem.of(batch.rows[i.index], headers[mapping[i.field]]
                                  if i.field in mapping else i.field, i.value, i.reason,
                                  table.file, **({"limit": i.limit} if i.limit else {}),
                                  **i.args)
                 for i in issues]
    numbers, id_problems = _id_numbers(table, id_column)
    problems += id_problems
    if issues or id_problems:
        bad = {i.index for i in issues}
        bad_rows = {p.row for p in id_problems}
        batch = batch.subset([i for i in range(len(batch))
                              if i not in bad and batch.rows[i] not in bad_rows])
    return batch, problems, numbers


@dataclass(frozen=True)
class _Checked:
    """A list's rows checked, with what the write and its report need of the file (whose
    own rows and cells are then let go: a 100,000-row file's are ~100 MB)."""

    file: str
    encoding: str
    sheet: str
    header_row: int
    headers: list[str]
    total_rows: int
    mapping: dict[str, int]
    event: Event
    batch: GuestBatch
    problems: list[ImportProblem]
    id_numbers: dict[int, str]


def _check(db: Database, table: RawTable, overrides: Mapping[str, str] | None) -> _Checked:
    """Every row of the table checked and converted (nothing written yet)."""
    if not table.data().numbers:
        if table.problems:  # (a broken first row is not an empty list: say what broke)
            raise ImportRejectedError(table.problems, table.file)
        raise BadInputError("{file}: only a header row, no guests.", file=table.file)
    mapping = resolve_mapping(table.headers, overrides, table.file)
    if "name" not in mapping:
        raise BadInputError("{file}: no name column found in the header row {row} "
                            "({columns}); name it with --map name=COLUMN",
                            file=table.file, row=table.header_row,
                            columns=", ".join(table.headers))
    event = get_event(db)
    batch, problems, id_numbers = _convert(table, mapping, event)
    return _Checked(table.file, table.encoding, table.sheet, table.header_row, table.headers,
                    len(table.data().numbers), mapping, event, batch, problems, id_numbers)


def _report(checked: _Checked, plan: ImportPlan, problems: list[ImportProblem],
            dry_run: bool) -> ImportReport:
    rejected_rows = len({p.row for p in problems})
    return ImportReport(
        file=checked.file, encoding=checked.encoding, sheet=checked.sheet,
        header_row=checked.header_row,
        mapping={f: checked.headers[i] for f, i in checked.mapping.items()},
        total_rows=checked.total_rows, added=len(plan.new), updated=len(plan.updates),
        unchanged=plan.unchanged, rejected=rejected_rows,
        errors=tuple(sorted(problems, key=lambda p: p.row)), dry_run=dry_run,
        badge_codes_replaced=len(plan.code_changes),
    )


def import_table(db: Database, table: RawTable, *, overrides: Mapping[str, str] | None = None,
                 dry_run: bool = False, source: str | None = None,
                 progress: Progress | None = None,
                 is_cancelled: Callable[[], bool] | None = None,
                 replace_badge_codes: bool = False, desk: Desk | None = None) -> ImportReport:
    """Validate every row, then write all of them in one transaction, or nothing; then
    their search index, in a transaction of its own.

    `replace_badge_codes`: a matched guest whose row gives another badge code gets it, and
    the old code is revoked as in a reissue (recorded under `desk`); otherwise that row is
    a problem."""
    report, written = _import_guests(db, _check(db, table, overrides), dry_run=dry_run,
                                     source=source, progress=progress,
                                     is_cancelled=is_cancelled,
                                     replace_badge_codes=replace_badge_codes, desk=desk)
    if not dry_run:
        _index_saved_guests(db, report, written)
    return report


def _import_guests(db: Database, checked: _Checked, *, dry_run: bool, source: str | None,
                   progress: Progress | None, is_cancelled: Callable[[], bool] | None,
                   replace_badge_codes: bool, desk: Desk | None
                   ) -> tuple[ImportReport, IndexedColumns | None]:
    """import_table's guests: planned, written and committed (not indexed); and the new
    guests as the index reads them, if write_plan handed them over."""
    try:
        return _write_guests(
            db, checked, dry_run=dry_run, source=source or f"import:{checked.file}",
            progress=progress, is_cancelled=is_cancelled,
            replacing=(desk or import_desk()) if replace_badge_codes else None,
            desk=desk or import_desk())
    except (StorageError, sqlite3.Error, OSError) as exc:
        cause = write_failure(exc)
        if cause is None or isinstance(exc, GuestsNotSavedError | IndexNotSavedError):
            raise  # (not a write failure, or one told already)
        raise GuestsNotSavedError(db.display_name, checked.file, cause) from exc


def _index_saved_guests(db: Database, report: ImportReport,
                        written: IndexedColumns | None) -> None:
    """The search index in a transaction of its own, once the guests are safe: the list is
    searchable (guest by guest) in between. If this step fails (a full disk), the guests
    stay saved and the error says so: the index is brought up to date when the event is
    next opened (events.open_event_database)."""
    try:
        with db.write() as session:
            index_import(session, written)
    except (DeskError, sqlite3.Error, OSError) as exc:
        log.warning("the guests of %s are saved, their search index not: %s", report.file, exc)
        raise IndexNotSavedError(db.display_name, report, index_failure_cause(exc)) from exc


def _write_guests(db: Database, checked: _Checked, *, dry_run: bool, source: str,
                  progress: Progress | None, is_cancelled: Callable[[], bool] | None,
                  replacing: Desk | None = None, desk: Desk | None = None
                  ) -> tuple[ImportReport, IndexedColumns | None]:
    """The guests' transaction: plan, check, write all or nothing (on a dry run, only the
    report). `replacing`: the desk that replaces matched guests' badge codes (None: a
    different code is a problem)."""
    headers = {f: checked.headers[i] for f, i in checked.mapping.items()}
    batch = checked.batch
    with db.write() as session:
        plan = make_plan(session, batch, headers, checked.file,
                         replace_badge_codes=replacing is not None)
        problems = checked.problems + plan.problems
        split_unchanged(session, plan)
        report = _report(checked, plan, problems, dry_run)
        if problems:
            raise ImportRejectedError(list(report.errors), checked.file)
        if dry_run:
            session.rollback()
            return report, None
        if replacing is not None:
            _replace_codes(session, plan.code_changes, checked.file, replacing)
        new = batch.subset(plan.new)
        assign_codes(session, new, checked.event.badge_prefix)
        batch_id = str(uuid.uuid4())
        session.add(ImportBatchRow(
            id=batch_id, file_name=checked.file, encoding=checked.encoding, sheet=checked.sheet,
            imported_at=dt.datetime.now(dt.UTC), total_rows=report.total_rows,
            added=report.added, updated=report.updated, unchanged=report.unchanged))
        audit.record(session, desk or import_desk(), "guests_imported", file=checked.file,
                     batch=batch_id, rows=report.total_rows, added=report.added,
                     updated=report.updated, unchanged=report.unchanged,
                     badge_codes_replaced=report.badge_codes_replaced)
        plan.new = list(range(len(new)))
        written = write_plan(session, new, plan, source=source, import_id=batch_id,
                             progress=progress, is_cancelled=is_cancelled)
        if checked.id_numbers:
            _store_id_numbers(session, new, plan, checked.id_numbers)
    return report, written


def _store_id_numbers(session: Session, new: GuestBatch, plan: ImportPlan,
                      numbers: dict[int, str]) -> None:
    """The rows' ID numbers on their guests (as hash and masked form): a new guest found
    by the badge code it was just given, a matched one by its id."""
    codes = {row: code for row, code in zip(new.rows, new.columns["badge_code"], strict=True)
             if row in numbers}
    ids = {code: guest_id for code, guest_id in session.execute(
        select(GuestRow.badge_code, GuestRow.id).where(
            GuestRow.badge_code.in_(list(codes.values()))))} if codes else {}
    by_guest = {ids[code]: numbers[row] for row, code in codes.items()}
    by_guest.update((guest_id, numbers[draft.row]) for guest_id, draft in plan.updates
                    if draft.row in numbers)
    store_id_numbers(session, by_guest)


def import_desk() -> Desk:
    """Who replaces badge codes when the caller names no desk: the import, by login name."""
    return Desk("import", login_name("operator"))


def _replace_codes(session: Session, changes: list[tuple[str, str, str]], file: str,
                   desk: Desk) -> None:
    """Each matched guest's old badge code revoked and replaced by the row's, exactly as a
    reissue does it (badges.replace_code): the old badge then tells what replaced it."""
    if not changes:
        return
    now = dt.datetime.now(dt.UTC)
    guests = {g.id: g for g in session.execute(select(GuestRow).where(
        GuestRow.id.in_([gid for gid, _, _ in changes]))).scalars()}
    for guest_id, _old, new in changes:
        replace_code(session, guests[guest_id], new, reason=replaced_by_list_reason(file),
                     desk=desk, now=now)
    session.flush()


def import_file(db: Database, path: str | Path, *, sheet: str | None = None,
                encoding: str | None = None, overrides: Mapping[str, str] | None = None,
                dry_run: bool = False, progress: Progress | None = None,
                is_cancelled: Callable[[], bool] | None = None,
                replace_badge_codes: bool = False, desk: Desk | None = None) -> ImportReport:
    """Import a guest-list file (CSV, TXT, XLSX, XLS): all rows or, on any problem, none.
    (`replace_badge_codes`, `desk`: see import_table.)"""
    # (the file's cells and rows are let go once checked, before the write: a smaller
    # peak, and fewer objects for the garbage collector to look at while it writes)
    report, written = _import_guests(
        db, _check(db, read_table(Path(path), sheet=sheet, encoding=encoding), overrides),
        dry_run=dry_run, source=None, progress=progress, is_cancelled=is_cancelled,
        replace_badge_codes=replace_badge_codes, desk=desk)
    if not dry_run:
        _index_saved_guests(db, report, written)
    return report


def import_records(db: Database, records: Iterable[Mapping[str, str]], *, source: str,
                   name: str = "records", progress: Progress | None = None) -> ImportReport:
    """Import guests given as field -> value mappings (the demo event, tests)."""
    rows = [dict(r) for r in records]
    fields = list(GUEST_FIELDS)
    table = RawTable(name, "", "", [], [fields] + [[r.get(f, "") for f in fields] for r in rows])
    return import_table(db, table, source=source, progress=progress)
