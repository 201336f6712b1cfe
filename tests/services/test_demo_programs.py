"""The demo clinic's home programs: a full example for every screen, the same every time."""

from __future__ import annotations

from sqlalchemy import select

from clinic_desktop.domain.exercises import load_library
from clinic_desktop.services.demo import ensure_demo_clinic
from clinic_desktop.storage.database import open_database
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import HomeProgramRow, ProgramItemRow
from tests.conftest import DEMO_ANCHOR


def test_the_showcase_patient_got_three_versions_at_her_visits(demo_clinic):
    patient_id = demo_clinic.handouts.patient_for_mrn("D0001")
    episode = demo_clinic.intake.episodes(patient_id)[0]
    versions = demo_clinic.programs.versions(episode.id)
    assert [v.visit_kind for v in reversed(versions)] == ["initial", "re_evaluation", "discharge"]
    assert [v.item_count for v in reversed(versions)] == [6, 10, 12]
    assert all(v.issued_by for v in versions)
    final = demo_clinic.programs.current(episode.id)
    library = load_library()
    categories = {library.get(item.exercise_id).category for item in final.items}
    assert len(categories) == 5  # stretches, strength, balance, hops and a running drill
    bands = {item.dosage.band_level for item in final.items} - {None}
    assert bands == {"green"}  # moved up from yellow and red at the earlier visits
    first = demo_clinic.programs.program(versions[-1].id)
    assert {i.dosage.band_level for i in first.items} - {None} == {"yellow"}


def test_other_runners_have_programs_that_progress(demo_clinic):
    with demo_clinic.database.reading() as session:
        episodes = session.scalars(select(HomeProgramRow.episode_id)).all()
        codes = set(session.scalars(select(ProgramItemRow.exercise_code)))
    assert len(set(episodes)) >= 10
    assert len(episodes) > len(set(episodes))  # some were changed at a later visit
    assert codes <= {e.id for e in load_library()}


def _program_rows(database):
    with database.reading() as session:
        return session.execute(
            select(ProgramItemRow.program_id, ProgramItemRow.position,
                   ProgramItemRow.exercise_code, ProgramItemRow.sets,
                   ProgramItemRow.band_level).order_by(ProgramItemRow.id)
        ).all()  # fmt: skip


def test_the_programs_are_the_same_for_the_same_anchor_day(tmp_path, demo_clinic):
    database = open_database(DatabaseLocation.sqlite_file(tmp_path / "again.sqlite3"))
    ensure_demo_clinic(database, anchor=DEMO_ANCHOR)
    again = _program_rows(database)
    database.dispose()
    assert again == _program_rows(demo_clinic.database) and len(again) > 40
