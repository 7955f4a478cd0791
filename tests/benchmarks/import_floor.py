"""The floor of the import benchmark: the plainest cold process that makes a list searchable.

Run: python import_floor.py csv|xlsx FILE DB [--pinyin]
Parses the file (the csv module in GB18030, or calamine for a workbook), writes its rows
with one executemany into a new SQLite file (WAL, synchronous=FULL, as an event file),
builds one trigram FTS5 index over name, English name, organisation, mobile and e-mail
with FTS5's 'rebuild' command, and commits. Only the standard library (and calamine):
what any import must do at least, with nothing of WIMC Desk.

--pinyin: also what a Chinese desk cannot do without: each distinct name's pinyin, whole
and as initials (pypinyin's lazy_pinyin, the library the import uses, loaded as a user of
it would), stored beside the name and in the same trigram index, so that "zhangyuhang" and
"zyh" find 张宇航. Not the goal's floor: printed beside it, to show where the rest goes.
"""

from __future__ import annotations

import csv
import sqlite3
import sys

COLUMNS = ("seq", "name", "gender", "organization", "title", "mobile", "email", "category",
           "attendance", "badge_code")


def csv_rows(path: str) -> list[list[str]]:
    with open(path, encoding="gb18030", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[1:]


def xlsx_rows(path: str) -> list[list[str]]:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    return [[str(int(c)) if isinstance(c, float) and c.is_integer() else str(c) for c in row]
            for row in rows[1:]]


def with_pinyin(rows: list[list[str]]) -> list[list[str]]:
    """Each row with its name's pinyin appended ("zhang yu hang zyh"), once per name."""
    from pypinyin import Style, lazy_pinyin

    keys: dict[str, str] = {}
    name = COLUMNS.index("name")
    for row in rows:
        key = keys.get(row[name])
        if key is None:
            whole = lazy_pinyin(row[name])
            initials = lazy_pinyin(row[name], style=Style.FIRST_LETTER)
            key = keys[row[name]] = " ".join(whole) + " " + "".join(initials)
        row.append(key)
    return rows


def main(kind: str, path: str, db: str, *options: str) -> int:
    rows = csv_rows(path) if kind == "csv" else xlsx_rows(path)
    pinyin = "--pinyin" in options
    columns = (*COLUMNS, "name_pinyin") if pinyin else COLUMNS
    if pinyin:
        rows = with_pinyin(rows)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"CREATE TABLE guest (id INTEGER PRIMARY KEY, {', '.join(columns)}, "
                 "name_en TEXT NOT NULL DEFAULT '')")
    indexed = "name, name_en, organization, mobile, email" + (", name_pinyin" if pinyin else "")
    conn.execute(f"CREATE VIRTUAL TABLE guest_fts USING fts5({indexed}, content='guest', "
                 "content_rowid='id', tokenize='trigram')")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO guest ({', '.join(columns)}) "
                     f"VALUES ({', '.join('?' * len(columns))})", rows)
    conn.execute("INSERT INTO guest_fts (guest_fts) VALUES ('rebuild')")
    conn.execute("COMMIT")
    conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
