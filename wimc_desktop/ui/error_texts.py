"""Known failures (DeskError) in the interface language: every core template, translated.

The core raises `BadInputError("the last day {end} is before the first day {start}",
end=..., start=...)`; `str(exc)` is the English text. Here each template is listed once
with QT_TRANSLATE_NOOP (so pyside6-lupdate extracts it), and `error_text(exc)` shows the
translation with the arguments filled in ({name} and {name!r} as in the core). An
argument that is itself a Message (a piece of a composed text) is translated the same
way; a guest-list reason is translated by problem_texts.

A new template in domain/, db/, services/, render/ or cli/ must be added below (and
translated in resources/translations/wimc_zh_CN.ts): tests/unit/test_error_templates.py
fails until it is. A template missing here is shown in English, never lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wimc_desktop.domain.errors import DeskError, Message, fill
from wimc_desktop.domain.problems import REASON_TEXT
from wimc_desktop.ui import problem_texts
from wimc_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "errors"

_SOURCES = (
    # domain/errors.py: a rejected guest list and where its first problem is
    QT_TRANSLATE_NOOP("errors", "{file}: rejected, nothing imported: no problems listed"),
    QT_TRANSLATE_NOOP("errors", "{file}: rejected, nothing imported: {problem}"),
    QT_TRANSLATE_NOOP("errors", "{file}: rejected, nothing imported: {problem} "
                      "(and {more} more)"),
    QT_TRANSLATE_NOOP("errors", "{file}: {problem}"),
    QT_TRANSLATE_NOOP("errors", "row {row}, column {column!r}, value {value!r}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "row {row}, column {column!r}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "row {row}, value {value!r}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "row {row}: {reason}"),
    # domain/text_safety.py: a form's field holding a control or text-direction character
    QT_TRANSLATE_NOOP("errors", "the {field} holds the character {char} at position "
                      "{position}: a control character (a line break, say) or a "
                      "text-direction override, not allowed here"),
    QT_TRANSLATE_NOOP("errors", "English name"),
    QT_TRANSLATE_NOOP("errors", "organization"),
    QT_TRANSLATE_NOOP("errors", "mobile"),
    QT_TRANSLATE_NOOP("errors", "e-mail"),
    QT_TRANSLATE_NOOP("errors", "category"),
    QT_TRANSLATE_NOOP("errors", "seat"),
    QT_TRANSLATE_NOOP("errors", "dietary needs"),
    QT_TRANSLATE_NOOP("errors", "notes"),
    QT_TRANSLATE_NOOP("errors", "event name"),
    QT_TRANSLATE_NOOP("errors", "English event name"),
    QT_TRANSLATE_NOOP("errors", "venue"),
    QT_TRANSLATE_NOOP("errors", "city"),
    # domain/money.py
    QT_TRANSLATE_NOOP("errors", "not an amount: {text!r} (write it like 1,234,567.89, "
                      "5.2亿 or 3000万)"),
    QT_TRANSLATE_NOOP("errors", "{text!r} is more precise than a fen (0.01 元)"),
    QT_TRANSLATE_NOOP("errors", "{text!r} is too large (at most {limit} 元)"),
    QT_TRANSLATE_NOOP("errors", "{amount} is more precise than a fen (0.01 元)"),
    QT_TRANSLATE_NOOP("errors", "not an amount: {text!r} (the Chinese numerals are out of "
                      "order or incomplete)"),
    QT_TRANSLATE_NOOP("errors", "not an amount: {text!r} (numerals read digit by digit, "
                      "like 一二三, are ambiguous: write 一百二十三 or 123)"),
    # domain/signings.py: the checked fields, then the rules
    QT_TRANSLATE_NOOP("errors", "project name"),
    QT_TRANSLATE_NOOP("errors", "project en"),
    QT_TRANSLATE_NOOP("errors", "sector"),
    QT_TRANSLATE_NOOP("errors", "location"),
    QT_TRANSLATE_NOOP("errors", "ceremony"),
    QT_TRANSLATE_NOOP("errors", "name"),
    QT_TRANSLATE_NOOP("errors", "role"),
    QT_TRANSLATE_NOOP("errors", "country"),
    QT_TRANSLATE_NOOP("errors", "title"),
    QT_TRANSLATE_NOOP("errors", "not a currency code: {text!r} (use CNY, USD, EUR...)"),
    QT_TRANSLATE_NOOP("errors", "the signing needs a {field}"),
    QT_TRANSLATE_NOOP("errors", "the {field} is longer than {limit} characters"),
    QT_TRANSLATE_NOOP("errors", "the amount must be more than zero (got {amount})"),
    QT_TRANSLATE_NOOP("errors", "the amount {amount} is too large"),
    QT_TRANSLATE_NOOP("errors", "a signing needs at least two parties (got {count})"),
    QT_TRANSLATE_NOOP("errors", "the same party is named twice"),
    QT_TRANSLATE_NOOP("errors", "the signing time needs a time zone"),
    # db/engine.py, db/faults.py, db/migrate.py, db/sqlite_file.py
    QT_TRANSLATE_NOOP("errors", "{path}: the event file is on a network share. SQLite "
                      "files must be on a local disk; several computers share one event "
                      "through the PostgreSQL server mode."),
    QT_TRANSLATE_NOOP("errors", "{where}: another program is using the event database; "
                      "nothing was changed. It is safe to try again."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot write: the disk is full; nothing was saved. "
                      "Free some space and try again."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot write: the event database is read-only; "
                      "nothing was saved."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot write: the event database is read-only "
                      "here (the file or its folder cannot be written); nothing was saved."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot write: permission denied; nothing was "
                      "saved."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot open the event database (no permission, or "
                      "its folder cannot be written); nothing was saved."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot write: the disk reported an input/output "
                      "error; nothing was saved. Check the disk (is it full, or removed?) "
                      "and try again."),
    QT_TRANSLATE_NOOP("errors", "{where}: the database server cannot be reached; nothing "
                      "was saved. Check the network and try again."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot be read: {reason}"),
    QT_TRANSLATE_NOOP("errors", "{where}: this file is not a WIMC event database (or it is "
                      "damaged)."),
    QT_TRANSLATE_NOOP("errors", "{where}: the database failed: {error}"),
    QT_TRANSLATE_NOOP("errors", "{where}: holds no WIMC event database."),
    QT_TRANSLATE_NOOP("errors", "{where}: this event database was written by a newer WIMC "
                      "Desk (schema {revision}); update the app to open it."),
    # services/events.py
    QT_TRANSLATE_NOOP("errors", "{path}: no event database here (create one with init)."),
    QT_TRANSLATE_NOOP("errors", "the event needs a name"),
    QT_TRANSLATE_NOOP("errors", "the last day {end} is before the first day {start}"),
    QT_TRANSLATE_NOOP("errors", "unknown time zone {timezone!r}"),
    QT_TRANSLATE_NOOP("errors", "{where}: already holds an event database."),
    QT_TRANSLATE_NOOP("errors", "{where}: this file already exists and is not a WIMC event "
                      "database (an empty file, or another program's data); init leaves it "
                      "unchanged. Choose a new file name."),
    QT_TRANSLATE_NOOP("errors", "{where}: holds another program's tables; init adds nothing "
                      "to it. Give an empty database."),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot create the folder: {reason}"),
    QT_TRANSLATE_NOOP("errors", "{where}: cannot make the new event file private: {reason}"),
    QT_TRANSLATE_NOOP("errors", "{where}: holds no event."),
    # services/guests.py
    QT_TRANSLATE_NOOP("errors", "cannot sort guests by {sort!r}"),
    # services/checkin.py
    QT_TRANSLATE_NOOP("errors", "no guest with id {id}"),
    QT_TRANSLATE_NOOP("errors", "no check-in with id {id}"),
    QT_TRANSLATE_NOOP("errors", "this check-in was already undone"),
    QT_TRANSLATE_NOOP("errors", "a reason is required to undo a check-in made by someone "
                      "else or more than 2 minutes ago"),
    QT_TRANSLATE_NOOP("errors", "unknown badge code {code}"),
    QT_TRANSLATE_NOOP("errors", "{code} is not checked in on {day}"),
    # services/walkin.py
    QT_TRANSLATE_NOOP("errors", "a walk-in needs a name"),
    QT_TRANSLATE_NOOP("errors", "{value!r}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "{name} may already be on the list ({count} guest(s) with "
                      "the same name and mobile, e-mail or organization): admit that guest, "
                      "or register anyway"),
    # services/badges.py
    QT_TRANSLATE_NOOP("errors", "{count} badge(s) were printed before ({codes}); give a "
                      "reason to reprint them"),
    QT_TRANSLATE_NOOP("errors", "{code} is revoked; the guest's current badge is {current}"),
    QT_TRANSLATE_NOOP("errors", "unknown badge template {template!r}"),
    QT_TRANSLATE_NOOP("errors", "unknown category {category!r}"),
    QT_TRANSLATE_NOOP("errors", "a reissue needs a reason (lost, damaged, name corrected...)"),
    # services/importing/
    QT_TRANSLATE_NOOP("errors", "{file}: no column {column!r} (columns: {columns})"),
    QT_TRANSLATE_NOOP("errors", "unknown field {field!r} in --map (fields: {fields})"),
    QT_TRANSLATE_NOOP("errors", "{file}: only a header row, no guests."),
    QT_TRANSLATE_NOOP("errors", "{file}: no name column found in the header row {row} "
                      "({columns}); name it with --map name=COLUMN"),
    QT_TRANSLATE_NOOP("errors", "{file}: unknown encoding {encoding!r}"),
    QT_TRANSLATE_NOOP("errors", "{file}: cannot be read as {encoding}: byte {position} is "
                      "not {encoding} text"),
    QT_TRANSLATE_NOOP("errors", "{file}: broken {encoding} text at byte {position}"),
    QT_TRANSLATE_NOOP("errors", "{file}: the text is neither UTF-8, UTF-16 nor GB18030; "
                      "save it from Excel as 'CSV UTF-8' and try again."),
    QT_TRANSLATE_NOOP("errors", "{file}: the file is empty."),
    QT_TRANSLATE_NOOP("errors", "{file}: no permission to read this file."),
    QT_TRANSLATE_NOOP("errors", "{file}: the file could not be read from the disk."),
    QT_TRANSLATE_NOOP("errors", "{file}: no sheet named {sheet!r} (sheets: {sheets})"),
    QT_TRANSLATE_NOOP("errors", "{file}: not a readable Excel workbook: the file is damaged, "
                      "or it is another kind of file."),
    QT_TRANSLATE_NOOP("errors", "{path}: no such file."),
    QT_TRANSLATE_NOOP("errors", "{file}: the file has no rows."),
    QT_TRANSLATE_NOOP("errors", "import cancelled; nothing was written"),
    QT_TRANSLATE_NOOP("errors", "{where}: the guest list {file} could not be saved: {cause}; "
                      "nothing was imported."),
    QT_TRANSLATE_NOOP("errors", "{where}: the {count} guests of {file} were saved, but their "
                      "search index could not be written ({cause}); it is rebuilt the next "
                      "time the event is opened."),
    QT_TRANSLATE_NOOP("errors", "the disk is full"),
    QT_TRANSLATE_NOOP("errors", "the disk could not be written (an input/output error)"),
    QT_TRANSLATE_NOOP("errors", "the file or its folder cannot be written (read-only, or no "
                      "permission)"),
    # services/search
    QT_TRANSLATE_NOOP("errors", "the checked-in filter needs a day"),
    # services/safe_file.py, services/report_exports.py: every file written safely
    QT_TRANSLATE_NOOP("errors", "{target}: is a folder; give a file name"),
    QT_TRANSLATE_NOOP("errors", "{folder}: no such folder"),
    QT_TRANSLATE_NOOP("errors", "cannot write {path}: {cause}"),  # "the disk is full": above
    QT_TRANSLATE_NOOP("errors", "the disk is read-only"),
    QT_TRANSLATE_NOOP("errors", "permission denied"),
    QT_TRANSLATE_NOOP("errors", "the file is larger than the disk allows"),
    QT_TRANSLATE_NOOP("errors", "the file is open in another program"),
    QT_TRANSLATE_NOOP("errors", "the file is read-only"),
    QT_TRANSLATE_NOOP("errors", "the file came out empty"),
    QT_TRANSLATE_NOOP("errors", "the file came out incomplete ({size} bytes written, "
                      "{expected} expected)"),
    QT_TRANSLATE_NOOP("errors", "no temporary file could be made beside it"),
    QT_TRANSLATE_NOOP("errors", "export cancelled; no file was written"),
    QT_TRANSLATE_NOOP("errors", "unknown language {lang!r} (choose one of: {choices})"),
    QT_TRANSLATE_NOOP("errors", "unknown format {fmt!r} (choose one of: {choices})"),
    # services/signings.py
    QT_TRANSLATE_NOOP("errors", "no signing with id {id}"),
    QT_TRANSLATE_NOOP("errors", "this signing was cancelled; it cannot be amended any more"),
    QT_TRANSLATE_NOOP("errors", "a signing is amended only with a reason"),
    QT_TRANSLATE_NOOP("errors", "this signing was cancelled; it cannot be cancelled any "
                      "more"),
    QT_TRANSLATE_NOOP("errors", "a signing is cancelled only with a reason"),
    QT_TRANSLATE_NOOP("errors", "this signing was changed meanwhile (by another desk?); "
                      "reload it and amend again"),
    QT_TRANSLATE_NOOP("errors", "nothing changed: the amendment says what the signing says"),
    QT_TRANSLATE_NOOP("errors", "give at least 4 characters of a signing id, not {text!r}"),
    QT_TRANSLATE_NOOP("errors", "{text} matches several signings; give more of the id"),
    # domain/roles.py, services/operators.py: operators, passwords, roles
    QT_TRANSLATE_NOOP("errors", "clerk"),
    QT_TRANSLATE_NOOP("errors", "supervisor"),
    QT_TRANSLATE_NOOP("errors", "admin"),
    QT_TRANSLATE_NOOP("errors", "{count} of these badges were printed before: a reprint "
                      "needs a {role}"),
    QT_TRANSLATE_NOOP("errors", "a reissue needs a {role}"),
    QT_TRANSLATE_NOOP("errors", "only its own operator undoes a check-in, within 2 minutes; "
                      "any other undo needs a {role}"),
    QT_TRANSLATE_NOOP("errors", "an operator's name is 1 to 100 characters, without spaces "
                      "at its ends: {name!r}"),
    QT_TRANSLATE_NOOP("errors", "no role {role!r}: clerk, supervisor or admin"),
    QT_TRANSLATE_NOOP("errors", "the first operator must be an admin (--role admin)"),
    QT_TRANSLATE_NOOP("errors", "only an admin adds operators"),
    QT_TRANSLATE_NOOP("errors", "an operator named {name!r} exists already"),
    QT_TRANSLATE_NOOP("errors", "only an admin disables operators"),
    QT_TRANSLATE_NOOP("errors", "no operator named {name!r}"),
    QT_TRANSLATE_NOOP("errors", "{name!r} is the last admin: add another admin first"),
    QT_TRANSLATE_NOOP("errors", "only an admin sets another operator's password"),
    QT_TRANSLATE_NOOP("errors", "wrong operator or password for {name!r}; nothing was done"),
    QT_TRANSLATE_NOOP("errors", "too many wrong passwords for {name!r}: try again in "
                      "{seconds} s"),
    QT_TRANSLATE_NOOP("errors", "the operator {name!r} is disabled"),
    QT_TRANSLATE_NOOP("errors", "a password needs at least {count} characters"),
    # render/
    QT_TRANSLATE_NOOP("errors", "cannot paint the badges (the output cannot be written)"),
    QT_TRANSLATE_NOOP("errors", "the PDF cannot be written"),
    QT_TRANSLATE_NOOP("errors", "no font with Chinese characters is installed; install "
                      "Noto Sans CJK (Debian/Ubuntu: apt install fonts-noto-cjk)"),
    # cli/
    QT_TRANSLATE_NOOP("errors", "the two passwords differ; nothing was changed"),
    QT_TRANSLATE_NOOP("errors", "only an admin sets another operator's password; nothing "
                      "was done"),
    QT_TRANSLATE_NOOP("errors", "this event has operators: name yourself with --operator "
                      "NAME (the password from WIMC_PASSWORD or a prompt); nothing was done"),
    QT_TRANSLATE_NOOP("errors", "{operator} ({role}) may not run {command!r}: it needs a "
                      "{needed}; nothing was done"),
    QT_TRANSLATE_NOOP("errors", "no password: set {variable} or run the command on a "
                      "terminal to type it; nothing was done"),
    QT_TRANSLATE_NOOP("errors", "choose the badges with one of: CODE..., --category, --all, "
                      "--not-printed"),
    QT_TRANSLATE_NOOP("errors", "--format {format} needs --out FILE"),
    QT_TRANSLATE_NOOP("errors", "--full-pii applies to a file: give --format and --out"),
    QT_TRANSLATE_NOOP("errors", "give --format xlsx|csv|pdf for {out!r}"),
    QT_TRANSLATE_NOOP("errors", "not a time (ISO 8601, e.g. 2020-11-28T15:30): {text!r}"),
    QT_TRANSLATE_NOOP("errors", "the signing needs an amount (--amount, e.g. 5.2亿 or "
                      "1,234,567.89)"),
    # services/audit.py, services/privacy.py, domain/roles.py, cli/privacy.py
    QT_TRANSLATE_NOOP("errors", "the audit log was changed outside the app: row {seq} ({id}) "
                      "{reason}"),
    QT_TRANSLATE_NOOP("errors", "the audit log was changed outside the app: row {seq} ({id}) "
                      "of chain {chain} {reason}"),
    QT_TRANSLATE_NOOP("errors", "does not match its hash (edited)"),
    QT_TRANSLATE_NOOP("errors", "does not follow the row before it (a row was inserted or "
                      "deleted)"),
    QT_TRANSLATE_NOOP("errors", "is out of sequence (a row was inserted or deleted)"),
    QT_TRANSLATE_NOOP("errors", "is the last, but the chain's recorded head is elsewhere "
                      "(rows deleted at the end, or the head rewritten)"),
    QT_TRANSLATE_NOOP("errors", "personal data can be purged only after the event: its last "
                      "day is {end}; from {first} on. Nothing was deleted."),
    QT_TRANSLATE_NOOP("errors", "{action} needs the {needed} role; {operator} is {role}: "
                      "nothing was done."),
    QT_TRANSLATE_NOOP("errors", "purge-personal-data deletes every guest's mobile, e-mail, "
                      "ID number and notes for good; say --confirm to do it."),
    QT_TRANSLATE_NOOP("errors", "the argument {argument} is not valid text: it holds bytes "
                      "that are not UTF-8 ({value}); nothing was done. Type it again in "
                      "UTF-8 (a file's name: rename the file)."),
    # many desks: db/outbox.py, services/sync
    QT_TRANSLATE_NOOP("errors", "this event file is a desk of a hub: guest lists are "
                      "imported into the hub (every desk then pulls them); nothing was "
                      "imported."),
    QT_TRANSLATE_NOOP("errors", "this event file is a desk of a hub: a change of every "
                      "guest at once (the purge of personal data) is made on the hub, and "
                      "every desk then pulls it; nothing was changed."),
    # a guest's details corrected (services/guest_edits.py, cli/guests.py)
    QT_TRANSLATE_NOOP("errors", "cannot edit {fields}: a desk may edit {editable}"),
    QT_TRANSLATE_NOOP("errors", "a guest needs a name"),
    QT_TRANSLATE_NOOP("errors", "the {field} {value!r}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "no guest has the badge code {code}"),
    QT_TRANSLATE_NOOP("errors", "--set takes FIELD=VALUE, not {pair!r}"),
    QT_TRANSLATE_NOOP("errors", "not a database URL: {url}"),
    QT_TRANSLATE_NOOP("errors", "the hub must be a PostgreSQL URL "
                      "(postgresql+psycopg://user@host/db): {url}"),
    QT_TRANSLATE_NOOP("errors", "a desk needs a name (--desk NAME)"),
    QT_TRANSLATE_NOOP("errors", "{where}: this file already exists; join makes a new desk "
                      "file."),
    QT_TRANSLATE_NOOP("errors", "{where}: this event file is not a desk of a hub (make one "
                      "with join)."),
)

TEMPLATES: frozenset[str] = frozenset(_SOURCES)
_REASONS = {text: code for code, text in REASON_TEXT.items()}


def message_text(message: Message) -> str | None:
    """A message in the interface language; None when its template is not listed here."""
    if message.template in _REASONS:
        return problem_texts.reason_text(_REASONS[message.template], message.params,
                                         str(message))
    if message.template not in TEMPLATES:
        return None
    args = {name: (message_text(value) or str(value)) if isinstance(value, Message) else value
            for name, value in message.args.items()}
    try:
        return fill(QCoreApplication.translate(CONTEXT, message.template), args)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English stands
        return None


def error_text(exc: BaseException) -> str:
    """What to show for a failure: a known one in the interface language, else str(exc)."""
    if isinstance(exc, DeskError):
        return message_text(exc.message) or str(exc)
    return str(exc)
