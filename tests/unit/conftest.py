"""Fixtures shared by the unit tests of one capability and its faster variants."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["few matches", "many matches", "many values"])
def search_route(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Force each way of answering: rank in one pass, ask rank by rank, walk values."""
    from wimc_desktop.services.search import ranking

    if request.param != "few matches":
        monkeypatch.setattr(ranking, "SMALL", 0)
    if request.param == "many values":
        monkeypatch.setattr(ranking, "MAX_OR", 0)
    return str(request.param)
