"""The audit chain on SQLite and PostgreSQL: appends from several writers stay one chain,
the database refuses UPDATE and DELETE, and the migration chains an older file's rows."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import threading
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa
from alembic import command

from wimc_desktop.db.engine import Database
from wimc_desktop.db.migrate import alembic_config, upgrade_to_head
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.services.audit import chain_head, check_chain, list_audit, record, verify_chain


def test_appends_from_several_threads_make_one_chain(event_db: Database) -> None:
    def write(n: int) -> None:
        for i in range(10):
            with event_db.write() as session:
                record(session, Desk(f"Desk {n}", f"op{n}", "clerk"), "test_action",
                       reason=f"{n}-{i}", before={"x": i}, after={"x": i + 1})

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    head = check_chain(event_db)
    assert head.count == 40 == chain_head(event_db).count
    rows = list_audit(event_db)
    assert [r.entry.seq for r in rows] == list(range(1, 41))
    assert rows[0].entry.details["before"] == {"x": rows[0].entry.details["after"]["x"] - 1}  # type: ignore[index,operator]


def test_the_database_refuses_update_and_delete(event_db: Database) -> None:
    with event_db.write() as session:
        record(session, Desk("D", "op", "admin"), "test_action")
    for statement in ("UPDATE audit SET reason = 'x'", "DELETE FROM audit"):
        with pytest.raises((DeskError, sa.exc.DBAPIError)), event_db.write() as session:
            session.execute(sa.text(statement))
    assert verify_chain(event_db)[1] is None


def test_the_migration_chains_an_older_files_rows(tmp_path: Path) -> None:
    db = Database("sqlite:///" + str(tmp_path / "old.wimc"))
    with db.engine.connect() as conn, conn.begin():
        command.upgrade(alembic_config(conn), "0006")
        conn.execute(sa.text("INSERT INTO audit (id, at, desk, operator, action, guest_id, "
                             "details) VALUES ('a1', '2020-11-26 01:00:00.000000', 'D', 'w', "
                             "'badge_reissued', NULL, :d), ('a2', "
                             "'2020-11-26 00:59:00.000000', 'D', 'w', 'refused:unknown_code', "
                             "NULL, '{}')"),
                     {"d": '{"old_code": "A", "new_code": "B", "reason": "lost"}'})
    upgrade_to_head(db)
    head = check_chain(db)
    assert head.count == 2
    rows = list_audit(db)
    assert [r.entry.id for r in rows] == ["a2", "a1"]  # in the order they were written
    assert rows[1].entry.reason == "lost"
    with db.write() as session:  # and the chain goes on from there
        record(session, Desk("D", "w"), "test_action", now=dt.datetime.now(dt.UTC))
    assert check_chain(db).count == 3
    db.dispose()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_daily_report_prints_the_chain_head(sqlite_db: Database, tmp_path: Path) -> None:
    """PDF and XLSX carry the head as it was: a log rewritten afterwards no longer matches
    the printed figure."""
    from wimc_desktop.render.report_pdf import report_pdf_bytes
    from wimc_desktop.services.report_exports import export_report

    for i in range(3):
        with sqlite_db.write() as session:
            record(session, Desk("D", "op"), "test_action", reason=str(i))
    head = chain_head(sqlite_db)
    day = dt.date(2020, 11, 26)
    export_report(sqlite_db, day, "pdf", tmp_path / "r.pdf", lang="en",
                  paint_pdf=report_pdf_bytes)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert f"Audit log head: {head.short} (3 rows)" in text
    export_report(sqlite_db, day, "xlsx", tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert f"{head.short}（共 3 条记录）" in cells


def _foreign_rows(chain: str, count: int) -> list[dict[str, object]]:
    """Rows of another database's chain, as a desk would have written them."""
    from wimc_desktop.domain.audit_chain import GENESIS, entry_hash

    rows, prev = [], GENESIS
    at = dt.datetime(2020, 11, 26, 1, 0, tzinfo=dt.UTC)
    for seq in range(1, count + 1):
        id_ = f"{chain[:8]}-{seq:027d}"
        digest = entry_hash(seq, id_, at, "bob", "clerk", "B", "test_action", None, "", {},
                            prev)
        rows.append({"id": id_, "chain": chain, "seq": seq, "at": at, "desk": "B",
                     "operator": "bob", "role": "clerk", "action": "test_action",
                     "guest_id": None, "reason": "", "details": {}, "prev_hash": prev,
                     "hash": digest})
        prev = digest
    return rows


def test_rows_of_another_chain_are_taken_as_they_are(event_db: Database) -> None:
    """A desk's rows arrive in their own chain beside this database's: an id already held
    is left alone (no UPDATE), another row in a taken place is refused, the chain's head
    here moves on, and this database's own chain goes on undisturbed."""
    from wimc_desktop.services.audit import take_rows, verify_chains

    with event_db.write() as session:
        record(session, Desk("D", "op", "admin"), "test_action")
    chain = "7d0c5f3e-1111-4222-8333-944455556666"
    rows = _foreign_rows(chain, 3)
    with event_db.engine.begin() as conn:
        take_rows(conn, rows[:2])
    with event_db.engine.begin() as conn:
        take_rows(conn, rows)  # (rows 1 and 2 again: left as they are)
    checks = verify_chains(event_db)
    assert [(c.chain, c.head.count, c.broken) for c in checks] == [("", 1, None),
                                                                   (chain, 3, None)]
    assert checks[1].head.hash == rows[2]["hash"]
    other = {**_foreign_rows(chain, 2)[1], "id": "another-id", "reason": "forged"}
    with pytest.raises(sa.exc.IntegrityError), event_db.engine.begin() as conn:
        take_rows(conn, [other])
    with event_db.write() as session:
        assert record(session, Desk("D", "op", "admin"), "test_action").seq == 2
    assert [(c.chain, c.head.count) for c in verify_chains(event_db)] == [("", 2), (chain, 3)]
    assert {r.entry.chain for r in list_audit(event_db)} == {"", chain}


def test_details_with_lists_of_records_verify(event_db: Database) -> None:
    """A signing's parties are a list of dicts: stored with their keys in order too, so the
    text the database holds is the text the hash was taken over (found in the window: a
    fresh demo event, whose 30 signings carry parties, failed `audit verify`)."""
    with event_db.write() as session:
        record(session, Desk("Desk 1", "op", ""), "signing_recorded",
               after={"parties": [{"name": "甲", "role": "investor", "country": "中国",
                                   "guest_id": None}], "amount_fen": 5},
               signing="s-1")
    head = check_chain(event_db)
    assert head.count == 1


def test_the_demo_event_verifies(tmp_path: Path) -> None:
    from wimc_desktop.services.demo import create_demo_event

    db = create_demo_event(tmp_path / "demo.wimc", 2000)
    try:
        head, broken = verify_chain(db)
        assert broken is None, broken
        assert head.count == 31  # the import and the 30 signings
    finally:
        db.dispose()
