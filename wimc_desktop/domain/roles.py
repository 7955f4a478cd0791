"""Who may do what: the roles of the desk staff and the one matrix of their permissions.

Every command of the command line (cli.permissions.COMMAND_PERMISSIONS) and every action
of the window (ui.gating.GUI_PERMISSIONS) names exactly one Permission here; the tests
build the whole matrix from those two tables and ROLE_PERMISSIONS, so it cannot drift.

An event with no operators yet is an open desk (role ""): everything is allowed, as
before operators existed, so existing scripts keep working until the first admin is made.
"""

from __future__ import annotations

from enum import StrEnum

from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import Message, NotPermittedError


class Role(StrEnum):
    """The roles, from the fewest rights to the most."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


OPEN_DESK = ""  # the role of a desk on an event without operators


class Permission(StrEnum):
    """One thing a person at a desk may be allowed to do."""

    ADMIT = "admit"  # scan and admit, admit a guest found by name
    SEARCH = "search"  # find guests (masked contact details), look a badge up
    BROWSE_GUESTS = "browse_guests"  # the guest list, masked
    WALK_IN = "walk_in"  # register and admit a walk-in guest
    EDIT_GUEST = "edit_guest"  # correct a guest's details (a walk-in's typo, a new seat)
    UNDO_OWN = "undo_own"  # undo one's own admission within 2 minutes
    UNDO_ANY = "undo_any"  # undo any admission, with a reason
    PRINT_BADGE = "print_badge"  # a badge's first print
    REPRINT_BADGE = "reprint_badge"  # print a badge printed before
    REISSUE_BADGE = "reissue_badge"  # a new code for a lost badge
    IMPORT = "import"  # guest lists
    SIGNINGS = "signings"  # record, amend and cancel contract signings
    REPORTS = "reports"  # the reports, the signing register and its totals
    EXPORT = "export"  # reports and registers to files (masked)
    DASHBOARD = "dashboard"
    REVEAL_PII = "reveal_pii"  # full mobile and e-mail of one guest (audited)
    EXPORT_PII = "export_pii"  # full personal data of many guests (audited)
    AUDIT = "audit"  # read and verify the audit log
    OWN_PASSWORD = "own_password"  # change one's own password
    OPERATORS = "operators"  # add, disable operators; set anyone's password
    EVENT_SETTINGS = "event_settings"  # create and switch events, the event's settings
    PURGE = "purge"  # delete the guests' personal data after the event


_CLERK = frozenset({
    Permission.ADMIT, Permission.SEARCH, Permission.BROWSE_GUESTS, Permission.WALK_IN,
    Permission.EDIT_GUEST, Permission.UNDO_OWN, Permission.PRINT_BADGE, Permission.OWN_PASSWORD,
})
_SUPERVISOR = _CLERK | {
    Permission.UNDO_ANY, Permission.REPRINT_BADGE, Permission.REISSUE_BADGE,
    Permission.IMPORT, Permission.SIGNINGS, Permission.REPORTS, Permission.EXPORT,
    Permission.DASHBOARD, Permission.REVEAL_PII, Permission.EXPORT_PII, Permission.AUDIT,
}
_ADMIN = _SUPERVISOR | {Permission.OPERATORS, Permission.EVENT_SETTINGS, Permission.PURGE}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK, Role.SUPERVISOR: frozenset(_SUPERVISOR), Role.ADMIN: frozenset(_ADMIN),
}


def allowed(role: str, action: Permission) -> bool:
    """True when a person of `role` may do `action` (anyone may at an open desk)."""
    if role == OPEN_DESK:
        return True
    try:
        return action in ROLE_PERMISSIONS[Role(role)]
    except ValueError:  # a role this version does not know has no rights
        return False


def lowest_role(action: Permission) -> Role:
    """The least of the roles that may do `action` (named in a refusal, a tooltip)."""
    return next(role for role in Role if action in ROLE_PERMISSIONS[role])


# A role named in a message (the window translates the piece).
ROLE_WORDS = {Role.CLERK: Message("clerk"), Role.SUPERVISOR: Message("supervisor"),
              Role.ADMIN: Message("admin")}


def needed_role(action: Permission) -> Message:
    """The least role that may do `action`, as a piece of a message."""
    return ROLE_WORDS[lowest_role(action)]


def is_role(text: str) -> bool:
    return text in {role.value for role in Role}


def require(desk: Desk, action: Permission, what: str) -> None:
    """Refuse `what` (a command or action, as the message names it) to a desk whose role
    may not do `action`: NotPermittedError (exit 8), nothing done. An open desk may."""
    if not allowed(desk.role, action):
        role = ROLE_WORDS[Role(desk.role)] if is_role(desk.role) else desk.role
        raise NotPermittedError("{action} needs the {needed} role; {operator} is {role}: "
                                "nothing was done.", action=what, needed=needed_role(action),
                                operator=desk.operator or "-", role=role)
