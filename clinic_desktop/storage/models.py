"""SQLAlchemy models: the clinic's records as tables.

The schema follows the data sketch in the design notes. Constraints hold what is always
true (sides, kinds, 0-10 pain, positive dosages) so that a bug above this layer cannot
write an impossible record. Tables edited from several workstations carry a ``version``
counter: a save based on an older version is refused by SQLAlchemy instead of silently
overwriting the newer one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SIDES = ("left", "right", "none")
EPISODE_SIDES = ("left", "right", "both", "none")
PROGRAM_ADHERENCE = ("", "full", "most", "some", "little")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Versioned:
    """Optimistic concurrency: every UPDATE checks and bumps ``version``."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, nullable=False, default=_now, onupdate=_now
    )


class ClinicSettingsRow(Base, Versioned):
    """The clinic's settings, one row, shared by every workstation."""

    __tablename__ = "clinic_settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(_in("paper_size", ("A4", "Letter")), name="paper_size"),
        CheckConstraint(_in("distance_unit", ("km", "mi")), name="distance_unit"),
        CheckConstraint(_in("force_unit", ("N", "kgf", "lbf")), name="force_unit"),
        CheckConstraint(
            _in("date_format", ("yyyy-mm-dd", "dd/mm/yyyy", "mm/dd/yyyy")), name="date_format"
        ),
        CheckConstraint("length(clinic_name) > 0", name="clinic_name"),
        CheckConstraint("next_mrn_number >= 1", name="next_mrn_number"),
        CheckConstraint("lock_after_minutes BETWEEN 1 AND 120", name="lock_after_minutes"),
        CheckConstraint(
            "progress_report_visits BETWEEN 1 AND 50", name="progress_report_visits"
        ),
        CheckConstraint("progress_report_days BETWEEN 1 AND 365", name="progress_report_days"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    clinic_name: Mapped[str] = mapped_column(String(120), nullable=False)
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_mime: Mapped[str | None] = mapped_column(String(40))
    paper_size: Mapped[str] = mapped_column(String(10), nullable=False, default="A4")
    distance_unit: Mapped[str] = mapped_column(String(4), nullable=False, default="km")
    force_unit: Mapped[str] = mapped_column(String(4), nullable=False, default="N")
    date_format: Mapped[str] = mapped_column(String(12), nullable=False, default="yyyy-mm-dd")
    mrn_prefix: Mapped[str] = mapped_column(String(8), nullable=False, default="P")
    next_mrn_number: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    lock_after_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=10)
    # A progress report is due after this many attended visits or days since the last
    # evaluation or progress report, whichever comes first.
    progress_report_visits: Mapped[int] = mapped_column(Integer, nullable=False, default=10)
    progress_report_days: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    # The clinic's own self-management advice for reports, one line each; None = shipped.
    self_management_advice: Mapped[str | None] = mapped_column(Text)


class UserRow(Base, Versioned):
    __tablename__ = "user"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(120), nullable=False)
    credentials: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)


class PatientRow(Base, Versioned):
    __tablename__ = "patient"
    __table_args__ = (
        CheckConstraint(_in("sex", ("female", "male", "other", "unknown")), name="sex"),
        CheckConstraint("weight_kg IS NULL OR weight_kg BETWEEN 20 AND 250", name="weight"),
        CheckConstraint("height_cm IS NULL OR height_cm BETWEEN 100 AND 230", name="height"),
        CheckConstraint("length(mrn) > 0", name="mrn"),
        CheckConstraint("length(family_name) > 0", name="family_name"),
        # Covering index in list order: a search walks it most-recent-first and stops early.
        Index(
            "ix_patient_recent",
            "last_visit_on",
            "id",
            "search_name",
            "phone_digits",
        ),
        Index("ix_patient_birth_date", "birth_date"),
        Index("ix_patient_phone_digits", "phone_digits"),
        # Covering index: the search scans this instead of the wide patient rows.
        Index(
            "ix_patient_search",
            "search_name",
            "mrn",
            "phone_digits",
            "birth_date",
            "last_visit_on",
        ),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mrn: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    family_name: Mapped[str] = mapped_column(String(80), nullable=False)
    given_name: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    preferred_name: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    birth_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    sex: Mapped[str] = mapped_column(String(8), nullable=False, default="unknown")
    phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    phone_digits: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    emergency_contact: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    referring_provider: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    weight_kg: Mapped[float | None] = mapped_column(Float)
    height_cm: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Accent- and case-folded names, kept by the patient service for search.
    search_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    # Date of the latest attended visit, kept by the visit service; orders the list.
    last_visit_on: Mapped[dt.date | None] = mapped_column(Date)


class EpisodeRow(Base, Versioned):
    """One course of care: injury rehabilitation or performance/prevention."""

    __tablename__ = "episode"
    __table_args__ = (
        CheckConstraint(_in("kind", ("injury", "performance")), name="kind"),
        CheckConstraint(_in("side", EPISODE_SIDES), name="side"),
        CheckConstraint(
            "onset_type IS NULL OR " + _in("onset_type", ("gradual", "sudden")), name="onset_type"
        ),
        CheckConstraint(_in("status", ("active", "on_hold", "discharged")), name="status"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="dates"),
        CheckConstraint(_in("program_adherence", PROGRAM_ADHERENCE), name="program_adherence"),
        Index("ix_episode_patient_status", "patient_id", "status"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patient.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(12), nullable=False, default="injury")
    diagnosis_code: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    diagnosis_label: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    side: Mapped[str] = mapped_column(String(6), nullable=False, default="none")
    onset_date: Mapped[dt.date | None] = mapped_column(Date)
    onset_type: Mapped[str | None] = mapped_column(String(8))
    mechanism: Mapped[str] = mapped_column(Text, nullable=False, default="")
    referral: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="active")
    started_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    discharge_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    ended_against_advice: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Recorded at discharge: how the runner kept to the home program and running plan
    # ("" = not recorded), and the follow-up recommendations and referrals.
    program_adherence: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    adherence_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    follow_up: Mapped[str] = mapped_column(Text, nullable=False, default="")


class RunningProfileRow(Base, Versioned):
    """The runner's training as it stood at the start of an episode (distances in km)."""

    __tablename__ = "running_profile"
    __table_args__ = (
        CheckConstraint(
            "running_status IS NULL OR "
            + _in("running_status", ("stopped", "reduced", "unchanged")),
            name="running_status",
        ),
        CheckConstraint("weekly_km_before IS NULL OR weekly_km_before >= 0", name="km_before"),
        CheckConstraint("weekly_km_now IS NULL OR weekly_km_now >= 0", name="km_now"),
        CheckConstraint(
            "runs_per_week IS NULL OR runs_per_week BETWEEN 0 AND 21", name="runs_per_week"
        ),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    weekly_km_before: Mapped[float | None] = mapped_column(Float)
    weekly_km_now: Mapped[float | None] = mapped_column(Float)
    runs_per_week: Mapped[int | None] = mapped_column(Integer)
    longest_run_km: Mapped[float | None] = mapped_column(Float)
    years_running: Mapped[float | None] = mapped_column(Float)
    usual_pace_s_per_km: Mapped[int | None] = mapped_column(Integer)
    goal_event: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    goal_date: Mapped[dt.date | None] = mapped_column(Date)
    surfaces: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    shoes: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    shoe_km: Mapped[float | None] = mapped_column(Float)
    cross_training: Mapped[str] = mapped_column(Text, nullable=False, default="")
    running_status: Mapped[str | None] = mapped_column(String(10))


class VisitRow(Base, Versioned):
    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint(
            _in("kind", ("initial", "follow_up", "re_evaluation", "discharge")), name="kind"
        ),
        CheckConstraint(_in("attendance", ("attended", "missed", "cancelled")), name="attendance"),
        CheckConstraint(_in("status", ("draft", "signed")), name="status"),
        CheckConstraint("pain_now IS NULL OR pain_now BETWEEN 0 AND 10", name="pain_now"),
        CheckConstraint("pain_best IS NULL OR pain_best BETWEEN 0 AND 10", name="pain_best"),
        CheckConstraint("pain_worst IS NULL OR pain_worst BETWEEN 0 AND 10", name="pain_worst"),
        Index("ix_visit_episode_date", "episode_id", "visit_date"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False
    )
    visit_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(14), nullable=False, default="follow_up")
    attendance: Mapped[str] = mapped_column(String(10), nullable=False, default="attended")
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    pain_now: Mapped[int | None] = mapped_column(Integer)
    pain_best: Mapped[int | None] = mapped_column(Integer)
    pain_worst: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="draft")
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # Test codes chosen for this visit, as a JSON list, so a follow-up can start from them.
    planned_tests: Mapped[str] = mapped_column(Text, nullable=False, default="[]")


class ClinicalHistoryRow(Base, Versioned):
    """The history taken at intake for one episode (pain itself is recorded per visit)."""

    __tablename__ = "clinical_history"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    # JSON list of {"region": ..., "side": ...}
    pain_locations: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    aggravating: Mapped[str] = mapped_column(Text, nullable=False, default="")
    easing: Mapped[str] = mapped_column(Text, nullable=False, default="")
    pattern_24h: Mapped[str] = mapped_column(Text, nullable=False, default="")
    previous_injuries: Mapped[str] = mapped_column(Text, nullable=False, default="")
    medical_history: Mapped[str] = mapped_column(Text, nullable=False, default="")
    medications: Mapped[str] = mapped_column(Text, nullable=False, default="")
    imaging: Mapped[str] = mapped_column(Text, nullable=False, default="")


class RedFlagAnswerRow(Base, Versioned):
    """One red-flag screening question answered for an episode, and its acknowledgement."""

    __tablename__ = "red_flag_answer"
    __table_args__ = (
        UniqueConstraint("episode_id", "code", name="uq_red_flag_answer_episode_code"),
        CheckConstraint(
            "acknowledged_at IS NULL OR length(acknowledgement_note) > 0",
            name="acknowledgement_note",
        ),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False
    )
    code: Mapped[str] = mapped_column(String(60), nullable=False)
    answer: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    acknowledgement_note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DraftRow(Base):
    """Work in progress, saved every few seconds so a crash or a lock loses nothing typed.

    ``form`` names the screen ("intake", "assessment"), ``record_key`` the record it edits
    ("patient:12", "visit:40"); ``payload`` is the form's own JSON.
    """

    __tablename__ = "draft"
    __table_args__ = (
        UniqueConstraint("form", "record_key", name="uq_draft_form_record_key"),
        Index("ix_draft_patient", "patient_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form: Mapped[str] = mapped_column(String(60), nullable=False)
    record_key: Mapped[str] = mapped_column(String(120), nullable=False)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)


class MeasurementRow(Base, Versioned):
    """One value of one test on one side at one visit; the battery says what the code means."""

    __tablename__ = "measurement"
    __table_args__ = (
        CheckConstraint(_in("side", SIDES), name="side"),
        CheckConstraint(_in("mode", ("active", "passive", "none")), name="mode"),
        UniqueConstraint("visit_id", "test_code", "side", "mode", name="uq_measurement_cell"),
        Index("ix_measurement_test_code", "test_code"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), nullable=False
    )
    test_code: Mapped[str] = mapped_column(String(60), nullable=False)
    side: Mapped[str] = mapped_column(String(6), nullable=False)
    mode: Mapped[str] = mapped_column(String(8), nullable=False, default="none")
    value: Mapped[float] = mapped_column(Float, nullable=False)
    unit: Mapped[str] = mapped_column(String(10), nullable=False)
    painful: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Test-specific extras as JSON, e.g. the single-leg squat's compensations.
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")


class MeasurementAmendmentRow(Base):
    """A change to a measurement after its visit was signed: both values and the reason."""

    __tablename__ = "measurement_amendment"
    __table_args__ = (CheckConstraint("length(reason) > 0", name="reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measurement_id: Mapped[int] = mapped_column(
        ForeignKey("measurement.id", ondelete="CASCADE"), nullable=False, index=True
    )
    old_value: Mapped[float] = mapped_column(Float, nullable=False)
    new_value: Mapped[float] = mapped_column(Float, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    amended_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    amended_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)


class OutcomeResponseRow(Base, Versioned):
    """A questionnaire answered at a visit: item answers as JSON and the scored total."""

    __tablename__ = "outcome_response"
    __table_args__ = (
        UniqueConstraint("visit_id", "instrument", name="uq_outcome_response_visit_instrument"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), nullable=False
    )
    instrument: Mapped[str] = mapped_column(String(60), nullable=False)
    answers: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    total: Mapped[float | None] = mapped_column(Float)


class GoalRow(Base, Versioned):
    """A goal set with the patient, optionally measurable, tracked to the end of care."""

    __tablename__ = "goal"
    __table_args__ = (
        CheckConstraint(_in("status", ("open", "met", "partly_met", "not_met")), name="status"),
        CheckConstraint("target_side IS NULL OR " + _in("target_side", SIDES), name="side"),
        CheckConstraint("length(text) > 0", name="text"),
        Index("ix_goal_episode", "episode_id"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    target_test_code: Mapped[str | None] = mapped_column(String(60))
    target_side: Mapped[str | None] = mapped_column(String(6))
    target_value: Mapped[float | None] = mapped_column(Float)
    target_instrument: Mapped[str | None] = mapped_column(String(60))
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="open")
    status_note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ExerciseRow(Base, Versioned):
    """A clinic's own library entry; the shipped library lives in the resources folder."""

    __tablename__ = "exercise"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    category: Mapped[str] = mapped_column(String(40), nullable=False)
    body_region: Mapped[str] = mapped_column(String(40), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    photo_file: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class HomeProgramRow(Base):
    """The home program as handed out at one visit; a later visit gets a new version."""

    __tablename__ = "home_program"
    __table_args__ = (Index("ix_home_program_episode", "episode_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False
    )
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class ProgramItemRow(Base):
    __tablename__ = "program_item"
    __table_args__ = (
        CheckConstraint("sets IS NULL OR sets BETWEEN 1 AND 10", name="sets"),
        CheckConstraint("reps IS NULL OR reps BETWEEN 1 AND 100", name="reps"),
        CheckConstraint("hold_s IS NULL OR hold_s BETWEEN 0 AND 300", name="hold_s"),
        CheckConstraint(
            "times_per_day IS NULL OR times_per_day BETWEEN 1 AND 6", name="times_per_day"
        ),
        CheckConstraint(
            "days_per_week IS NULL OR days_per_week BETWEEN 1 AND 7", name="days_per_week"
        ),
        UniqueConstraint("program_id", "position", name="uq_program_item_position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    program_id: Mapped[int] = mapped_column(
        ForeignKey("home_program.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    exercise_code: Mapped[str] = mapped_column(String(80), nullable=False)
    sets: Mapped[int | None] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    hold_s: Mapped[int | None] = mapped_column(Integer)
    times_per_day: Mapped[int | None] = mapped_column(Integer)
    days_per_week: Mapped[int | None] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    band_level: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ReadinessCriteriaRow(Base):
    """One version of the clinic's return-to-run criteria; verdicts name the version used.

    Versions are only ever added, so a past verdict can always be explained.
    """

    __tablename__ = "readiness_criteria"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, unique=True)
    # JSON: the criteria, their thresholds, which apply, and each one's source.
    criteria: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class RunPlanRow(Base, Versioned):
    """A walk/run plan given to the runner: phases as JSON, and the readiness it followed."""

    __tablename__ = "run_plan"
    __table_args__ = (
        CheckConstraint("days_per_week BETWEEN 1 AND 7", name="days_per_week"),
        CheckConstraint("weekly_cap_percent > 0 AND weekly_cap_percent <= 100", name="cap"),
        Index("ix_run_plan_episode", "episode_id"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False
    )
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))
    template: Mapped[str] = mapped_column(String(80), nullable=False)
    start_phase: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    days_per_week: Mapped[int] = mapped_column(Integer, nullable=False, default=3)
    weekly_cap_percent: Mapped[float] = mapped_column(Float, nullable=False, default=10.0)
    phases: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    # The readiness verdict this plan was generated from, with its criteria version.
    readiness: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    criteria_version: Mapped[int | None] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class RunLogRow(Base, Versioned):
    """One run as the runner reported it (distances in km)."""

    __tablename__ = "run_log"
    __table_args__ = (
        CheckConstraint("distance_km IS NULL OR distance_km >= 0", name="distance"),
        CheckConstraint("duration_min IS NULL OR duration_min >= 0", name="duration"),
        CheckConstraint("effort IS NULL OR effort BETWEEN 0 AND 10", name="effort"),
        CheckConstraint("pain_during IS NULL OR pain_during BETWEEN 0 AND 10", name="pain_during"),
        CheckConstraint("pain_after IS NULL OR pain_after BETWEEN 0 AND 10", name="pain_after"),
        CheckConstraint(
            "pain_next_morning IS NULL OR pain_next_morning BETWEEN 0 AND 10", name="pain_morning"
        ),
        Index("ix_run_log_episode_date", "episode_id", "run_date"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), nullable=False
    )
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("run_plan.id", ondelete="SET NULL"))
    run_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    distance_km: Mapped[float | None] = mapped_column(Float)
    duration_min: Mapped[float | None] = mapped_column(Float)
    intervals: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    effort: Mapped[int | None] = mapped_column(Integer)
    pain_during: Mapped[int | None] = mapped_column(Integer)
    pain_after: Mapped[int | None] = mapped_column(Integer)
    pain_next_morning: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class AuditEventRow(Base):
    """Append-only trail; each row's hash covers its content and the previous row's hash."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_at", "at"),
        Index("ix_audit_event_patient", "patient_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    entity: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    patient_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class DocumentRow(Base):
    """A generated document: what, for whom, by whom, when, and the SHA-256 of its bytes."""

    __tablename__ = "document"
    __table_args__ = (Index("ix_document_patient", "patient_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patient.id", ondelete="CASCADE"), nullable=False
    )
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
