"""Run every check of WIMC Desk (environment, system packages, PostgreSQL, ruff, mypy, pytest)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
USAGE = """usage: python3 tests/run.py [--skip-system] [--only ruff|mypy|pytest] [PYTEST ARGS...]

  --skip-system   do not install missing Debian packages with apt-get
  --only NAME     run only that check (pytest still gets PostgreSQL and translations)
  anything else (or everything after --) is passed to pytest, e.g. -k import
"""
POSTGRES_VAR = "WIMC_TEST_POSTGRES_URL"
PG_USER = PG_PASSWORD = "wimc"
PG_DATABASE = "wimc_test"
START_VAR = "WIMC_RUN_STARTED"
CHECKS = ("ruff", "mypy", "pytest")
# Debian/Ubuntu packages the tests need, by purpose; "a|b" means either (new t64 name first).
SYSTEM_PACKAGE_GROUPS = {
    "CJK fonts for badges and PDFs": "fonts-noto-cjk",
    "pdftotext / pdftoppm, to read generated PDFs back": "poppler-utils",
    "the PostgreSQL side of the database tests": "postgresql",
    "shared libraries PySide6 needs offscreen (and to print)": (
        "libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 "
        "libglib2.0-0t64|libglib2.0-0 libcups2t64|libcups2"
    ),
    "Xvfb and the xcb plugin's libraries, for real screenshots": (
        "xvfb xauth libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
        "libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xfixes0 "
        "libxcb-sync1 libxcb-xkb1 libxcb-glx0"
    ),
}
SYSTEM_PACKAGES = tuple(name for names in SYSTEM_PACKAGE_GROUPS.values() for name in names.split())


@dataclass
class Options:
    skip_system: bool = False
    only: str | None = None
    pytest_args: list[str] = field(default_factory=list)


@dataclass
class Result:
    name: str
    status: str  # ok, warning, FAILED, skipped
    detail: str = ""
    seconds: float = 0.0


class StepError(Exception):
    """A step could not do its job; the message says why."""


def heading(number: int, title: str) -> None:
    print(f"\n===== [{number}/7] {title} =====", flush=True)


def say(message: str) -> None:
    print(f"  {message}", flush=True)


def is_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def is_root() -> bool:
    return getattr(os, "geteuid", lambda: -1)() == 0


def parse_args(args: list[str]) -> Options:
    opts = Options()
    items = iter(args)
    for arg in items:
        if arg == "--":
            opts.pytest_args.extend(items)
        elif arg == "--skip-system":
            opts.skip_system = True
        elif arg in ("--only", "--only=") or arg.startswith("--only="):
            opts.only = arg.partition("=")[2] or next(items, "")
        elif arg == "--run-help":
            print(USAGE)
            sys.exit(0)
        else:
            opts.pytest_args.append(arg)
    if opts.only is not None and opts.only not in CHECKS:
        print(f"--only takes one of {', '.join(CHECKS)}\n\n{USAGE}", file=sys.stderr)
        sys.exit(2)
    return opts


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a helper command quietly, capturing its output as text."""
    return subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, text=True, **kwargs
    )


def timed(name: str, step: Callable[..., Result], *args: Any) -> Result:
    started = time.monotonic()
    result = step(*args)
    result.name, result.seconds = name, time.monotonic() - started
    return result


# ----------------------------------------------------------------- 1. Python environment


def environment_step() -> Result:
    os.environ.setdefault(START_VAR, str(time.time()))
    sys.path.insert(0, str(REPO))
    from wimc_desktop.bootstrap import REEXEC_VAR, TEST_EXTRAS, reexec_in_venv

    if os.environ.get(REEXEC_VAR) != "1":
        heading(1, "Python environment (.venv)")
    # The app's packages and the test tools (main.py alone installs only the first).
    reexec_in_venv(sys.argv, translations=False, extras=TEST_EXTRAS)  # step 6 compiles them
    version = ".".join(map(str, sys.version_info[:3]))
    say(f"using {sys.executable} (Python {version})")
    seconds = time.time() - float(os.environ[START_VAR])
    return Result("environment", "ok", sys.executable, seconds)


# ----------------------------------------------------------------- 2. system packages


def installed_packages(names: list[str]) -> set[str]:
    done = run(["dpkg-query", "-W", "-f=${Package} ${db:Status-Abbrev}\\n", *names])
    rows = (line.split() for line in done.stdout.splitlines())
    return {row[0] for row in rows if len(row) >= 2 and row[1] == "ii"}


def missing_packages() -> list[str]:
    names = [name for group in SYSTEM_PACKAGES for name in group.split("|")]
    present = installed_packages(names)
    return [group for group in SYSTEM_PACKAGES if not present & set(group.split("|"))]


def apt_candidate(group: str) -> str:
    """The first name of an 'a|b' group that apt can install (t64 renames differ per release)."""
    names = group.split("|")
    for name in names[:-1]:
        if run(["apt-cache", "show", "--no-all-versions", name]).stdout.strip():
            return name
    return names[-1]


def apt_install(groups: list[str]) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    say("apt-get update")
    if subprocess.run(["apt-get", "update", "-q"], stdin=subprocess.DEVNULL, env=env).returncode:
        raise StepError("apt-get update failed")
    names = [apt_candidate(group) for group in groups]
    say(f"apt-get install {' '.join(names)}")
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *names]
    if subprocess.run(command, stdin=subprocess.DEVNULL, env=env).returncode:
        raise StepError("apt-get install failed")


def system_step(opts: Options) -> Result:
    if opts.skip_system:
        return Result("system", "skipped", "--skip-system")
    if not shutil.which("dpkg-query"):
        say(f"not a Debian/Ubuntu system: make sure these are installed: {SYSTEM_PACKAGES}")
        return Result("system", "warning", "no dpkg; not checked")
    missing = missing_packages()
    if not missing:
        say(f"all {len(SYSTEM_PACKAGES)} packages are installed")
        return Result("system", "ok", "nothing to install")
    say(f"missing: {' '.join(missing)}")
    if not (is_root() and shutil.which("apt-get")):
        say("warning: not root (or no apt-get), so not installing them; some tests may fail")
        return Result("system", "warning", f"missing {' '.join(missing)}")
    try:
        apt_install(missing)
    except StepError as exc:
        return Result("system", "FAILED", str(exc))
    still = missing_packages()
    if still:
        return Result("system", "FAILED", f"still missing {' '.join(still)}")
    return Result("system", "ok", f"installed {len(missing)} packages")


# ----------------------------------------------------------------- 3. PostgreSQL


def clusters() -> list[list[str]]:
    """pg_lsclusters rows: version, name, port, status, ..."""
    done = run(["pg_lsclusters", "--no-header"])
    return [line.split() for line in done.stdout.splitlines() if len(line.split()) >= 4]


def pick_cluster() -> list[str]:
    rows = clusters()
    if not rows:
        versions = sorted(Path("/usr/lib/postgresql").iterdir(), key=lambda p: float(p.name))
        if not versions:
            raise StepError("no PostgreSQL server version in /usr/lib/postgresql")
        say(f"creating cluster {versions[-1].name}/main")
        done = run(["pg_createcluster", versions[-1].name, "main"])
        if done.returncode:
            raise StepError(f"pg_createcluster failed: {done.stderr.strip()}")
        rows = clusters()
    rows.sort(key=lambda row: (row[1] == "main", float(row[0])))
    if not rows:
        raise StepError("pg_lsclusters lists no cluster")
    return rows[-1]


def start_cluster(row: list[str]) -> None:
    version, name, _port, status = row[:4]
    if status == "online":
        say(f"cluster {version}/{name} is already running")
        return
    done = run(["pg_ctlcluster", version, name, "start"])
    if done.returncode and "already running" not in done.stderr + done.stdout:
        raise StepError(f"pg_ctlcluster {version} {name} start: {done.stderr.strip()}")
    say(f"started cluster {version}/{name}")


def as_postgres(sql: str, port: str, database: str = "postgres") -> str:
    psql = ["psql", "-X", "-q", "-p", port, "-d", database, "-v", "ON_ERROR_STOP=1", "-tAc", sql]
    command = ["runuser", "-u", "postgres", "--", *psql]
    done = run(command, cwd="/")
    if done.returncode:
        raise StepError(f"psql as postgres failed: {done.stderr.strip()}")
    return done.stdout.strip()


def wait_until_ready(port: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", port]).returncode == 0:
            return
        time.sleep(0.5)
    raise StepError(f"PostgreSQL did not accept connections on 127.0.0.1:{port} in {seconds}s")


def ensure_role_and_database(port: str) -> None:
    exists = as_postgres(f"SELECT 1 FROM pg_roles WHERE rolname = '{PG_USER}'", port) == "1"
    verb = "ALTER" if exists else "CREATE"
    as_postgres(f"{verb} ROLE {PG_USER} WITH LOGIN CREATEDB PASSWORD '{PG_PASSWORD}'", port)
    say(f"role {PG_USER}: {'exists' if exists else 'created'}")
    query = f"SELECT 1 FROM pg_database WHERE datname = '{PG_DATABASE}'"
    if as_postgres(query, port) == "1":
        say(f"database {PG_DATABASE}: exists")
        return
    as_postgres(f"CREATE DATABASE {PG_DATABASE} OWNER {PG_USER}", port)
    say(f"database {PG_DATABASE}: created")


def check_login(port: str) -> None:
    env = {**os.environ, "PGPASSWORD": PG_PASSWORD}
    login = ["-h", "127.0.0.1", "-p", port, "-U", PG_USER, "-d", PG_DATABASE]
    done = run(["psql", "-X", *login, "-tAc", "SELECT 1"], env=env)
    if done.returncode or done.stdout.strip() != "1":
        raise StepError(f"cannot log in as {PG_USER}: {done.stderr.strip()}")


def setup_debian_postgres() -> str:
    if not shutil.which("pg_ctlcluster"):
        raise StepError("Debian's postgresql package is not installed")
    if not is_root():
        raise StepError("starting the local cluster needs root")
    row = pick_cluster()
    start_cluster(row)
    port = row[2]
    wait_until_ready(port)
    ensure_role_and_database(port)
    check_login(port)
    return f"postgresql+psycopg://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{port}/{PG_DATABASE}"


def postgres_step(env: dict[str, str]) -> Result:
    if env.get(POSTGRES_VAR):
        say(f"{POSTGRES_VAR} is already set; using it")
        return Result("postgres", "ok", "given by the caller")
    try:
        env[POSTGRES_VAR] = setup_debian_postgres()
    except (StepError, OSError, ValueError) as exc:
        if is_ci():
            say(f"ERROR: no PostgreSQL for the tests ({exc}); CI=true requires it")
            return Result("postgres", "FAILED", str(exc))
        say(f"warning: no PostgreSQL for the tests ({exc}); tests marked postgres will skip")
        return Result("postgres", "warning", f"postgres tests skip: {exc}")
    say(f"{POSTGRES_VAR}={env[POSTGRES_VAR]}")
    return Result("postgres", "ok", env[POSTGRES_VAR])


# ----------------------------------------------------------------- 4-7. checks


def check_step(command: list[str], env: dict[str, str]) -> Result:
    say("$ " + " ".join(["python", *command[1:]]))
    code = subprocess.run(command, cwd=REPO, env=env, stdin=subprocess.DEVNULL).returncode
    return Result("", "ok" if code == 0 else "FAILED", f"exit {code}")


def translations_step() -> Result:
    from wimc_desktop.bootstrap import compile_translations

    compiled = compile_translations(REPO)
    count = len(list((REPO / "resources" / "translations").glob("*.ts")))
    say(f"{count} .ts file(s), {len(compiled)} compiled now")
    return Result("", "ok", f"{len(compiled)} compiled")


def pytest_step(args: list[str], env: dict[str, str]) -> Result:
    """Run pytest, echoing its output and keeping its closing line for the summary."""
    command = [sys.executable, "-m", "pytest", *args]
    say("$ " + " ".join(["python", *command[1:]]))
    if sys.stdout.isatty():
        env = {**env, "PY_COLORS": env.get("PY_COLORS", "1")}
    env = {**env, "PYTHONUNBUFFERED": "1"}
    last = ""
    with subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            last = line.strip() or last
    code = proc.returncode
    return Result("", "ok" if code == 0 else "FAILED", f"exit {code}: {last}")


def run_checks(opts: Options, env: dict[str, str]) -> list[Result]:
    python = sys.executable
    wanted = [opts.only] if opts.only else list(CHECKS)
    results = []
    if "ruff" in wanted:
        heading(4, "ruff check")
        results.append(timed("ruff", check_step, [python, "-m", "ruff", "check", "."], env))
    if "mypy" in wanted:
        heading(5, "mypy (files from pyproject.toml)")
        results.append(timed("mypy", check_step, [python, "-m", "mypy"], env))
    if "pytest" in wanted:
        heading(6, "translations (.ts -> .qm)")
        results.append(timed("translations", translations_step))
        heading(7, "pytest")
        results.append(timed("pytest", pytest_step, opts.pytest_args, env))
    return results


def summary(results: list[Result]) -> int:
    print("\n===== summary =====")
    for result in results:
        print(f"  {result.name:<13} {result.status:<8} {result.seconds:6.1f}s  {result.detail}")
    failed = [result.name for result in results if result.status == "FAILED"]
    total = time.time() - float(os.environ.get(START_VAR, time.time()))
    verdict = f"FAILED: {', '.join(failed)}" if failed else "all checks passed"
    print(f"===== {verdict} in {total:.0f}s =====", flush=True)
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    opts = parse_args(argv)
    results = [environment_step()]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop(START_VAR, None)
    if opts.only in (None, "pytest"):
        heading(2, "system packages (apt)")
        results.append(timed("system", system_step, opts))
        heading(3, "PostgreSQL")
        results.append(timed("postgres", postgres_step, env))
    results.extend(run_checks(opts, env))
    return summary(results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
