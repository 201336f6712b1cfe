"""Patient search keys: folded names, phone digits and the last visit date, indexed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

from clinic_desktop.domain.patient_rules import fold_name, phone_digits

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("patient") as batch_op:
        batch_op.add_column(
            sa.Column("phone_digits", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("search_name", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("last_visit_on", sa.Date(), nullable=True))
        batch_op.create_index(
            "ix_patient_recent",
            ["last_visit_on", "id", "search_name", "phone_digits"],
            unique=False,
        )
        batch_op.create_index("ix_patient_phone_digits", ["phone_digits"], unique=False)
        batch_op.create_index(
            "ix_patient_search",
            ["search_name", "mrn", "phone_digits", "birth_date", "last_visit_on"],
            unique=False,
        )

    connection = op.get_bind()
    patients = connection.execute(
        sa.text("SELECT id, family_name, given_name, preferred_name, phone FROM patient")
    ).all()
    for row in patients:
        connection.execute(
            sa.text(
                "UPDATE patient SET search_name = :name, phone_digits = :digits WHERE id = :id"
            ),
            {
                "id": row.id,
                "name": fold_name(" ".join((row.family_name, row.given_name, row.preferred_name))),
                "digits": phone_digits(row.phone),
            },
        )
    connection.execute(
        sa.text(
            "UPDATE patient SET last_visit_on = ("
            " SELECT max(v.visit_date) FROM visit v JOIN episode e ON e.id = v.episode_id"
            " WHERE e.patient_id = patient.id AND v.attendance = 'attended')"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("patient") as batch_op:
        batch_op.drop_index("ix_patient_search")
        batch_op.drop_index("ix_patient_phone_digits")
        batch_op.drop_index("ix_patient_recent")
        batch_op.drop_column("last_visit_on")
        batch_op.drop_column("search_name")
        batch_op.drop_column("phone_digits")
