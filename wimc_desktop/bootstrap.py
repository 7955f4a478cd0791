"""Create and refresh the project venv (.venv), then re-run the launcher inside it (stdlib only)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"
STAMP_NAME = ".wimc-install-stamp"
SKIP_VAR = "WIMC_NO_BOOTSTRAP"
REEXEC_VAR = "WIMC_BOOTSTRAP_REEXEC"
WINDOWS = os.name == "nt"
MIN_PYTHON = (3, 11)


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


def _stamp_text(repo: Path) -> str:
    digest = hashlib.sha256((repo / "pyproject.toml").read_bytes()).hexdigest()
    return f"pyproject-sha256 {digest}\nrepo {repo}\n"


def install_is_current(repo: Path = REPO) -> bool:
    """True when .venv exists and was installed from the current pyproject.toml (no subprocess)."""
    venv = repo / ".venv"
    try:
        stamp = (venv / STAMP_NAME).read_text(encoding="utf-8")
        return stamp == _stamp_text(repo) and venv_python(venv).exists()
    except OSError:
        return False


def ensure_environment() -> Path:
    """Return the python of <repo>/.venv, creating or refreshing the venv first if needed."""
    if os.environ.get(SKIP_VAR) == "1":
        return Path(sys.executable)
    if install_is_current(REPO):
        return venv_python(VENV)
    try:
        _check_python_version()
        with _install_lock(REPO):
            if not install_is_current(REPO):
                _install(REPO)
    except BootstrapError as exc:
        _say(f"\nWIMC Desk could not set up its environment in {VENV}:\n  {exc}")
        _say(f"Fix the problem and run the same command again (or set {SKIP_VAR}=1 to skip).")
        sys.exit(2)
    return venv_python(VENV)


def reexec_in_venv(argv: list[str], translations: bool = True) -> None:
    """Make sure we run inside .venv; if not, set it up and re-run ``python *argv`` there."""
    if os.environ.get(SKIP_VAR) == "1":
        return
    if running_in_venv(VENV):
        os.environ.pop(REEXEC_VAR, None)
        ensure_environment()
        if translations:
            compile_translations(REPO)
        return
    if os.environ.get(REEXEC_VAR) == "1":
        _say(f"warning: still not inside {VENV} after re-exec; going on with {sys.executable}")
        return
    python = ensure_environment()
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


@contextlib.contextmanager
def _install_lock(repo: Path) -> Iterator[None]:
    """Serialise concurrent installs with an advisory lock on pyproject.toml (POSIX only)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(repo / "pyproject.toml", "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            _say("Another WIMC Desk process is setting up .venv; waiting for it...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _install(repo: Path) -> None:
    venv = repo / ".venv"
    if venv_python(venv).exists():
        _say("Updating the environment in .venv (pyproject.toml changed)...")
    else:
        _say("Setting up the environment in .venv (first run only)...")
        _say("This downloads the dependencies from PyPI and can take a few minutes.")
    (venv / STAMP_NAME).unlink(missing_ok=True)
    _create_venv(venv)
    python = str(venv_python(venv))
    _say("Upgrading pip...")
    _run([python, "-m", "pip", "install", "--upgrade", "pip"], tolerate=True)
    _say("Installing WIMC Desk and its dependencies (pip install -e .[test])...")
    if _run([python, "-m", "pip", "install", "-e", f"{repo}[test]"]) != 0:
        raise BootstrapError("pip could not install the dependencies (see pip's messages above).")
    (venv / STAMP_NAME).write_text(_stamp_text(repo), encoding="utf-8")
    _say("The environment in .venv is ready.")


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
    _say(f"Creating the virtual environment {venv} with {sys.executable}...")
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
