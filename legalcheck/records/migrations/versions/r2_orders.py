"""Orders and their extensions as rows of their own: each 禁止命令等 of a case with its last day, an
extension pointing at the order it extends; tasks hang on their order (order_id), so an extension
re-plans them. Existing tasks get the order made from their (order_kind, order_date). Also an index
for the due-contacts list across cases.

Revision ID: 2
Revises: 1
"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "2"
down_revision = "1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE", name="fk_orders_case_id"),
                  nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("ordered_on", sa.Date, nullable=False),
        sa.Column("last_day", sa.Date),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("orders.id", ondelete="CASCADE", name="fk_orders_parent_id")),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("case_id", "kind", "ordered_on", name="uq_orders_case_id_kind_ordered_on"))
    # a plain ADD COLUMN (no table rebuild: rebuilding `tasks` would fire contacts' ON DELETE SET NULL)
    if op.get_bind().dialect.name == "sqlite":   # SQLite takes a REFERENCES clause in ADD COLUMN only
        op.execute("ALTER TABLE tasks ADD COLUMN order_id INTEGER REFERENCES orders (id) ON DELETE CASCADE")
    else:
        op.add_column("tasks", sa.Column("order_id", sa.Integer,
                                         sa.ForeignKey("orders.id", ondelete="CASCADE", name="fk_tasks_order_id")))
    op.create_index("ix_tasks_status_due_on", "tasks", ["status", "due_on"])

    from legalcheck.law.orders import order_last_day   # the same validity rule the analysis uses

    bind = op.get_bind()
    now = datetime.now(timezone.utc)
    orders = sa.table("orders", sa.column("id", sa.Integer), sa.column("case_id", sa.Integer),
                      sa.column("kind", sa.String), sa.column("ordered_on", sa.Date), sa.column("last_day", sa.Date),
                      sa.column("recorded_at", sa.DateTime(timezone=True)))
    tasks = sa.table("tasks", sa.column("case_id", sa.Integer), sa.column("order_kind", sa.String),
                     sa.column("order_date", sa.Date), sa.column("order_id", sa.Integer))
    rows = bind.execute(sa.select(tasks.c.case_id, tasks.c.order_kind, tasks.c.order_date)
                        .where(tasks.c.order_date.is_not(None), tasks.c.order_kind.is_not(None)).distinct()).all()
    for case_id, kind, ordered_on in rows:
        oid = bind.execute(orders.insert().values(case_id=case_id, kind=kind, ordered_on=ordered_on,
                                                  last_day=order_last_day(kind, ordered_on), recorded_at=now)
                           .returning(orders.c.id)).scalar_one()
        bind.execute(tasks.update().where(tasks.c.case_id == case_id, tasks.c.order_kind == kind,
                                          tasks.c.order_date == ordered_on).values(order_id=oid))


def downgrade() -> None:
    op.drop_index("ix_tasks_status_due_on", "tasks")
    with op.batch_alter_table("tasks") as batch:
        batch.drop_column("order_id")
    op.drop_table("orders")
