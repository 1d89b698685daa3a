"""The first schema: cases, parties, narratives, analyses, tasks, contacts, users, API keys, login
sessions and the append-only audit log (refused UPDATE/DELETE by triggers on SQLite and PostgreSQL).

Revision ID: 1
"""
import sqlalchemy as sa
from alembic import op

revision = "1"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("narrative_count", sa.Integer, nullable=False),
        sa.UniqueConstraint("number", name="uq_cases_number"))
    op.create_table(
        "parties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE", name="fk_parties_case_id"),
                  nullable=False, index=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("label_enc", sa.LargeBinary),
        sa.Column("details_enc", sa.LargeBinary))
    op.create_table(
        "narratives",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE", name="fk_narratives_case_id"),
                  nullable=False, index=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("text_enc", sa.LargeBinary, nullable=False),
        sa.Column("received_on", sa.Date),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("case_id", "seq", name="uq_narratives_case_id_seq"))
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE", name="fk_analyses_case_id"),
                  nullable=False, index=True),
        sa.Column("narrative_id", sa.Integer,
                  sa.ForeignKey("narratives.id", ondelete="CASCADE", name="fk_analyses_narrative_id")),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("request_enc", sa.LargeBinary, nullable=False),
        sa.Column("result_enc", sa.LargeBinary, nullable=False),
        sa.Column("legalcheck_version", sa.String(32), nullable=False),
        sa.Column("data_version", sa.String(80), nullable=False),
        sa.Column("risk_level", sa.String(16)),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False))
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE", name="fk_tasks_case_id"),
                  nullable=False, index=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("months", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("order_kind", sa.String(40)),
        sa.Column("order_date", sa.Date),
        sa.Column("contact_id", sa.Integer),
        sa.Column("created_at", TS, nullable=False))
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE", name="fk_contacts_case_id"),
                  nullable=False, index=True),
        sa.Column("task_id", sa.Integer, sa.ForeignKey("tasks.id", ondelete="SET NULL", name="fk_contacts_task_id")),
        sa.Column("contacted_on", sa.Date, nullable=False),
        sa.Column("means", sa.String(32), nullable=False),
        sa.Column("reached", sa.Boolean, nullable=False),
        sa.Column("items_enc", sa.LargeBinary, nullable=False),
        sa.Column("recidivism", sa.String(16), nullable=False),
        sa.Column("retaliation", sa.String(16), nullable=False),
        sa.Column("risk_note_enc", sa.LargeBinary),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("stop_reason", sa.String(16)),
        sa.Column("victim_informed", sa.Boolean),
        sa.Column("reason_enc", sa.LargeBinary),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False))
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TS, nullable=False, index=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16)),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("case_id", sa.Integer, index=True),
        sa.Column("case_number", sa.String(64)),
        sa.Column("client", sa.String(64)),
        sa.Column("channel", sa.String(16)),
        sa.Column("request_id", sa.String(64)),
        sa.Column("detail", sa.String(400)))
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("username", name="uq_users_username"))
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("revoked_at", TS),
        sa.UniqueConstraint("digest", name="uq_api_keys_digest"))
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_digest", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE", name="fk_login_sessions_user_id"),
                  nullable=False, index=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.UniqueConstraint("token_digest", name="uq_login_sessions_token_digest"))
    _append_only_triggers()


def _append_only_triggers() -> None:
    """The database itself refuses to change or remove an audit entry (not only the application)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$")
        op.execute("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
        op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()")
    else:
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
        op.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")


def downgrade() -> None:
    raise NotImplementedError("the first schema is not taken down (the audit log is kept)")
