"""Initial schema: patients, episodes, visits, measurements, outcomes, goals, programs,
users, audit trail, documents and clinic settings.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clinic_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clinic_name", sa.String(length=120), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_mime", sa.String(length=40), nullable=True),
        sa.Column("paper_size", sa.String(length=10), nullable=False),
        sa.Column("distance_unit", sa.String(length=4), nullable=False),
        sa.Column("force_unit", sa.String(length=4), nullable=False),
        sa.Column("date_format", sa.String(length=12), nullable=False),
        sa.Column("mrn_prefix", sa.String(length=8), nullable=False),
        sa.Column("next_mrn_number", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "date_format IN ('yyyy-mm-dd', 'dd/mm/yyyy', 'mm/dd/yyyy')",
            name=op.f("ck_clinic_settings_date_format"),
        ),
        sa.CheckConstraint(
            "distance_unit IN ('km', 'mi')", name=op.f("ck_clinic_settings_distance_unit")
        ),
        sa.CheckConstraint(
            "force_unit IN ('N', 'kgf', 'lbf')", name=op.f("ck_clinic_settings_force_unit")
        ),
        sa.CheckConstraint(
            "paper_size IN ('A4', 'Letter')", name=op.f("ck_clinic_settings_paper_size")
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_clinic_settings_single_row")),
        sa.CheckConstraint("length(clinic_name) > 0", name=op.f("ck_clinic_settings_clinic_name")),
        sa.CheckConstraint("next_mrn_number >= 1", name=op.f("ck_clinic_settings_next_mrn_number")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinic_settings")),
    )
    op.create_table(
        "exercise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("body_region", sa.String(length=40), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("photo_file", sa.String(length=200), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise")),
        sa.UniqueConstraint("code", name=op.f("uq_exercise_code")),
    )
    op.create_table(
        "patient",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mrn", sa.String(length=20), nullable=False),
        sa.Column("family_name", sa.String(length=80), nullable=False),
        sa.Column("given_name", sa.String(length=80), nullable=False),
        sa.Column("preferred_name", sa.String(length=80), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=8), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("emergency_contact", sa.String(length=200), nullable=False),
        sa.Column("referring_provider", sa.String(length=200), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=True),
        sa.Column("height_cm", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "sex IN ('female', 'male', 'other', 'unknown')", name=op.f("ck_patient_sex")
        ),
        sa.CheckConstraint(
            "height_cm IS NULL OR height_cm BETWEEN 100 AND 230", name=op.f("ck_patient_height")
        ),
        sa.CheckConstraint("length(family_name) > 0", name=op.f("ck_patient_family_name")),
        sa.CheckConstraint("length(mrn) > 0", name=op.f("ck_patient_mrn")),
        sa.CheckConstraint(
            "weight_kg IS NULL OR weight_kg BETWEEN 20 AND 250", name=op.f("ck_patient_weight")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient")),
        sa.UniqueConstraint("mrn", name=op.f("uq_patient_mrn")),
    )
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.create_index("ix_patient_birth_date", ["birth_date"], unique=False)

    op.create_table(
        "user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("credentials", sa.String(length=60), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("roles", sa.String(length=100), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user")),
        sa.UniqueConstraint("username", name=op.f("uq_user_username")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_audit_event_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_event_patient", ["patient_id"], unique=False)

    op.create_table(
        "episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("diagnosis_code", sa.String(length=12), nullable=False),
        sa.Column("diagnosis_label", sa.String(length=200), nullable=False),
        sa.Column("side", sa.String(length=6), nullable=False),
        sa.Column("onset_date", sa.Date(), nullable=True),
        sa.Column("onset_type", sa.String(length=8), nullable=True),
        sa.Column("mechanism", sa.Text(), nullable=False),
        sa.Column("referral", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("discharge_reason", sa.Text(), nullable=False),
        sa.Column("ended_against_advice", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('injury', 'performance')", name=op.f("ck_episode_kind")),
        sa.CheckConstraint(
            "onset_type IS NULL OR onset_type IN ('gradual', 'sudden')",
            name=op.f("ck_episode_onset_type"),
        ),
        sa.CheckConstraint(
            "side IN ('left', 'right', 'both', 'none')", name=op.f("ck_episode_side")
        ),
        sa.CheckConstraint(
            "status IN ('active', 'on_hold', 'discharged')", name=op.f("ck_episode_status")
        ),
        sa.CheckConstraint(
            "ended_on IS NULL OR ended_on >= started_on", name=op.f("ck_episode_dates")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_episode_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episode")),
    )
    with op.batch_alter_table("episode", schema=None) as batch_op:
        batch_op.create_index("ix_episode_patient_status", ["patient_id", "status"], unique=False)

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("printed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user.id"], name=op.f("fk_document_created_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_document_episode_id_episode"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_document_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index("ix_document_patient", ["patient_id"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target_test_code", sa.String(length=60), nullable=True),
        sa.Column("target_side", sa.String(length=6), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_instrument", sa.String(length=60), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'met', 'partly_met', 'not_met')", name=op.f("ck_goal_status")
        ),
        sa.CheckConstraint(
            "target_side IS NULL OR target_side IN ('left', 'right', 'none')",
            name=op.f("ck_goal_side"),
        ),
        sa.CheckConstraint("length(text) > 0", name=op.f("ck_goal_text")),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_goal_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index("ix_goal_episode", ["episode_id"], unique=False)

    op.create_table(
        "running_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("weekly_km_before", sa.Float(), nullable=True),
        sa.Column("weekly_km_now", sa.Float(), nullable=True),
        sa.Column("runs_per_week", sa.Integer(), nullable=True),
        sa.Column("longest_run_km", sa.Float(), nullable=True),
        sa.Column("years_running", sa.Float(), nullable=True),
        sa.Column("usual_pace_s_per_km", sa.Integer(), nullable=True),
        sa.Column("goal_event", sa.String(length=200), nullable=False),
        sa.Column("goal_date", sa.Date(), nullable=True),
        sa.Column("surfaces", sa.String(length=200), nullable=False),
        sa.Column("shoes", sa.String(length=200), nullable=False),
        sa.Column("shoe_km", sa.Float(), nullable=True),
        sa.Column("cross_training", sa.Text(), nullable=False),
        sa.Column("running_status", sa.String(length=10), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "running_status IS NULL OR running_status IN ('stopped', 'reduced', 'unchanged')",
            name=op.f("ck_running_profile_running_status"),
        ),
        sa.CheckConstraint(
            "runs_per_week IS NULL OR runs_per_week BETWEEN 0 AND 21",
            name=op.f("ck_running_profile_runs_per_week"),
        ),
        sa.CheckConstraint(
            "weekly_km_before IS NULL OR weekly_km_before >= 0",
            name=op.f("ck_running_profile_km_before"),
        ),
        sa.CheckConstraint(
            "weekly_km_now IS NULL OR weekly_km_now >= 0", name=op.f("ck_running_profile_km_now")
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_running_profile_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_running_profile")),
        sa.UniqueConstraint("episode_id", name=op.f("uq_running_profile_episode_id")),
    )
    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=14), nullable=False),
        sa.Column("attendance", sa.String(length=10), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=True),
        sa.Column("pain_now", sa.Integer(), nullable=True),
        sa.Column("pain_best", sa.Integer(), nullable=True),
        sa.Column("pain_worst", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "attendance IN ('attended', 'missed', 'cancelled')", name=op.f("ck_visit_attendance")
        ),
        sa.CheckConstraint(
            "kind IN ('initial', 'follow_up', 're_evaluation', 'discharge')",
            name=op.f("ck_visit_kind"),
        ),
        sa.CheckConstraint("status IN ('draft', 'signed')", name=op.f("ck_visit_status")),
        sa.CheckConstraint(
            "pain_best IS NULL OR pain_best BETWEEN 0 AND 10", name=op.f("ck_visit_pain_best")
        ),
        sa.CheckConstraint(
            "pain_now IS NULL OR pain_now BETWEEN 0 AND 10", name=op.f("ck_visit_pain_now")
        ),
        sa.CheckConstraint(
            "pain_worst IS NULL OR pain_worst BETWEEN 0 AND 10", name=op.f("ck_visit_pain_worst")
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_visit_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["signed_by"], ["user.id"], name=op.f("fk_visit_signed_by_user")),
        sa.ForeignKeyConstraint(
            ["therapist_id"], ["user.id"], name=op.f("fk_visit_therapist_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_episode_date", ["episode_id", "visit_date"], unique=False)

    op.create_table(
        "home_program",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_home_program_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["user.id"], name=op.f("fk_home_program_issued_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_home_program_visit_id_visit"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_program")),
    )
    with op.batch_alter_table("home_program", schema=None) as batch_op:
        batch_op.create_index("ix_home_program_episode", ["episode_id"], unique=False)

    op.create_table(
        "measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("test_code", sa.String(length=60), nullable=False),
        sa.Column("side", sa.String(length=6), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("painful", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "mode IN ('active', 'passive', 'none')", name=op.f("ck_measurement_mode")
        ),
        sa.CheckConstraint("side IN ('left', 'right', 'none')", name=op.f("ck_measurement_side")),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_measurement_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement")),
        sa.UniqueConstraint("visit_id", "test_code", "side", "mode", name="uq_measurement_cell"),
    )
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.create_index("ix_measurement_test_code", ["test_code"], unique=False)

    op.create_table(
        "outcome_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=60), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_outcome_response_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_response")),
        sa.UniqueConstraint("visit_id", "instrument", name="uq_outcome_response_visit_instrument"),
    )
    op.create_table(
        "measurement_amendment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measurement_id", sa.Integer(), nullable=False),
        sa.Column("old_value", sa.Float(), nullable=False),
        sa.Column("new_value", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("amended_by", sa.Integer(), nullable=True),
        sa.Column("amended_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(reason) > 0", name=op.f("ck_measurement_amendment_reason")),
        sa.ForeignKeyConstraint(
            ["amended_by"], ["user.id"], name=op.f("fk_measurement_amendment_amended_by_user")
        ),
        sa.ForeignKeyConstraint(
            ["measurement_id"],
            ["measurement.id"],
            name=op.f("fk_measurement_amendment_measurement_id_measurement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement_amendment")),
    )
    with op.batch_alter_table("measurement_amendment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measurement_amendment_measurement_id"), ["measurement_id"], unique=False
        )

    op.create_table(
        "program_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_code", sa.String(length=80), nullable=False),
        sa.Column("sets", sa.Integer(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("hold_s", sa.Integer(), nullable=True),
        sa.Column("times_per_day", sa.Integer(), nullable=True),
        sa.Column("days_per_week", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(length=12), nullable=False),
        sa.Column("band_level", sa.String(length=30), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "days_per_week IS NULL OR days_per_week BETWEEN 1 AND 7",
            name=op.f("ck_program_item_days_per_week"),
        ),
        sa.CheckConstraint(
            "hold_s IS NULL OR hold_s BETWEEN 0 AND 300", name=op.f("ck_program_item_hold_s")
        ),
        sa.CheckConstraint(
            "reps IS NULL OR reps BETWEEN 1 AND 100", name=op.f("ck_program_item_reps")
        ),
        sa.CheckConstraint(
            "sets IS NULL OR sets BETWEEN 1 AND 10", name=op.f("ck_program_item_sets")
        ),
        sa.CheckConstraint(
            "times_per_day IS NULL OR times_per_day BETWEEN 1 AND 6",
            name=op.f("ck_program_item_times_per_day"),
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["home_program.id"],
            name=op.f("fk_program_item_program_id_home_program"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_item")),
        sa.UniqueConstraint("program_id", "position", name="uq_program_item_position"),
    )


def downgrade() -> None:
    op.drop_table("program_item")
    with op.batch_alter_table("measurement_amendment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measurement_amendment_measurement_id"))

    op.drop_table("measurement_amendment")
    op.drop_table("outcome_response")
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.drop_index("ix_measurement_test_code")

    op.drop_table("measurement")
    with op.batch_alter_table("home_program", schema=None) as batch_op:
        batch_op.drop_index("ix_home_program_episode")

    op.drop_table("home_program")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_episode_date")

    op.drop_table("visit")
    op.drop_table("running_profile")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_episode")

    op.drop_table("goal")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index("ix_document_patient")

    op.drop_table("document")
    with op.batch_alter_table("episode", schema=None) as batch_op:
        batch_op.drop_index("ix_episode_patient_status")

    op.drop_table("episode")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_patient")
        batch_op.drop_index("ix_audit_event_at")

    op.drop_table("audit_event")
    op.drop_table("user")
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_index("ix_patient_birth_date")

    op.drop_table("patient")
    op.drop_table("exercise")
    op.drop_table("clinic_settings")
