"""What a progress report or discharge summary says, as plain values.

The reports service fills a :class:`ReportData` in one read transaction; the PDF
builders in ``clinic_desktop.reports`` lay it out and compute nothing clinical
themselves. Text is ready to print (dates in the clinic's format, values in its units).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from clinic_desktop.domain.charts import Chart
from clinic_desktop.domain.exercises import Exercise
from clinic_desktop.domain.goals import GoalStanding
from clinic_desktop.domain.run_plan import RunPlan

PROGRESS = "progress"
DISCHARGE = "discharge"
REPORT_KINDS = (PROGRESS, DISCHARGE)
REPORT_TITLES = {PROGRESS: "Progress report", DISCHARGE: "Discharge summary"}


@dataclass(frozen=True)
class Letterhead:
    clinic_name: str
    address: str = ""
    phone: str = ""
    logo: bytes | None = None


@dataclass(frozen=True)
class PatientBlock:
    """Who the report is about and the episode of care it covers."""

    name: str
    birth_date: str
    mrn: str
    diagnosis: str  # "Patellofemoral pain, right (M22.2X1)"
    referral: str
    care_from: str
    care_to: str
    visits_attended: int
    therapist: str  # "Ana Costa, PT, DPT"


@dataclass(frozen=True)
class MeasureRow:
    """One side of one test from the first to the latest visit.

    ``norm`` (on the test's first row) and ``lsi`` (at the latest visit with both sides,
    on the involved side's row) belong to the test and are printed once;
    ``percent_of_norm`` is this side's latest value. Empty text means the figure does not
    apply or is not available.
    """

    test_label: str
    side: str  # "Left", "Right (involved)", or "—" for a test with one value
    first: str
    latest: str
    change: str
    verdict: str  # "improved beyond MDC", "within measurement error", "worse beyond MDC"
    norm: str = ""
    percent_of_norm: str = ""
    lsi: str = ""
    first_of_test: bool = True


@dataclass(frozen=True)
class ScoreRow:
    """A questionnaire total or pain rating, first to latest, against the MCID."""

    name: str
    first: str
    latest: str
    change: str
    verdict: str


@dataclass(frozen=True)
class ProgramLine:
    """One exercise of the home program as printed: name, dosage line, notes, and the
    library entry its illustration is drawn from (``None`` if no longer in the library)."""

    name: str
    dosage: str
    notes: str = ""
    exercise: Exercise | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Section:
    """A titled block of sentences, for sections with no table of their own."""

    title: str
    lines: tuple[str, ...]
    missing: str = ""  # printed instead when there are no lines: why the section is empty


@dataclass(frozen=True)
class ReportData:
    """Everything one report prints. ``kind`` is "progress" or "discharge"."""

    kind: str
    letterhead: Letterhead
    patient: PatientBlock
    report_date: dt.date
    date_text: str
    date_format: str = "yyyy-mm-dd"
    discharge_reason: str = ""
    measures: tuple[MeasureRow, ...] = ()
    measures_missing: str = ""
    measure_notes: tuple[str, ...] = ()
    scores: tuple[ScoreRow, ...] = ()
    scores_missing: str = ""
    charts: tuple[Chart, ...] = ()
    charts_missing: str = ""
    goals: tuple[GoalStanding, ...] = ()
    goals_missing: str = ""
    attendance: Section = field(default_factory=lambda: Section("Attendance", ()))
    sections: tuple[Section, ...] = ()  # adherence, equipment, follow-up, red flags, ...
    program: tuple[ProgramLine, ...] = ()
    program_missing: str = ""
    advice: Section = field(default_factory=lambda: Section("Self-management advice", ()))
    therapist_name: str = ""
    therapist_credentials: str = ""
    signed_on: str = ""
    author: str = ""
    #: The episode's walk/run plan, printed as the handout prints it (distances in the unit).
    run_plan: RunPlan | None = None
    distance_unit: str = "km"

    @property
    def title(self) -> str:
        return REPORT_TITLES[self.kind]
