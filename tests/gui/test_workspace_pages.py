"""Every workspace tab entry names a real page class and the permission that class states."""

from clinic_desktop.gui.workspace import WorkspacePage
from clinic_desktop.gui.workspace_pages import workspace_pages


def test_each_entry_loads_its_page_and_declares_the_same_permission():
    for entry in workspace_pages():
        page_type = entry.load()
        assert issubclass(page_type, WorkspacePage), entry
        assert page_type.permission == entry.permission, entry
