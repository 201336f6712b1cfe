"""Intake history, red-flag answers, autosaved drafts, and the tests planned per visit.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=60), nullable=False),
        sa.Column("record_key", sa.String(length=120), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_draft_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_draft_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft")),
        sa.UniqueConstraint("form", "record_key", name="uq_draft_form_record_key"),
    )
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.create_index("ix_draft_patient", ["patient_id"], unique=False)

    op.create_table(
        "clinical_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("pain_locations", sa.Text(), nullable=False),
        sa.Column("aggravating", sa.Text(), nullable=False),
        sa.Column("easing", sa.Text(), nullable=False),
        sa.Column("pattern_24h", sa.Text(), nullable=False),
        sa.Column("previous_injuries", sa.Text(), nullable=False),
        sa.Column("medical_history", sa.Text(), nullable=False),
        sa.Column("medications", sa.Text(), nullable=False),
        sa.Column("imaging", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_clinical_history_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinical_history")),
        sa.UniqueConstraint("episode_id", name=op.f("uq_clinical_history_episode_id")),
    )
    op.create_table(
        "red_flag_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("answer", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledgement_note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "acknowledged_at IS NULL OR length(acknowledgement_note) > 0",
            name=op.f("ck_red_flag_answer_acknowledgement_note"),
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"], ["user.id"], name=op.f("fk_red_flag_answer_acknowledged_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_red_flag_answer_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["user.id"], name=op.f("fk_red_flag_answer_recorded_by_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_red_flag_answer")),
        sa.UniqueConstraint("episode_id", "code", name="uq_red_flag_answer_episode_code"),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("planned_tests", sa.Text(), nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("planned_tests")

    op.drop_table("red_flag_answer")
    op.drop_table("clinical_history")
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.drop_index("ix_draft_patient")

    op.drop_table("draft")
