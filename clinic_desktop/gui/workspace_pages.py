"""The tabs of the patient workspace, in the order a visit uses them.

A new screen becomes a tab by adding its page class here.
"""

from __future__ import annotations


def workspace_pages() -> list[type]:
    from clinic_desktop.gui.assessment_page import AssessmentPage
    from clinic_desktop.gui.intake_page import IntakePage
    from clinic_desktop.gui.overview import PatientOverviewPage
    from clinic_desktop.gui.program_page import ProgramPage
    from clinic_desktop.gui.progress_page import ProgressPage
    from clinic_desktop.gui.return_to_run_page import ReturnToRunPage

    return [
        PatientOverviewPage,
        IntakePage,
        AssessmentPage,
        ProgressPage,
        ProgramPage,
        ReturnToRunPage,
    ]
