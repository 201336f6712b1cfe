"""Goal service: goals are kept in order, changes are audited, stale and late edits refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clinic_desktop.domain.errors import EpisodeClosed, StaleRecord
from clinic_desktop.domain.goals import validate_goal
from clinic_desktop.storage.models import AuditEventRow, EpisodeRow


def _episode(clinic):
    """The showcase runner's episode, reopened (the demo has discharged it)."""
    patient = clinic.patients.search("D0001")[0]
    with clinic.database.transaction() as session:
        row = session.scalar(select(EpisodeRow).where(EpisodeRow.patient_id == patient.id))
        row.status = "active"
        return row


def _fields(clinic, **typed):
    return validate_goal(clinic.goals.battery, clinic.goals.instruments, **typed)


def test_goals_are_added_in_order_changed_and_removed_with_an_audit_trail(demo_clinic):
    episode = _episode(demo_clinic)
    before = demo_clinic.goals.list(episode.id)
    assert [g.position for g in before] == [0, 1, 2, 3]
    added = demo_clinic.goals.add(episode.id, _fields(demo_clinic, text="Run a half marathon"))
    assert added.position == 4 and added.status == "open"
    changed = demo_clinic.goals.update(
        added.id, added.version, _fields(demo_clinic, text="Run a half marathon", status="met")
    )
    assert changed.status == "met" and changed.version > added.version
    with pytest.raises(StaleRecord):
        demo_clinic.goals.update(added.id, added.version, _fields(demo_clinic, text="Other"))
    demo_clinic.goals.remove(changed.id, changed.version)
    assert demo_clinic.goals.list(episode.id) == before
    with demo_clinic.database.reading() as session:
        actions = session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.entity == "goal")
        ).all()
    assert actions == ["goal.create", "goal.update", "goal.delete"]


def test_a_discharged_episodes_goals_no_longer_change(demo_clinic):
    episode = _episode(demo_clinic)
    with demo_clinic.database.transaction() as session:
        session.get(EpisodeRow, episode.id).status = "discharged"
    with pytest.raises(EpisodeClosed, match="discharged"):
        demo_clinic.goals.add(episode.id, _fields(demo_clinic, text="One more"))
