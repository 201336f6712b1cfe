"""Return to running: versioned readiness criteria, walk/run plans and the running log.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "readiness_criteria",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_readiness_criteria_created_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_readiness_criteria")),
        sa.UniqueConstraint("version", name=op.f("uq_readiness_criteria_version")),
    )
    op.create_table(
        "run_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("template", sa.String(length=80), nullable=False),
        sa.Column("start_phase", sa.Integer(), nullable=False),
        sa.Column("days_per_week", sa.Integer(), nullable=False),
        sa.Column("weekly_cap_percent", sa.Float(), nullable=False),
        sa.Column("phases", sa.Text(), nullable=False),
        sa.Column("readiness", sa.Text(), nullable=False),
        sa.Column("criteria_version", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("days_per_week BETWEEN 1 AND 7", name=op.f("ck_run_plan_days_per_week")),
        sa.CheckConstraint(
            "weekly_cap_percent > 0 AND weekly_cap_percent <= 100", name=op.f("ck_run_plan_cap")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_run_plan_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_run_plan_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_run_plan_visit_id_visit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_plan")),
    )
    with op.batch_alter_table("run_plan", schema=None) as batch_op:
        batch_op.create_index("ix_run_plan_episode", ["episode_id"], unique=False)

    op.create_table(
        "run_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("distance_km", sa.Float(), nullable=True),
        sa.Column("duration_min", sa.Float(), nullable=True),
        sa.Column("intervals", sa.String(length=120), nullable=False),
        sa.Column("effort", sa.Integer(), nullable=True),
        sa.Column("pain_during", sa.Integer(), nullable=True),
        sa.Column("pain_after", sa.Integer(), nullable=True),
        sa.Column("pain_next_morning", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "distance_km IS NULL OR distance_km >= 0", name=op.f("ck_run_log_distance")
        ),
        sa.CheckConstraint(
            "duration_min IS NULL OR duration_min >= 0", name=op.f("ck_run_log_duration")
        ),
        sa.CheckConstraint(
            "effort IS NULL OR effort BETWEEN 0 AND 10", name=op.f("ck_run_log_effort")
        ),
        sa.CheckConstraint(
            "pain_after IS NULL OR pain_after BETWEEN 0 AND 10", name=op.f("ck_run_log_pain_after")
        ),
        sa.CheckConstraint(
            "pain_during IS NULL OR pain_during BETWEEN 0 AND 10",
            name=op.f("ck_run_log_pain_during"),
        ),
        sa.CheckConstraint(
            "pain_next_morning IS NULL OR pain_next_morning BETWEEN 0 AND 10",
            name=op.f("ck_run_log_pain_morning"),
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_run_log_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["run_plan.id"],
            name=op.f("fk_run_log_plan_id_run_plan"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_log")),
    )
    with op.batch_alter_table("run_log", schema=None) as batch_op:
        batch_op.create_index("ix_run_log_episode_date", ["episode_id", "run_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("run_log", schema=None) as batch_op:
        batch_op.drop_index("ix_run_log_episode_date")

    op.drop_table("run_log")
    with op.batch_alter_table("run_plan", schema=None) as batch_op:
        batch_op.drop_index("ix_run_plan_episode")

    op.drop_table("run_plan")
    op.drop_table("readiness_criteria")
