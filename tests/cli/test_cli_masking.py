"""Personal data on the command line: masked by default, full only with --full-pii, which
is recorded in the audit log (who, where) before anything is printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.cli.cli_helpers import new_event, run
from wimc_desktop.db.schema import AuditRow
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.guests import CONTACT_REVEALED

MOBILE, EMAIL, CODE = "13812345678", "zhang.wei@example.com", "X-000001"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    return new_event(capsys, tmp_path / "pii.wimc",
                     f"姓名,手机号码,电子邮箱,胸卡号\n张伟,{MOBILE},{EMAIL},{CODE}\n")


def reveals(path: str) -> list[AuditRow]:
    database = open_event_database(path)
    try:
        with database.read() as session:
            return list(session.execute(select(AuditRow).where(
                AuditRow.action == CONTACT_REVEALED)).scalars())
    finally:
        database.dispose()


COMMANDS = {
    "guests": (["guests", "--json"], lambda out: out[0]),
    "search": (["search", "张伟", "--json"], lambda out: out["results"][0]),
    "badge show": (["badge", "show", CODE, "--day", "2020-11-26", "--json"],
                   lambda out: out["guest"]),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_json_masks_mobile_and_email_by_default(db: str, command: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    args, guest_of = COMMANDS[command]
    code, out, _ = run(capsys, "--db", db, *args)
    guest = guest_of(json.loads(out))
    assert code == 0
    assert guest["mobile"] == "138****5678" and guest["email"] == "z***@example.com"
    assert MOBILE not in out and EMAIL not in out
    assert reveals(db) == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_full_pii_shows_them_and_is_audited(db: str, command: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    args, guest_of = COMMANDS[command]
    code, out, _ = run(capsys, "--db", db, *args, "--full-pii", "--desk", "VIP desk",
                       "--operator", "wang")
    guest = guest_of(json.loads(out))
    assert code == 0 and guest["mobile"] == MOBILE and guest["email"] == EMAIL
    [row] = reveals(db)
    assert (row.desk, row.operator) == ("VIP desk", "wang")
    assert row.details["where"] == f"cli {command}"
