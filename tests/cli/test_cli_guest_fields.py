"""Every guest object the command line prints carries every field of the guest record
(seat and dietary included), with its value, masked as the record says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.cli_helpers import new_event, run
from wimc_desktop.domain.guest_record import GUEST_RECORD

CODE, SEAT, DIET = "WIMC-SEAT001", "A区 3排 12座", "清真 / halal"
KEYS = ["id", *(f.name for f in GUEST_RECORD), "extra"]
DAY = ("--day", "2020-11-26")


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    return new_event(capsys, tmp_path / "fields.wimc",
                     "姓名,工作单位,手机号码,嘉宾类别,胸卡号,座位号,饮食要求\n"
                     f"周济,中国工程院,13812345678,院士,{CODE},{SEAT},{DIET}\n")


def guest_objects(out: Any) -> list[dict[str, Any]]:
    """Every object in a command's JSON that has a badge_code (a guest)."""
    if isinstance(out, list):
        return [g for item in out for g in guest_objects(item)]
    if not isinstance(out, dict):
        return []
    found = [out] if "badge_code" in out and "name" in out else []
    return found + [g for value in out.values() for g in guest_objects(value)]


COMMANDS = {
    "guests": ["guests", "--json"],
    "search": ["search", "周济", "--json"],
    "badge show": ["badge", "show", CODE, *DAY, "--json"],
    "checkin": ["checkin", CODE, *DAY, "--json"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_guest_object_has_seat_and_dietary(db: str, command: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, *COMMANDS[command])
    assert code == 0
    [guest] = guest_objects(json.loads(out))
    assert [k for k in guest if k in KEYS] == KEYS
    # masked as the record says: dietary needs (health, belief) hidden whole
    assert (guest["seat"], guest["dietary"], guest["mobile"]) == (SEAT, "***", "138****5678")


def test_full_pii_shows_the_dietary_needs(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "badge", "show", CODE, "--json", "--full-pii")
    assert code == 0
    [guest] = guest_objects(json.loads(out))
    assert (guest["dietary"], guest["mobile"]) == (DIET, "13812345678")


def test_an_already_checked_in_guest_too(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db, "checkin", CODE, *DAY)
    code, out, _ = run(capsys, "--db", db, "checkin", CODE, *DAY, "--json")
    assert code == 3
    [guest] = guest_objects(json.loads(out))
    assert guest["seat"] == SEAT


def test_walk_ins_and_their_possible_duplicates(db: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "walkin", "--name", "周济", "--mobile",
                       "13812345678", *DAY, "--json")
    assert code == 2
    [match] = guest_objects(json.loads(out))
    assert [k for k in match if k in KEYS] == KEYS and match["seat"] == SEAT
    code, out, _ = run(capsys, "--db", db, "walkin", "--name", "王芳", *DAY, "--json")
    assert code == 0
    [new] = guest_objects(json.loads(out))
    assert [k for k in new if k in KEYS] == KEYS
    assert (new["seat"], new["dietary"]) == ("", "")
