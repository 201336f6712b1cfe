"""Home programs: the episode's exercises with their dosage, versioned per visit.

Versions: a program is kept per visit. The first change after a new visit starts a new
version for that visit, copying the previous one; earlier versions are never changed, so
what a patient was given, and when, can always be shown again. Changes go to the
episode's latest attended visit (or to no visit while the episode has none).

Stale saves: every change quotes the version the screen shows (``shown_id``, ``None`` for
no program yet). If another workstation started a newer version meanwhile, the change is
refused with ``StaleRecord`` and nothing is saved.

Templates live in a JSON file beside the SQLite database, named after it
(``clinic-program-templates.json``), since the schema has no table for them; each save is
audited in the database. A clinic on a database server has no templates.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dosage import Dosage, validate_dosage
from clinic_desktop.domain.errors import (
    ClinicError,
    NotFound,
    StaleRecord,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.domain.exercises import Library
from clinic_desktop.domain.home_program import (
    MAX_ITEMS,
    HomeProgram,
    ProgramItem,
    ProgramTemplate,
    ProgramVersion,
    check_template_name,
)
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.services.exercise_library import LibrarySource
from clinic_desktop.services.program_templates import TemplateFile
from clinic_desktop.storage.models import (
    EpisodeRow,
    HomeProgramRow,
    ProgramItemRow,
    UserRow,
    VisitRow,
)

PROGRAM_ADVICE = "It can still be printed; start a new episode to give a new program."
STALE = (
    "The home program was changed at another workstation after you opened it. Nothing was "
    "saved; the program as it is now is shown, make your change again."
)
_DOSAGE_COLUMNS = ("sets", "reps", "hold_s", "times_per_day", "days_per_week")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ProgramService(Service):
    """The home program of an episode of care, its versions, and the clinic's templates."""

    def __init__(
        self,
        database,
        source: LibrarySource,
        templates_file: Path | None = None,
        access: Access | None = None,
    ) -> None:
        super().__init__(database, access)
        self._source = source
        self._templates = TemplateFile(templates_file)

    # --- reading ---------------------------------------------------------------------------

    @requires(Permission.CLINICAL_READ)
    def current(self, episode_id: int) -> HomeProgram | None:
        """The episode's latest version with its items, or ``None`` if it has none yet."""
        with self._db.reading() as session:
            row = _current_row(session, episode_id)
            return None if row is None else program_of(session, row, self._source.library())

    @requires(Permission.CLINICAL_READ)
    def program(self, program_id: int) -> HomeProgram:
        """One version with its items (an earlier one, to show what was given then)."""
        with self._db.reading() as session:
            row = session.get(HomeProgramRow, program_id)
            if row is None:
                raise NotFound("This version of the home program is no longer on file.")
            return program_of(session, row, self._source.library())

    @requires(Permission.CLINICAL_READ)
    def versions(self, episode_id: int) -> tuple[ProgramVersion, ...]:
        """The episode's versions, newest first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(HomeProgramRow)
                .where(HomeProgramRow.episode_id == episode_id)
                .order_by(HomeProgramRow.id.desc())
            ).all()
            return tuple(_version(session, row) for row in rows)

    # --- changing the current version ---------------------------------------------------------

    @requires(Permission.CLINICAL_WRITE)
    def add_exercise(
        self, episode_id: int, shown_id: int | None, exercise_id: str, dosage: Dosage | None = None
    ) -> HomeProgram:
        """Add an exercise at the end with its default dosage (or ``dosage``)."""
        library = self._source.library()
        exercise = library.get(exercise_id)
        with self._db.transaction() as session:
            row, items = self._working(session, episode_id, shown_id)
            if len(items) >= MAX_ITEMS:
                raise ClinicError(
                    f"A home program holds at most {MAX_ITEMS} exercises; "
                    "remove one before adding another."
                )
            item = ProgramItemRow(program_id=row.id, position=len(items), exercise_code=exercise.id)
            _set_dosage(item, dosage or exercise.dosage)
            session.add(item)
            session.flush()
            self._audit(session, "home_program.add", row, {"exercise": exercise.id})
            return program_of(session, row, library)

    @requires(Permission.CLINICAL_WRITE)
    def remove_item(self, episode_id: int, shown_id: int | None, item_id: int) -> HomeProgram:
        """Remove one exercise; the others close up."""
        with self._db.transaction() as session:
            row, items = self._working(session, episode_id, shown_id)
            target = _mapped(session, items, shown_id, row, item_id)
            items.remove(target)
            code = target.exercise_code
            session.delete(target)
            session.flush()
            _renumber(session, items)
            self._audit(session, "home_program.remove", row, {"exercise": code})
            return program_of(session, row, self._source.library())

    @requires(Permission.CLINICAL_WRITE)
    def move_item(
        self, episode_id: int, shown_id: int | None, item_id: int, new_position: int
    ) -> HomeProgram:
        """Move one exercise to ``new_position`` (0 is first; clamped to the list)."""
        with self._db.transaction() as session:
            row, items = self._working(session, episode_id, shown_id)
            target = _mapped(session, items, shown_id, row, item_id)
            items.remove(target)
            position = max(0, min(new_position, len(items)))
            items.insert(position, target)
            _renumber(session, items)
            self._audit(
                session, "home_program.move", row,
                {"exercise": target.exercise_code, "position": position},
            )  # fmt: skip
            return program_of(session, row, self._source.library())

    @requires(Permission.CLINICAL_WRITE)
    def set_dosage(
        self, episode_id: int, shown_id: int | None, item_id: int, **typed
    ) -> HomeProgram:
        """Change one exercise's dosage. ``typed`` holds ``validate_dosage``'s fields as
        typed (sets, reps, hold_s, times_per_day, days_per_week, side, band_level, note).

        Raises ``ValidationErrors`` with a sentence per bad field; nothing is saved then.
        """
        typed = dict(typed)
        if not typed.get("band_level"):
            typed["band_level"] = None
        dosage = validate_dosage(**typed)
        with self._db.transaction() as session:
            row, items = self._working(session, episode_id, shown_id)
            target = _mapped(session, items, shown_id, row, item_id)
            _set_dosage(target, dosage)
            session.flush()
            detail = {k: getattr(dosage, k) for k in (*_DOSAGE_COLUMNS, "side", "band_level")}
            self._audit(
                session, "home_program.dosage", row,
                {"exercise": target.exercise_code, **detail},
            )  # fmt: skip
            return program_of(session, row, self._source.library())

    # --- templates -----------------------------------------------------------------------------

    @requires(Permission.CLINICAL_READ)
    def templates(self) -> tuple[ProgramTemplate, ...]:
        """The clinic's saved templates, by name."""
        return self._templates.read()

    @requires(Permission.CLINICAL_WRITE)
    def save_template(self, name: str, program_id: int) -> ProgramTemplate:
        """Save a copy of a program under ``name`` (replacing a template of that name)."""
        try:
            clean = check_template_name(name)
        except ValidationError as error:
            raise ValidationErrors([error]) from None
        user = self.access.user
        with self._db.transaction() as session:
            row = session.get(HomeProgramRow, program_id)
            if row is None:
                raise NotFound("This version of the home program is no longer on file.")
            program = program_of(session, row, self._source.library())
            template = ProgramTemplate(
                name=clean,
                items=tuple(ProgramItem(i.exercise_id, i.dosage) for i in program.items),
                saved_at=_now(),
                saved_by=user.display_name if user else "",
            )
            record_event(
                session, "program_template.save", entity="program_template",
                user_id=self.access.user_id or None,
                detail={"name": clean, "exercises": [i.exercise_id for i in template.items]},
            )  # fmt: skip
            self._templates.store(template)
        return template

    @requires(Permission.CLINICAL_WRITE)
    def delete_template(self, name: str) -> None:
        with self._db.transaction() as session:
            record_event(
                session, "program_template.delete", entity="program_template",
                user_id=self.access.user_id or None, detail={"name": name},
            )  # fmt: skip
            self._templates.delete(name)

    @requires(Permission.CLINICAL_WRITE)
    def apply_template(self, episode_id: int, shown_id: int | None, name: str) -> HomeProgram:
        """Copy a template's exercises to the end of the program (already listed ones are
        left as they are). Later edits of the program never change the template."""
        template = self._templates.get(name)
        library = self._source.library()
        with self._db.transaction() as session:
            row, items = self._working(session, episode_id, shown_id)
            listed = {item.exercise_code for item in items}
            added = []
            for entry in template.items:
                if entry.exercise_id in listed or entry.exercise_id not in library:
                    continue
                if len(items) + len(added) >= MAX_ITEMS:
                    break
                item = ProgramItemRow(
                    program_id=row.id, position=len(items) + len(added),
                    exercise_code=entry.exercise_id,
                )  # fmt: skip
                _set_dosage(item, entry.dosage)
                session.add(item)
                added.append(entry.exercise_id)
            session.flush()
            self._audit(
                session, "home_program.template", row, {"template": name, "added": added}
            )
            return program_of(session, row, library)

    # --- inside one transaction -----------------------------------------------------------------

    def _working(
        self, session: Session, episode_id: int, shown_id: int | None
    ) -> tuple[HomeProgramRow, list[ProgramItemRow]]:
        """The version changes go to, with its items in order; a new one if the latest
        visit has none yet. Refuses a stale ``shown_id`` and a discharged episode."""
        ensure_episode_open(session, episode_id, "its home program", PROGRAM_ADVICE)
        current = _current_row(session, episode_id)
        if (current.id if current else None) != shown_id:
            raise StaleRecord(STALE)
        visit_id = session.scalar(
            select(VisitRow.id)
            .where(VisitRow.episode_id == episode_id, VisitRow.attendance == "attended")
            .order_by(VisitRow.visit_date.desc(), VisitRow.id.desc())
            .limit(1)
        )
        if current is not None and current.visit_id == visit_id:
            return current, _items(session, current.id)
        row = HomeProgramRow(
            episode_id=episode_id, visit_id=visit_id, issued_at=_now(),
            issued_by=self.access.user_id or None,
        )  # fmt: skip
        session.add(row)
        session.flush()
        copied = []
        for old in _items(session, current.id) if current is not None else []:
            item = ProgramItemRow(program_id=row.id, position=old.position,
                                  exercise_code=old.exercise_code, notes=old.notes,
                                  side=old.side, band_level=old.band_level)  # fmt: skip
            for name in _DOSAGE_COLUMNS:
                setattr(item, name, getattr(old, name))
            session.add(item)
            copied.append(item)
        session.flush()
        self._audit(
            session, "home_program.create", row,
            {"visit_id": visit_id, "copied_from": current.id if current else None},
        )  # fmt: skip
        return row, copied

    def _audit(self, session: Session, action: str, row: HomeProgramRow, detail: dict) -> None:
        episode = session.get(EpisodeRow, row.episode_id)
        record_event(
            session, action, entity="home_program", entity_id=row.id,
            patient_id=episode.patient_id if episode else None,
            user_id=self.access.user_id or None, detail=detail,
        )  # fmt: skip


# --- rows to domain values -----------------------------------------------------------------------


def _current_row(session: Session, episode_id: int) -> HomeProgramRow | None:
    return session.scalar(
        select(HomeProgramRow)
        .where(HomeProgramRow.episode_id == episode_id)
        .order_by(HomeProgramRow.id.desc())
        .limit(1)
    )


def _items(session: Session, program_id: int) -> list[ProgramItemRow]:
    return list(
        session.scalars(
            select(ProgramItemRow)
            .where(ProgramItemRow.program_id == program_id)
            .order_by(ProgramItemRow.position)
        )
    )


def _mapped(
    session: Session,
    items: list[ProgramItemRow],
    shown_id: int | None,
    row: HomeProgramRow,
    item_id: int,
) -> ProgramItemRow:
    """The item of the working version that stands for ``item_id`` of the shown version
    (the same row, or its copy at the same position when a new version was just made)."""
    if shown_id == row.id:
        for item in items:
            if item.id == item_id:
                return item
    else:
        shown = session.get(ProgramItemRow, item_id)
        if shown is not None and shown.program_id == shown_id:
            for item in items:
                if item.position == shown.position:
                    return item
    raise StaleRecord(STALE)


def _renumber(session: Session, items: list[ProgramItemRow]) -> None:
    # Two passes keep (program, position) unique at every step.
    for index, item in enumerate(items):
        item.position = -1 - index
    session.flush()
    for index, item in enumerate(items):
        item.position = index
    session.flush()


def _set_dosage(item: ProgramItemRow, dosage: Dosage) -> None:
    for name in _DOSAGE_COLUMNS:
        setattr(item, name, getattr(dosage, name))
    item.side = dosage.side
    item.band_level = dosage.band_level or ""
    item.notes = dosage.note


def item_dosage(row: ProgramItemRow, library: Library) -> Dosage:
    """The item's dosage; the tempo is the library entry's (it is not set per patient)."""
    tempo = library.get(row.exercise_code).dosage.tempo if row.exercise_code in library else ""
    return Dosage(
        sets=row.sets or 1,
        reps=row.reps or 1,
        hold_s=row.hold_s or 0,
        times_per_day=row.times_per_day or 1,
        days_per_week=row.days_per_week or 7,
        side=row.side or "both",
        band_level=row.band_level or None,
        tempo=tempo,
        note=row.notes,
    )


def _version(session: Session, row: HomeProgramRow) -> ProgramVersion:
    visit = session.get(VisitRow, row.visit_id) if row.visit_id is not None else None
    user = session.get(UserRow, row.issued_by) if row.issued_by is not None else None
    number = session.scalar(
        select(func.count())
        .select_from(HomeProgramRow)
        .where(HomeProgramRow.episode_id == row.episode_id, HomeProgramRow.id <= row.id)
    )
    count = session.scalar(
        select(func.count()).select_from(ProgramItemRow).where(ProgramItemRow.program_id == row.id)
    )
    return ProgramVersion(
        id=row.id,
        episode_id=row.episode_id,
        number=number or 1,
        visit_id=row.visit_id,
        visit_date=visit.visit_date if visit else None,
        visit_kind=visit.kind if visit else "",
        issued_at=row.issued_at,
        issued_by=user.display_name if user else "",
        item_count=count or 0,
    )


def program_of(session: Session, row: HomeProgramRow, library: Library) -> HomeProgram:
    current = _current_row(session, row.episode_id)
    episode = session.get(EpisodeRow, row.episode_id)
    items = tuple(
        ProgramItem(exercise_id=item.exercise_code, dosage=item_dosage(item, library), id=item.id)
        for item in _items(session, row.id)
    )
    return HomeProgram(
        version=_version(session, row),
        items=items,
        is_current=current is not None and current.id == row.id,
        patient_id=episode.patient_id,
    )
