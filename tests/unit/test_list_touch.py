"""list_touch: whether a batch of changes touches a list of guests on screen."""

from __future__ import annotations

import datetime as dt

from wimc_desktop.domain.changes import Change, ChangeKind, ListTouch, list_touch

DAY = dt.date(2020, 11, 26)
LISTED = {"a", "b"}


def test_an_admission_of_a_listed_guest_touches_the_list_and_brings_nobody() -> None:
    touch = list_touch((Change(ChangeKind.CHECKIN, frozenset({"a"}), DAY),), LISTED)
    assert touch == ListTouch(frozenset({"a"}), listed=True, came=False, edited=False)


def test_an_admission_of_a_guest_not_listed_touches_nothing_listed() -> None:
    touch = list_touch((Change(ChangeKind.CHECKIN, frozenset({"z"}), DAY),
                        Change(ChangeKind.BADGE, frozenset({"y"}))), LISTED)
    assert touch == ListTouch(frozenset({"y", "z"}), listed=False, came=False, edited=False)


def test_a_walk_in_is_a_guest_who_came() -> None:
    touch = list_touch((Change(ChangeKind.GUEST, frozenset({"new"})),
                        Change(ChangeKind.CHECKIN, frozenset({"new"}), DAY)), LISTED)
    assert touch == ListTouch(frozenset({"new"}), listed=False, came=True, edited=True)


def test_an_edit_of_a_listed_guest_is_an_edit_but_nobody_came() -> None:
    touch = list_touch((Change(ChangeKind.GUEST, frozenset({"b"})),), LISTED)
    assert touch == ListTouch(frozenset({"b"}), listed=True, came=False, edited=True)


def test_an_import_or_many_guests_may_be_anyone() -> None:
    for change in (Change(ChangeKind.IMPORT), Change(ChangeKind.GUEST),
                   Change(ChangeKind.EVENT), Change(ChangeKind.CHECKIN, day=DAY)):
        assert list_touch((change,), LISTED) == ListTouch(None, True, True, True)


def test_changes_of_no_guest_touch_nothing() -> None:
    touch = list_touch((Change(ChangeKind.SIGNING), Change(ChangeKind.AUDIT)), LISTED)
    assert touch == ListTouch(frozenset(), listed=False, came=False, edited=False)


def test_the_list_may_be_any_collection_of_ids() -> None:
    rows = {"a": 0, "b": 1}
    touch = list_touch(iter([Change(ChangeKind.GUEST, frozenset({"a", "c"}))]), rows.keys())
    assert (touch.listed, touch.came) == (True, True)
