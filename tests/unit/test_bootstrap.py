"""The launcher's .venv: the app installs what it runs on, the tests add their tools, once."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wimc_desktop import bootstrap
from wimc_desktop.bootstrap import APP_EXTRAS, STEP_VAR, TEST_EXTRAS, ensure_environment

REPO = Path(__file__).resolve().parents[2]


class FakePip:
    """Stands in for `python -m venv` and pip: records the commands, makes the venv's python."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, exit_code: int = 0) -> None:
        self.commands: list[list[str]] = []
        self.exit_code = exit_code
        monkeypatch.setattr(bootstrap, "_run", self.run)
        monkeypatch.setattr(bootstrap, "_create_venv", self.create_venv)
        monkeypatch.setattr(bootstrap, "_venv_state", self.venv_state)

    def run(self, command: list[str], tolerate: bool = False, env: object = None) -> int:
        self.commands.append(command)
        return self.exit_code

    @staticmethod
    def create_venv(venv: Path) -> None:
        python = bootstrap.venv_python(venv)
        python.parent.mkdir(parents=True)
        python.write_text("")

    @staticmethod
    def venv_state(venv: Path) -> str:
        return "ok" if bootstrap.venv_python(venv).exists() else "missing"

    def installs(self) -> list[str]:
        """The `.../repo[extras]` argument of each pip install."""
        return [command[-1] for command in self.commands if "pip" in command]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in (bootstrap.SKIP_VAR, STEP_VAR):  # set first: put back as they were after
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    folder = tmp_path / "wimc"
    folder.mkdir()
    (folder / "pyproject.toml").write_text('[project]\nname = "wimc-desktop"\n')
    return folder


def test_the_app_installs_only_its_own_packages_quietly(
        repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pip = FakePip(monkeypatch)
    python = ensure_environment(APP_EXTRAS, later_steps=1, repo=repo)
    assert python == bootstrap.venv_python(repo / ".venv")
    assert pip.installs() == [f"{repo}[postgres]"]
    assert "-q" in pip.commands[0]  # pip's own chatter off; its errors still show
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"1/3 creating the environment in {repo / '.venv'} (one time)"
    assert lines[1].startswith("2/3 installing PySide6, SQLAlchemy, psycopg")
    assert "MB" in lines[1]
    assert bootstrap.os.environ[STEP_VAR] == "3/3"  # the demo's line goes on from here
    assert bootstrap.installed_extras(repo) == {"postgres"}
    assert bootstrap.install_is_current(repo, APP_EXTRAS)
    assert not bootstrap.install_is_current(repo, TEST_EXTRAS)


def test_the_test_command_then_adds_its_tools_to_the_same_venv(
        repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pip = FakePip(monkeypatch)
    ensure_environment(APP_EXTRAS, repo=repo)
    capsys.readouterr()
    ensure_environment(TEST_EXTRAS, repo=repo)
    assert pip.installs() == [f"{repo}[postgres]", f"{repo}[postgres,test]"]
    assert capsys.readouterr().err.splitlines()[0].startswith("1/1 adding the test tools")
    assert bootstrap.installed_extras(repo) == {"postgres", "test"}
    assert STEP_VAR not in bootstrap.os.environ  # nothing comes after it


def test_the_app_after_the_test_command_installs_nothing(
        repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pip = FakePip(monkeypatch)
    ensure_environment(TEST_EXTRAS, repo=repo)
    assert pip.installs() == [f"{repo}[postgres,test]"]
    assert "installing the app's packages and the test tools" in capsys.readouterr().err
    ensure_environment(APP_EXTRAS, later_steps=1, repo=repo)
    assert len(pip.commands) == 1
    assert capsys.readouterr().err == ""
    assert STEP_VAR not in bootstrap.os.environ  # the demo's line is not numbered then


def test_a_changed_pyproject_reinstalls_keeping_the_extras_it_had(
        repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pip = FakePip(monkeypatch)
    ensure_environment(TEST_EXTRAS, repo=repo)
    (repo / "pyproject.toml").write_text('[project]\nname = "wimc-desktop"\nversion = "2"\n')
    assert not bootstrap.install_is_current(repo, APP_EXTRAS)
    capsys.readouterr()
    ensure_environment(APP_EXTRAS, repo=repo)
    assert pip.installs()[-1] == f"{repo}[postgres,test]"  # never a downgrade to the app's
    assert capsys.readouterr().err.startswith("1/1 updating the environment")
    assert bootstrap.install_is_current(repo, TEST_EXTRAS)


def test_a_failed_pip_exits_2_and_leaves_no_stamp(
        repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    FakePip(monkeypatch, exit_code=1)
    with pytest.raises(SystemExit) as stopped:
        ensure_environment(APP_EXTRAS, repo=repo)
    assert stopped.value.code == 2
    assert "pip could not install the dependencies" in capsys.readouterr().err
    assert not (repo / ".venv" / bootstrap.STAMP_NAME).exists()
    assert not bootstrap.install_is_current(repo, APP_EXTRAS)


def test_a_stamp_of_before_the_extras_line_counts_as_the_full_install(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    FakePip.create_venv(repo / ".venv")
    digest = bootstrap._pyproject_digest(repo)
    (repo / ".venv" / bootstrap.STAMP_NAME).write_text(
        f"pyproject-sha256 {digest}\nrepo {repo}\n", encoding="utf-8")
    assert bootstrap.install_is_current(repo, APP_EXTRAS)
    assert bootstrap.install_is_current(repo, TEST_EXTRAS)


def test_the_app_depends_on_no_test_or_lint_tool() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [dep.split(">")[0].split("[")[0].split("=")[0].strip().lower()
             for dep in project["dependencies"]]
    extras = project["optional-dependencies"]
    tools = {"pytest", "pytest-qt", "ruff", "mypy", "hypothesis", "openpyxl", "pypdf"}
    assert "pyside6-essentials" in names and "sqlalchemy" in names
    assert not tools & set(names)
    assert set(APP_EXTRAS) | set(TEST_EXTRAS) <= set(extras)
    assert any(dep.startswith("psycopg") for dep in extras["postgres"])
    assert {dep.split(">")[0] for dep in extras["test"]} >= {"pytest", "ruff", "mypy"}
