"""The walk/run plan as printed: one table of phases, the rules, and the weeks after.

:func:`run_plan_flowables` turns a :class:`RunPlan` (plain data) into ReportLab flowables
that the exercise handout and the discharge summary both place, so the runner reads the
same plan on either. Distances are shown in the clinic's unit with the other in brackets;
body text is large (12.5 pt) for reading at home.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic_desktop.domain import units
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.run_plan import RunPlan, run_days
from clinic_desktop.reports.fonts import report_fonts

BODY_PT = 12.5
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4a4a4a")
RULE = colors.HexColor("#9aa3ad")
HEAD_FILL = colors.HexColor("#e8eef5")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _styles() -> dict[str, ParagraphStyle]:
    fonts = report_fonts()
    body = ParagraphStyle(
        "plan-body", fontName=fonts.regular, fontSize=BODY_PT, leading=BODY_PT * 1.3, textColor=INK
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "plan-title",
            body,
            fontName=fonts.bold,
            fontSize=17,
            leading=21,
            spaceBefore=4,
            spaceAfter=6,
        ),
        "heading": ParagraphStyle(
            "plan-heading",
            body,
            fontName=fonts.bold,
            fontSize=14,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("plan-cell", body, leading=BODY_PT * 1.15),
        "head": ParagraphStyle("plan-head", body, fontName=fonts.bold, leading=BODY_PT * 1.15),
        "small": ParagraphStyle("plan-small", body, fontSize=9.5, leading=12, textColor=MUTED),
    }


def distance_text(km: float, distance_unit: str, between: str = " ") -> str:
    """A distance in the clinic's unit with the other in brackets: "1.6 km (1 mi)"."""
    other = "mi" if distance_unit == "km" else "km"
    return (
        f"{units.format_distance(km, 'km', distance_unit)}{between}"
        f"({units.format_distance(km, 'km', other)})"
    )


def run_plan_flowables(
    plan: RunPlan,
    *,
    width: float,
    distance_unit: str = "km",
    date_format: str = "yyyy-mm-dd",
    title: str = "Your walk/run plan",
) -> list[Flowable]:
    """The printed plan, ``width`` points wide: phases, rules, then the weeks after."""
    s = _styles()
    days = ", ".join(
        WEEKDAYS[(plan.start_date.weekday() + d - 1) % 7] for d in run_days(plan.days_per_week)
    )
    rest = plan.rules.rest_days_between_runs
    rest_text = f", with {rest} rest day{'s' if rest > 1 else ''} between runs" if rest else ""
    intro = (
        f"Start on {_esc(_day(plan.start_date, date_format))}. Run {plan.days_per_week} "
        f"day{'s' if plan.days_per_week > 1 else ''} a week{rest_text} (for example {days}). "
        f"Do each phase {plan.rules.repeats_per_phase} times before moving to the next. "
        "Effort is how hard the run feels, from 0 (resting) to 10 (flat out)."
    )
    flow: list[Flowable] = [
        Paragraph(_esc(title), s["title"]),
        Paragraph(intro, s["body"]),
        Spacer(1, 3 * mm),
        _phase_table(plan, s, width, distance_unit, date_format),
    ]
    flow.append(KeepTogether([Paragraph("Rules for every run", s["heading"]), _rules(plan, s)]))
    flow.append(
        Paragraph(f"Program: {_esc(plan.template_label)}; {_esc(plan.source)}.", s["small"])
    )
    flow += _after(plan, s, width, distance_unit, date_format)
    return flow


def _phase_table(plan, s, width, distance_unit, date_format) -> Table:
    rows = [
        [
            Paragraph(text, s["head"])
            for text in ("Phase", "Each run", "Distance", "Effort", "Runs", "Planned days")
        ]
    ]
    schedule = plan.runs
    for planned in plan.phases:
        phase = planned.phase
        days = "<br/>".join(
            _day(run.day, date_format) for run in schedule if run.phase_number == phase.number
        )
        effort = "-" if phase.effort_rpe is None else units.format_number(phase.effort_rpe, 1)
        each = phase.intervals_text + ("" if phase.continuous else ", repeated")
        rows.append(
            [
                Paragraph(str(phase.number), s["cell"]),
                Paragraph(each, s["cell"]),
                Paragraph(distance_text(phase.distance_km, distance_unit, "<br/>"), s["cell"]),
                Paragraph(effort, s["cell"]),
                Paragraph(str(planned.runs), s["cell"]),
                Paragraph(days, s["cell"]),
            ]
        )
    fractions = (0.11, 0.26, 0.16, 0.12, 0.10, 0.25)
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _rules(plan: RunPlan, s) -> ListFlowable:
    limit = units.format_number(plan.rules.pain_during_max, 1)
    lines = [
        f"Pain during a run: keep it at {limit}/10 or below. If it goes higher, stop and "
        "repeat the previous phase.",
        f"The next morning, pain should be back to your usual level ({plan.baseline_pain}/10). "
        "If it is not, rest one more day and repeat the phase.",
        "Do not move on while pain, swelling or stiffness is increasing.",
        "Keep to the walk/run times of your phase until you have covered its distance.",
    ]
    items = [ListItem(Paragraph(_esc(line), s["body"]), leftIndent=14) for line in lines]
    return ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=14)


def _after(plan: RunPlan, s, width, distance_unit, date_format) -> list[Flowable]:
    cap = units.format_number(plan.weekly_cap_percent, 1)
    progression = plan.progression
    block: list[Flowable] = [
        Paragraph("After the last phase", s["heading"]),
        Paragraph(
            f"{_esc(progression.rule)} Add at most {cap}% to your weekly distance from one "
            "week to the next.",
            s["body"],
        ),
    ]
    weeks = plan.progression_weeks
    if weeks:
        head = ("Week", "From", "Most distance that week")
        rows = [[Paragraph(text, s["head"]) for text in head]]
        for week in weeks:
            first = plan.start_date + dt.timedelta(days=7 * (week.week - 1))
            cells = (
                str(week.week),
                _day(first, date_format),
                distance_text(week.max_km, distance_unit),
            )
            rows.append([Paragraph(text, s["cell"]) for text in cells])
        table = Table(rows, colWidths=[width * f for f in (0.15, 0.3, 0.4)], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                    ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        block += [Spacer(1, 2 * mm), table, Spacer(1, 2 * mm)]
    if plan.target_weekly_km is not None:
        block.append(
            Paragraph(
                f"Aim: {distance_text(plan.target_weekly_km, distance_unit)} a week, your weekly "
                "distance before the injury.",
                s["body"],
            )
        )
    evidence = " ".join(progression.weekly_cap_evidence)
    block.append(
        Paragraph(
            f"Why {cap}%: a clinic setting, not a proven limit. {_esc(evidence)} "
            f"Distance before pace: {_esc(progression.rule_source).lower()}.",
            s["small"],
        )
    )
    return [KeepTogether(block)]


def _day(day: dt.date, date_format: str) -> str:
    return f"{WEEKDAYS[day.weekday()]} {format_date(day, date_format)}"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
