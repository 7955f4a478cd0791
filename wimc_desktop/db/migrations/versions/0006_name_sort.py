"""Names in the order of a Chinese list: the pinyin syllable by syllable (guest.name_sort).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Sorted by the joined pinyin, 程昊磊 (chenghaolei) fell between 陈彬超 (chenbinchao) and
陈浩刚 (chenhaogang); by syllables ("chen hao gang" < "cheng hao lei") every 陈 comes
before every 程, as in a dictionary or a phone's contacts. The new key replaces the
joined pinyin in the name index (writes keep the same number of indexes) and in the
search index's order; the index's format changes, so db.migrate.upgrade_to_head builds it
again after the upgrade.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_CHUNK = 5000


def _fill(conn: sa.Connection) -> None:
    from wimc_desktop.domain.names import name_keys

    rows = conn.execute(sa.text("SELECT id, name FROM guest")).all()
    update = sa.text("UPDATE guest SET name_sort = :sort WHERE id = :id")
    for start in range(0, len(rows), _CHUNK):
        conn.execute(update, [{"id": gid, "sort": name_keys(name).sort}
                              for gid, name in rows[start:start + _CHUNK]])


def upgrade() -> None:
    op.add_column("guest", sa.Column("name_sort", sa.String(200), nullable=False,
                                     server_default=""))
    conn = op.get_bind()
    _fill(conn)
    op.drop_index("ix_guest_name_pinyin_name", table_name="guest")
    op.create_index("ix_guest_name_sort_name", "guest", ["name_sort", "name"])


def downgrade() -> None:
    op.drop_index("ix_guest_name_sort_name", table_name="guest")
    op.create_index("ix_guest_name_pinyin_name", "guest", ["name_pinyin", "name"])
    with op.batch_alter_table("guest") as batch:
        batch.drop_column("name_sort")
