"""Discharge details and the progress-report interval.

The episode keeps what the discharge summary reports beyond the measures: adherence to the
home program and running plan, and the follow-up recommendations and referrals. The clinic
sets how many visits or days may pass before a progress report is due, and may write its
own self-management advice for the reports.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ADHERENCE = "program_adherence IN ('', 'full', 'most', 'some', 'little')"


def upgrade() -> None:
    with op.batch_alter_table("clinic_settings") as batch_op:
        batch_op.add_column(
            sa.Column("progress_report_visits", sa.Integer(), nullable=False, server_default="10")
        )
        batch_op.add_column(
            sa.Column("progress_report_days", sa.Integer(), nullable=False, server_default="30")
        )
        batch_op.add_column(sa.Column("self_management_advice", sa.Text(), nullable=True))
        batch_op.create_check_constraint(
            "ck_clinic_settings_progress_report_visits", "progress_report_visits BETWEEN 1 AND 50"
        )
        batch_op.create_check_constraint(
            "ck_clinic_settings_progress_report_days", "progress_report_days BETWEEN 1 AND 365"
        )
    with op.batch_alter_table("episode") as batch_op:
        batch_op.add_column(
            sa.Column("program_adherence", sa.String(length=10), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("adherence_note", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("follow_up", sa.Text(), nullable=False, server_default=""))
        batch_op.create_check_constraint("ck_episode_program_adherence", _ADHERENCE)


def downgrade() -> None:
    with op.batch_alter_table("episode") as batch_op:
        batch_op.drop_constraint("ck_episode_program_adherence", type_="check")
        batch_op.drop_column("follow_up")
        batch_op.drop_column("adherence_note")
        batch_op.drop_column("program_adherence")
    with op.batch_alter_table("clinic_settings") as batch_op:
        batch_op.drop_constraint("ck_clinic_settings_progress_report_days", type_="check")
        batch_op.drop_constraint("ck_clinic_settings_progress_report_visits", type_="check")
        batch_op.drop_column("self_management_advice")
        batch_op.drop_column("progress_report_days")
        batch_op.drop_column("progress_report_visits")
