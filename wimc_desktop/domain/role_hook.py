"""TODO(roles, issue 17): a stand-in permission check, replaced at the merge.

The operators-and-roles work (domain/roles.py, its role matrix) decides who may do what.
Until it is merged here, the audit and privacy commands ask this one function, with the
role each needs: `audit list` supervisor, `purge-personal-data` admin. A desk with no role
(an event with no operators yet: today's open desk) may; a role below the one needed is
refused (exit 8, nothing changed). The lead wires `require_role` to the role matrix.
"""

from __future__ import annotations

from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import DeskError

RANK = {"clerk": 1, "supervisor": 2, "admin": 3}


class NotPermittedError(DeskError):
    """The operator's role does not allow the action (exit 8); nothing was changed."""

    exit_code = 8


def require_role(desk: Desk, needed: str, action: str) -> None:
    """Refuse `action` to a desk whose role ranks below `needed` (see the module's TODO)."""
    if desk.role and RANK.get(desk.role, 0) < RANK[needed]:
        raise NotPermittedError("{action} needs the {needed} role; {operator} is {role}: "
                                "nothing was done.", action=action, needed=needed,
                                operator=desk.operator or "-", role=desk.role)
