"""The command line under faults: a clear message and its exit code, never a traceback,
never a change (busy 10, cannot write 11, bad text 2, unknown command 2, no CJK font 2)."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from tests.faults.conftest import (
    DAY,
    file_state,
    guest_csv,
    lock_held,
    read_only,
    run_cli,
    run_process,
)
from wimc_desktop.cli.dispatch import COMMANDS

CAPS = pytest.CaptureFixture[str]


def _checkins(path: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM checkin").fetchone()[0])
    finally:
        conn.close()


def _guests(path: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM guest").fetchone()[0])
    finally:
        conn.close()


# --- busy: exit 10 ---------------------------------------------------------------------

BUSY_COMMANDS = {
    "checkin": ("checkin", "F-001", "--day", DAY),
    "walkin": ("walkin", "--name", "赵六", "--day", DAY),
    "edit-guest": ("edit-guest", "F-001", "--set", "seat=A-1"),
    "undo-checkin": ("undo-checkin", "F-002", "--day", DAY, "--reason", "wrong badge"),
    "import": ("import", "{csv}"),
}


@pytest.mark.parametrize("command", sorted(BUSY_COMMANDS))
def test_a_lock_held_by_another_process_is_exit_10_and_changes_nothing(
        command: str, event_file: str, short_busy: str, tmp_path: Path, capsys: CAPS) -> None:
    assert run_cli(capsys, "--db", event_file, "checkin", "F-002", "--day", DAY).code == 0
    more = guest_csv(tmp_path, [("新来宾", "F-100")])
    args = [a.replace("{csv}", str(more)) for a in BUSY_COMMANDS[command]]
    with lock_held(event_file):
        ran = run_cli(capsys, "--db", event_file, *args)
    assert ran.code == 10, ran.err
    assert "another program is using the event database" in ran.err
    assert "safe to try again" in ran.err and event_file in ran.err
    assert (_checkins(event_file), _guests(event_file)) == (1, 4)
    assert run_cli(capsys, "--db", event_file, *args).code == 0  # (the retry works)


def test_an_exclusive_lock_is_exit_10_for_a_read_too(event_file: str, short_busy: str,
                                                     capsys: CAPS) -> None:
    with lock_held(event_file, "exclusive"):
        ran = run_cli(capsys, "--db", event_file, "guests")
    assert ran.code == 10 and "another program is using" in ran.err


def test_busy_as_a_real_process_prints_no_traceback(event_file: str) -> None:
    with lock_held(event_file):
        done = run_process("--db", event_file, "checkin", "F-003", "--day", DAY,
                           env={"WIMC_BUSY_TIMEOUT_MS": "300"})
    err = done.stderr.decode()
    assert done.returncode == 10 and "Traceback" not in err
    assert "another program is using the event database" in err
    assert _checkins(event_file) == 0


@pytest.mark.postgres
def test_a_locked_guest_row_on_postgres_is_exit_10_within_the_bound(
        postgres_event: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(postgres_event)
    with engine.connect() as holder:
        holder.execute(sa.text("SELECT id FROM guest WHERE badge_code = 'F-001' FOR UPDATE"))
        started = time.monotonic()
        try:
            done = run_process("--db", postgres_event, "checkin", "F-001", "--day", DAY,
                               env={"WIMC_BUSY_TIMEOUT_MS": "500"}, timeout=60)
        finally:
            waited = time.monotonic() - started
            holder.rollback()
    err = done.stderr.decode()
    assert done.returncode == 10 and "another program is using" in err, err
    assert waited < 20  # (the process's start included; the wait itself is 0.5 s)
    again = run_process("--db", postgres_event, "checkin", "F-001", "--day", DAY)
    engine.dispose()
    assert again.returncode == 0, again.stderr


# --- read-only: reads work, a write is exit 11 ----------------------------------------

READS = [("guests", "--json"), ("search", "张伟", "--day", DAY, "--json"),
         ("badge", "show", "F-001", "--json"), ("report", "--day", DAY, "--json")]


@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_reads_work_and_checkin_says_why_not(what: str, event_file: str,
                                                       capsys: CAPS) -> None:
    path = Path(event_file)
    folder = path.parent
    before = file_state(folder)
    with read_only(folder if what == "folder" else path):
        outs = []
        for args in READS:
            ran = run_cli(capsys, "--db", event_file, *args)
            assert ran.code == 0, (args, ran.err)
            outs.append(json.loads(ran.out))
        checkin = run_cli(capsys, "--db", event_file, "checkin", "F-001", "--day", DAY)
    after = file_state(folder)
    assert len(outs[0]) == 4 and outs[1]["total"] == 1
    assert checkin.code == 11, checkin.err
    assert event_file in checkin.err and "read-only" in checkin.err
    assert _checkins(event_file) == 0
    if what == "folder":
        assert after == before


def test_read_only_folder_as_a_real_process(event_file: str) -> None:
    with read_only(Path(event_file).parent):
        listed = run_process("--db", event_file, "guests", "--json")
        admitted = run_process("--db", event_file, "checkin", "F-001", "--day", DAY)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 4
    assert admitted.returncode == 11 and b"Traceback" not in admitted.stderr
    assert b"read-only" in admitted.stderr


# --- files that are not event databases: never changed --------------------------------

def _other_files(folder: Path) -> dict[str, Path]:
    empty = folder / "empty.wimc"
    empty.touch()
    foreign = folder / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    conn.execute("INSERT INTO orders (item) VALUES ('keep me')")
    conn.commit()
    conn.close()
    return {"empty": empty, "foreign": foreign}


@pytest.mark.parametrize("kind", ["empty", "foreign"])
def test_a_foreign_or_empty_file_is_byte_identical_after_every_command(
        kind: str, tmp_path: Path, capsys: CAPS) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    target = str(_other_files(folder)[kind])
    csv = guest_csv(tmp_path)
    before = file_state(folder)
    commands = [("guests",), ("search", "张"), ("checkin", "F-001", "--day", DAY),
                ("walkin", "--name", "赵六", "--day", DAY), ("import", str(csv)),
                ("badge", "show", "F-001"), ("report", "--day", DAY, "--json"),
                ("signing", "list"),
                ("init", "--name", "不该写入", "--start", DAY, "--end", DAY)]
    codes = {}
    for args in commands:
        ran = run_cli(capsys, "--db", target, *args)
        codes[args[0]] = ran.code
        assert file_state(folder) == before, args
    assert codes.pop("init") == 2
    assert set(codes.values()) == {4}
    assert (folder / "empty.wimc").stat().st_size == 0


def test_init_on_a_foreign_database_says_so(tmp_path: Path, capsys: CAPS) -> None:
    target = str(_other_files(tmp_path)["foreign"])
    ran = run_cli(capsys, "--db", target, "init", "--name", "x", "--start", DAY, "--end", DAY)
    assert ran.code == 2
    assert "not a WIMC event database" in ran.err and "init leaves it unchanged" in ran.err


# --- invalid UTF-8 in arguments: exit 2 naming the argument ---------------------------

BAD = "张\udcff"  # what Python makes of the bytes e5 bc a0 ff in argv
BAD_ARGUMENTS = [
    ("--db", ("--db", BAD + ".wimc", "guests")),
    ("--db", ("--db", BAD + ".wimc", "demo")),
    ("--name", ("init", "--name", BAD, "--start", DAY, "--end", DAY)),
    ("FILE", ("import", BAD + ".csv")),
    ("QUERY", ("search", BAD)),
    ("--category", ("search", "张", "--category", BAD)),
    ("CODE", ("checkin", BAD, "--day", DAY)),
    ("--desk", ("checkin", "F-001", "--day", DAY, "--desk", BAD)),
    ("--operator", ("checkin", "F-001", "--day", DAY, "--operator", BAD)),
    ("CODE", ("undo-checkin", BAD, "--day", DAY, "--reason", "x")),
    ("--reason", ("undo-checkin", "F-001", "--day", DAY, "--reason", BAD)),
    ("--name", ("walkin", "--name", BAD, "--day", DAY)),
    ("--organization", ("walkin", "--name", "赵六", "--organization", BAD, "--day", DAY)),
    ("CODE", ("edit-guest", BAD, "--set", "seat=A-1")),
    ("--set", ("edit-guest", "F-001", "--set", "seat=" + BAD)),
    ("CODE", ("badge", "show", BAD)),
    ("CODE", ("badge", "pdf", BAD, "--out", "x.pdf")),
    ("--out", ("badge", "pdf", "F-001", "--out", BAD + ".pdf")),
    ("CODE", ("badge", "reissue", BAD, "--reason", "lost")),
    ("--project", ("signing", "add", "--project", BAD, "--party", "甲", "--party", "乙",
                   "--amount", "1亿")),
    ("--party", ("signing", "add", "--project", "项目", "--party", BAD, "--party", "乙",
                 "--amount", "1亿")),
    ("ID", ("signing", "history", BAD)),
    ("--out", ("signing", "export", "--format", "csv", "--out", BAD + ".csv")),
    ("--out", ("report", "--day", DAY, "--format", "csv", "--out", BAD + ".csv")),
    ("NAME", ("operator", "add", BAD, "--role", "clerk")),
    ("--display-name", ("operator", "add", "赵六", "--role", "admin", "--display-name", BAD)),
    ("NAME", ("operator", "disable", BAD)),
    ("--by", ("audit", "list", "--by", BAD)),
    ("--operator", ("purge-personal-data", "--confirm", "--operator", BAD)),
    ("HUB_URL", ("join", "postgresql+psycopg://desk@hub/" + BAD, "--desk", "A")),
    ("--desk", ("join", "postgresql+psycopg://desk@hub/wimc", "--desk", BAD)),
    ("--db", ("--db", BAD + ".wimc", "sync")),
    ("--db", ("--db", BAD + ".wimc", "status")),
    ("--db", ("--db", BAD + ".wimc", "conflicts")),
]


def test_every_command_is_covered_by_the_bad_text_cases() -> None:
    assert {args[2] if args[0] == "--db" else args[0] for _, args in BAD_ARGUMENTS} \
        == set(COMMANDS)


@pytest.mark.parametrize(("name", "args"), BAD_ARGUMENTS,
                         ids=[f"{a[0]}-{n}" for n, a in BAD_ARGUMENTS])
def test_invalid_utf8_in_an_argument_is_a_usage_error_naming_it(
        name: str, args: tuple[str, ...], event_file: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: CAPS) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)  # (an --out that were written would land here)
    before = file_state(Path(event_file).parent)
    full = args if args[0] == "--db" else ("--db", event_file, *args)
    ran = run_cli(capsys, *full)
    assert ran.code == 2, ran.err
    assert f"the argument {name} is not valid text" in ran.err and "\\xff" in ran.err
    assert file_state(Path(event_file).parent) == before
    assert list(out.iterdir()) == []


def test_invalid_utf8_bytes_in_a_real_argv(event_file: str) -> None:
    for args in ((b"checkin", b"F-00\xff", b"--day", DAY.encode()),
                 (b"walkin", b"--name", b"\xe5\xbc\xa0\xff", b"--day", DAY.encode())):
        done = run_process("--db", event_file, *args)
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 2 and "Traceback" not in err, err
        assert "is not valid text" in err
    assert (_checkins(event_file), _guests(event_file)) == (0, 4)


# --- unknown command, no command -------------------------------------------------------

HEADLESS = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}


def test_a_mistyped_command_is_a_usage_error_listing_the_commands(event_file: str) -> None:
    started = time.monotonic()
    done = run_process("--db", event_file, "checkn", "F-001", env=HEADLESS, timeout=60)
    err = done.stderr.decode()
    assert done.returncode == 2 and time.monotonic() - started < 60
    assert "unknown command 'checkn'" in err and "did you mean 'checkin'" in err
    assert all(command in err for command in COMMANDS)
    assert _checkins(event_file) == 0


@pytest.mark.parametrize("args", [(), ("--db", "x.wimc"), ("--db=x.wimc",)])
def test_no_command_still_means_the_window(args: tuple[str, ...]) -> None:
    done = run_process(*args, env=HEADLESS, timeout=60)
    assert done.returncode == 2 and b"no screen to open the window on" in done.stderr


# --- no CJK font: the machine's setup, exit 2 -----------------------------------------

def test_a_missing_cjk_font_is_exit_2_with_a_clear_message(event_file: str,
                                                           tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"  # fontconfig that knows no font at all
    config.write_text('<?xml version="1.0"?>\n<fontconfig><cachedir>'
                      f'{tmp_path / "cache"}</cachedir></fontconfig>\n')
    done = run_process("--db", event_file, "badge", "pdf", "F-001", "--out",
                       str(tmp_path / "badge.pdf"),
                       env={"FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"})
    err = done.stderr.decode()
    if done.returncode == 0:
        pytest.skip("Qt found a CJK font without fontconfig on this machine")
    assert done.returncode == 2, err
    assert "no font with Chinese characters is installed" in err and "Traceback" not in err
    assert not (tmp_path / "badge.pdf").exists()


# --- a machine's failure met outside the database handle ------------------------------

def test_failures_met_anywhere_are_told_with_their_exit_code() -> None:
    import errno

    from wimc_desktop.cli.common import known_failure

    busy = sqlite3.OperationalError("anything")
    busy.sqlite_errorcode = 5  # SQLITE_BUSY, as from a connection of the import's own
    url = "postgresql+psycopg://desk:secret@hub/wimc"
    found = known_failure(busy, url)
    assert found is not None and found.exit_code == 10
    assert "secret" not in str(found) and "desk:***@hub" in str(found)
    full = known_failure(OSError(errno.ENOSPC, "No space left on device", "/mnt/x.db"), "x")
    assert full is not None and full.exit_code == 11 and "/mnt/x.db" in str(full)
    assert known_failure(ValueError("a bug"), "x") is None
    assert known_failure(sqlite3.IntegrityError("a constraint: a bug too"), "x") is None
