"""Control and text-direction characters are refused in every form too (domain.text_safety):
walk-ins, signings (added and amended), a new event; named as U+XXXX with their place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from wimc_desktop.cli.dispatch import main
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.signings import SigningDraft, SigningParty, SigningWitness
from wimc_desktop.services.events import create_event
from wimc_desktop.services.guests import count_guests
from wimc_desktop.services.signings import add_signing, amend_signing, list_signings
from wimc_desktop.services.walkin import register_walk_in

DAY = dt.date(2020, 11, 26)
DESK = Desk("1号签到台", "李老师")
BAD = ["\x00", "\x1b", "\u202e", "\u2066", "\n", "\t"]


def refused(call: object, *args: object, **kwargs: object) -> dict[str, str]:
    with pytest.raises(BadInputError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    assert caught.value.template.startswith("the {field} holds the character {char} at "
                                            "position {position}")
    return caught.value.params


@pytest.mark.parametrize("char", BAD)
@pytest.mark.parametrize("field", ["name", "organization", "title", "mobile"])
def test_a_walk_in_with_such_a_character_is_refused(event_db: Database, char: str,
                                                    field: str) -> None:
    values = {"name": "刘洋", "organization": "南京钢铁集团", "title": "工程师",
              "mobile": "13912345678"}
    values[field] = values[field][:1] + char + values[field][1:]
    params = refused(register_walk_in, event_db, day=DAY, desk=DESK, **values)
    assert params == {"field": {"mobile": "mobile"}.get(field, field), "char":
                      f"U+{ord(char):04X}", "position": "2"}
    assert count_guests(event_db) == 0


def test_the_walkin_command_refuses_it_with_exit_2(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.wimc")
    assert main(["--db", db, "init", "--name", "大会", "--start", "2020-11-26", "--end",
                 "2020-11-28"]) == 0
    code = main(["--db", db, "walkin", "--name", "Ali\u202eecila", "--day", "2020-11-26"])
    err = capsys.readouterr().err
    assert code == 2 and "U+202E at position 4" in err
    assert main(["--db", db, "guests", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


NANJING = ZoneInfo("Asia/Shanghai")


def signing_draft(**changes: object) -> SigningDraft:
    base = SigningDraft("新能源汽车整车项目", Decimal("4500000000"),
                        (SigningParty("南京智行新能源汽车有限公司", "投资方", "中国"),
                         SigningParty("南京市江宁区人民政府", "政府", "中国")),
                        dt.datetime(2020, 11, 28, 15, 10, tzinfo=NANJING),
                        witnesses=(SigningWitness("张三", "副市长"),), notes="第一行\n第二行")
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(("changes", "field"), [
    ({"project_zh": "新能源\u202e项目"}, "project name"),
    ({"project_en": "NEV\x00 plant"}, "project en"),
    ({"sector": "汽\x07车"}, "sector"), ({"location": "江\u2067宁"}, "location"),
    ({"ceremony": "闭\n幕式"}, "ceremony"),
    ({"parties": (SigningParty("南京\u202d智行", "投资方", "中国"),
                  SigningParty("江宁区政府", "政府", "中国"))}, "name"),
    ({"witnesses": (SigningWitness("张三", "副\t市长"),)}, "title"),
    ({"notes": "第一行\n第二\x00行"}, "notes"),
])
def test_a_signing_with_such_a_character_is_refused(event_db: Database,
                                                    changes: dict[str, object],
                                                    field: str) -> None:
    assert refused(add_signing, event_db, signing_draft(**changes),
                   operator="王")["field"] == field
    assert list_signings(event_db) == []
    signing = add_signing(event_db, signing_draft(), operator="王")  # (notes: line breaks)
    assert refused(amend_signing, event_db, signing.id, signing_draft(**changes), operator="王",
                   reason="更正")["field"] == field
    assert list_signings(event_db)[0].project_zh == "新能源汽车整车项目"


@pytest.mark.parametrize(("option", "field"), [("name_zh", "event name"),
                                               ("name_en", "English event name"),
                                               ("venue", "venue"), ("city", "city")])
def test_a_new_event_with_such_a_character_is_refused(tmp_path: Path, option: str,
                                                      field: str) -> None:
    values = {"name_zh": "世界智能制造大会", "name_en": "WIMC", "venue": "南京国际博览中心",
              "city": "南京"}
    values[option] = values[option][:2] + "\u202e" + values[option][2:]
    params = refused(create_event, tmp_path / "event.wimc", start=DAY, end=DAY, **values)
    assert params == {"field": field, "char": "U+202E", "position": "3"}
    assert not (tmp_path / "event.wimc").exists()
