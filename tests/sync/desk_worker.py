"""One desk process of the many-desks tests: admits the given codes one by one, each
followed by one short push (as the desk's command line does), then prints a JSON line
with what it admitted. Run: desk_worker.py DESK_FILE DESK DAY CODE..."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.sync.desk import try_push


def main() -> int:
    path, name, day, codes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    db = open_event_database(path)
    outcomes: dict[str, int] = {}
    synced = 0
    for code in codes:
        result = check_in(db, code, day=dt.date.fromisoformat(day), desk=Desk(name, "op"))
        outcomes[result.outcome.value] = outcomes.get(result.outcome.value, 0) + 1
        synced += try_push(db, timeout=2.0)
    db.dispose()
    print(json.dumps({"desk": name, "outcomes": outcomes, "synced": synced}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
