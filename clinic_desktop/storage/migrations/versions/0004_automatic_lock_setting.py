"""The clinic's automatic screen lock: minutes of inactivity before the screen locks.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clinic_settings") as batch_op:
        batch_op.add_column(
            sa.Column("lock_after_minutes", sa.Integer(), nullable=False, server_default="10")
        )
        batch_op.create_check_constraint(
            "ck_clinic_settings_lock_after_minutes", "lock_after_minutes BETWEEN 1 AND 120"
        )


def downgrade() -> None:
    with op.batch_alter_table("clinic_settings") as batch_op:
        batch_op.drop_constraint("ck_clinic_settings_lock_after_minutes", type_="check")
        batch_op.drop_column("lock_after_minutes")
