"""Create and refresh the project venv (.venv), then re-run the launcher inside it (stdlib only)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"
STAMP_NAME = ".wimc-install-stamp"
SKIP_VAR = "WIMC_NO_BOOTSTRAP"
REEXEC_VAR = "WIMC_BOOTSTRAP_REEXEC"
# "3/3" when the launcher counted the app's own first-run step (the demo) with its own.
STEP_VAR = "WIMC_FIRST_RUN_STEP"
WINDOWS = os.name == "nt"
MIN_PYTHON = (3, 11)
# What the app runs on: its dependencies and the PostgreSQL driver (pyproject's extras).
# The driver is in because a desk opens a PostgreSQL event (`--db postgresql://...`) at a
# venue that may have no internet by then; it is 15 MB of a 300 MB environment.
APP_EXTRAS = ("postgres",)
# tests/run.py adds the test and lint tools to the same .venv.
TEST_EXTRAS = ("postgres", "test")
# What the installing line tells a person to expect (downloads, measured with this pyproject).
ABOUT = {
    APP_EXTRAS: "PySide6, SQLAlchemy, psycopg and 10 smaller packages: about 100 MB to "
                "download, 300 MB on disk",
    TEST_EXTRAS: "the app's packages and the test tools (pytest, ruff, mypy ...): about "
                 "130 MB to download, 400 MB on disk",
}
ADDING_TEST_TOOLS = "the test tools (pytest, ruff, mypy ...): about 30 MB to download"


class BootstrapError(Exception):
    """The environment could not be set up; the message says why."""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _bin_dir(venv: Path) -> Path:
    return venv / ("Scripts" if WINDOWS else "bin")


def venv_python(venv: Path = VENV) -> Path:
    """Path of the python executable inside ``venv``."""
    return _bin_dir(venv) / ("python.exe" if WINDOWS else "python")


def running_in_venv(venv: Path = VENV) -> bool:
    """True when the current interpreter is the one of ``venv``."""
    try:
        return Path(sys.prefix).resolve() == venv.resolve()
    except OSError:
        return False


def _pyproject_digest(repo: Path) -> str:
    return hashlib.sha256((repo / "pyproject.toml").read_bytes()).hexdigest()


def _stamp_text(repo: Path, extras: Iterable[str]) -> str:
    return (f"pyproject-sha256 {_pyproject_digest(repo)}\nrepo {repo}\n"
            f"extras {','.join(sorted(set(extras)))}\n")


def _read_stamp(repo: Path) -> dict[str, str]:
    try:
        text = (repo / ".venv" / STAMP_NAME).read_text(encoding="utf-8")
    except OSError:
        return {}
    pairs = (line.partition(" ") for line in text.splitlines())
    return {key: value for key, _, value in pairs}


def installed_extras(repo: Path = REPO) -> set[str]:
    """The extras the stamp of <repo>/.venv records (whatever pyproject.toml they came from)."""
    stamp = _read_stamp(repo)
    if stamp and "extras" not in stamp:
        return {"postgres", "test"}  # a stamp of before the extras line: it installed [test]
    return {name for name in stamp.get("extras", "").split(",") if name}


def install_is_current(repo: Path = REPO, extras: Iterable[str] = APP_EXTRAS) -> bool:
    """True when .venv holds ``extras`` (at least), installed from the current pyproject.toml."""
    stamp = _read_stamp(repo)
    try:
        digest = _pyproject_digest(repo)
    except OSError:
        return False
    return (stamp.get("pyproject-sha256") == digest and stamp.get("repo") == str(repo)
            and set(extras) <= installed_extras(repo) and venv_python(repo / ".venv").exists())


@dataclass
class Steps:
    """Numbers the first run's lines: "1/3 creating ...", "2/3 installing ...", then the app's."""

    total: int
    done: int = 0

    def say(self, text: str) -> None:
        self.done += 1
        _say(f"{self.done}/{self.total} {text}")

    def next_label(self) -> str:
        return f"{self.done + 1}/{self.total}"


def _plan(repo: Path, extras: Iterable[str], later_steps: int) -> Steps:
    own = int(_venv_state(repo / ".venv") != "ok") + int(not install_is_current(repo, extras))
    return Steps(own + later_steps)


def ensure_environment(extras: Iterable[str] = APP_EXTRAS, later_steps: int = 0,
                       repo: Path = REPO) -> Path:
    """Return the python of <repo>/.venv, creating or completing the venv first if needed.

    ``later_steps``: first-run steps the caller does after this one (counted in the lines).
    """
    venv = repo / ".venv"
    if os.environ.get(SKIP_VAR) == "1":
        return Path(sys.executable)
    if install_is_current(repo, extras):
        return venv_python(venv)
    try:
        _check_python_version()
        with _install_lock(repo):
            if not install_is_current(repo, extras):
                steps = _plan(repo, extras, later_steps)
                _install(repo, set(extras), steps)
                if later_steps:
                    os.environ[STEP_VAR] = steps.next_label()
    except BootstrapError as exc:
        _say(f"\nWIMC Desk could not set up its environment in {venv}:\n  {exc}")
        _say(f"Fix the problem and run the same command again (or set {SKIP_VAR}=1 to skip).")
        sys.exit(2)
    return venv_python(venv)


def reexec_in_venv(argv: list[str], translations: bool = True,
                   extras: Iterable[str] = APP_EXTRAS, later_steps: int = 0) -> None:
    """Make sure we run inside .venv (with ``extras``); if not, set it up and re-run
    ``python *argv`` there. ``later_steps``: see ensure_environment."""
    if os.environ.get(SKIP_VAR) == "1":
        return
    if running_in_venv(VENV):
        os.environ.pop(REEXEC_VAR, None)
        ensure_environment(extras, later_steps)
        if translations:
            compile_translations(REPO)
        return
    if os.environ.get(REEXEC_VAR) == "1":
        _say(f"warning: still not inside {VENV} after re-exec; going on with {sys.executable}")
        return
    python = ensure_environment(extras, later_steps)
    os.environ[REEXEC_VAR] = "1"
    args = [str(python), *argv]
    sys.stdout.flush()
    sys.stderr.flush()
    if WINDOWS:
        sys.exit(subprocess.call(args))
    os.execv(python, args)


def _check_python_version() -> None:
    if sys.version_info < MIN_PYTHON:
        found = ".".join(map(str, sys.version_info[:3]))
        raise BootstrapError(f"WIMC Desk needs Python 3.11 or newer, this is {found}.")


def _lock_path(repo: Path) -> Path:
    key = hashlib.sha256(str(repo).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"wimc-desk-venv-{key}.lock"


@contextlib.contextmanager
def _install_lock(repo: Path) -> Iterator[None]:
    """Serialise concurrent installs into one .venv (a lock file in the temp folder)."""
    with open(_lock_path(repo), "a+b") as handle:
        if not _try_lock(handle):
            _say("Another WIMC Desk process is setting up .venv; waiting for it...")
            while not _try_lock(handle):
                time.sleep(0.5)
        try:
            yield
        finally:
            _unlock(handle)


def _try_lock(handle: BinaryIO) -> bool:
    try:
        if sys.platform == "win32":  # (WINDOWS, in words mypy follows)
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_UN)


def _install(repo: Path, extras: set[str], steps: Steps) -> None:
    """Create .venv if needed and pip-install the project with ``extras`` and those it had."""
    venv = repo / ".venv"
    had = installed_extras(repo) if venv_python(venv).exists() else set()
    refresh = bool(had) and _read_stamp(repo).get("pyproject-sha256") != _pyproject_digest(repo)
    wanted = extras | had
    started = time.monotonic()
    (venv / STAMP_NAME).unlink(missing_ok=True)
    if _venv_state(venv) != "ok":
        steps.say(f"creating the environment in {venv} (one time)")
        _create_venv(venv)
    if refresh:
        steps.say("updating the environment (pyproject.toml changed)")
    elif had:
        added = "test" in extras - had
        steps.say(f"adding {ADDING_TEST_TOOLS if added else ', '.join(sorted(extras - had))}"
                  " (one time)")
    else:
        steps.say(f"installing {ABOUT.get(tuple(sorted(wanted)), 'the dependencies')} "
                  "(one time)")
    command = [str(venv_python(venv)), "-m", "pip", "install", "-q", "-e",
               f"{repo}[{','.join(sorted(wanted))}]"]
    if _run(command) != 0:
        raise BootstrapError("pip could not install the dependencies (see pip's messages above).")
    (venv / STAMP_NAME).write_text(_stamp_text(repo, wanted), encoding="utf-8")
    _say(f"    the environment is ready ({time.monotonic() - started:.0f} s)")


def _venv_state(venv: Path) -> str:
    """One of 'ok', 'no-pip', 'broken' (python does not run) or 'missing'."""
    python = venv_python(venv)
    if not python.exists():
        return "broken" if os.path.lexists(python) else "missing"
    if _quiet([str(python), "-c", "import pip"]):
        return "ok"
    return "no-pip" if _quiet([str(python), "-c", "pass"]) else "broken"


def _create_venv(venv: Path) -> None:
    state = _venv_state(venv)
    if state == "ok":
        return
    command = [sys.executable, "-m", "venv", str(venv)]
    if state == "broken":
        command.insert(3, "--clear")
    if _run(command) != 0 and _install_venv_package():
        _run(command)
    if _venv_state(venv) != "ok":
        raise BootstrapError(_venv_help())


def _venv_package() -> str:
    return f"python{sys.version_info[0]}.{sys.version_info[1]}-venv"


def _venv_help() -> str:
    return (
        "Python's venv module could not create a virtual environment with pip.\n"
        f"  On Debian/Ubuntu install it with: sudo apt-get install {_venv_package()}"
    )


def _install_venv_package() -> bool:
    """On a Debian/Ubuntu system Python, run as root, apt-get install pythonX.Y-venv."""
    is_root = getattr(os, "geteuid", lambda: -1)() == 0
    if not (is_root and shutil.which("apt-get") and sys.executable.startswith("/usr/")):
        return False
    _say(f"Installing {_venv_package()} with apt-get (Debian's Python ships venv separately)...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run(["apt-get", "update", "-q"], tolerate=True, env=env)
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", _venv_package()]
    return _run(install, tolerate=True, env=env) == 0


def _stderr_fd() -> int | None:
    try:
        return sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def _run(command: list[str], tolerate: bool = False, env: dict[str, str] | None = None) -> int:
    """Run ``command`` with its output on stderr (stdout stays clean for the CLI)."""
    env = {**(env or os.environ), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    sys.stdout.flush()
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=_stderr_fd(), env=env)
    except OSError as exc:
        if tolerate:
            _say(f"warning: could not run {command[0]}: {exc}")
            return 1
        raise BootstrapError(f"could not run {command[0]}: {exc}") from exc
    if done.returncode != 0 and tolerate:
        _say(f"warning: '{' '.join(command[:5])} ...' failed (exit {done.returncode}); going on")
    return done.returncode


def _quiet(command: list[str]) -> bool:
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True)
    except OSError:
        return False
    return done.returncode == 0


def _lrelease_command(repo: Path) -> list[str] | None:
    """How to run pyside6-lrelease: preferably .venv's, else next to this python, else PATH."""
    for bin_dir in (_bin_dir(repo / ".venv"), Path(sys.executable).parent):
        script = bin_dir / ("pyside6-lrelease.exe" if WINDOWS else "pyside6-lrelease")
        if script.exists():
            return [str(script)] if WINDOWS else [str(bin_dir / "python"), str(script)]
    found = shutil.which("pyside6-lrelease")
    return [found] if found else None


def _is_stale(ts_file: Path) -> bool:
    qm_file = ts_file.with_suffix(".qm")
    return not qm_file.exists() or qm_file.stat().st_mtime < ts_file.stat().st_mtime


def compile_translations(repo: Path = REPO) -> list[Path]:
    """Compile each stale resources/translations/*.ts to a .qm beside it; return the new .qm."""
    sources = sorted((repo / "resources" / "translations").glob("*.ts"))
    stale = [ts_file for ts_file in sources if _is_stale(ts_file)]
    command = _lrelease_command(repo) if stale else None
    if command is None:
        return []
    compiled: list[Path] = []
    for ts_file in stale:
        qm_file = ts_file.with_suffix(".qm")
        _say(f"Compiling translation {ts_file.relative_to(repo)} -> {qm_file.name}")
        try:
            done = subprocess.run(
                [*command, "-silent", str(ts_file), "-qm", str(qm_file)],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
            )
        except OSError as exc:
            _say(f"warning: could not run pyside6-lrelease: {exc}")
            return compiled
        if done.returncode != 0 or not qm_file.exists():
            output = f"{done.stdout}{done.stderr}".strip()
            _say(f"warning: pyside6-lrelease failed for {ts_file.name}:\n{output}")
            continue
        compiled.append(qm_file)
    return compiled
