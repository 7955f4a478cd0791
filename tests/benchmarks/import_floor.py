"""The floor of the import benchmark: the plainest cold process that makes a list searchable.

Run: python import_floor.py csv|xlsx FILE DB
Parses the file (the csv module in GB18030, or calamine for a workbook), writes its rows
with one executemany into a new SQLite file (WAL, synchronous=FULL, as an event file),
builds one trigram FTS5 index over name, English name, organisation, mobile and e-mail
with FTS5's 'rebuild' command, and commits. Only the standard library (and calamine):
what any import must do at least, with nothing of WIMC Desk.
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


def main(kind: str, path: str, db: str) -> int:
    rows = csv_rows(path) if kind == "csv" else xlsx_rows(path)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"CREATE TABLE guest (id INTEGER PRIMARY KEY, {', '.join(COLUMNS)}, "
                 "name_en TEXT NOT NULL DEFAULT '')")
    conn.execute("CREATE VIRTUAL TABLE guest_fts USING fts5(name, name_en, organization, "
                 "mobile, email, content='guest', content_rowid='id', tokenize='trigram')")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO guest ({', '.join(COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    conn.execute("INSERT INTO guest_fts (guest_fts) VALUES ('rebuild')")
    conn.execute("COMMIT")
    conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
