"""Where the database may live: network shares are refused with a way forward."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic_desktop.storage.errors import NetworkShareRefused
from clinic_desktop.storage.location import (
    DatabaseLocation,
    filesystem_type,
    read_mounts,
    refuse_network_share,
)

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/clinic /mnt/clinic nfs4 rw,relatime 0 0
//nas/share /media/nas cifs rw 0 0
me@host:/home /mnt/remote\\040home fuse.sshfs rw 0 0
tmpfs /mnt/clinic/local tmpfs rw 0 0
"""


@pytest.fixture
def mounts_file(tmp_path) -> Path:
    path = tmp_path / "mounts"
    path.write_text(MOUNTS)
    return path


@pytest.mark.parametrize(
    "path, kind",
    [
        ("/mnt/clinic/clinic.sqlite3", "nfs4"),
        ("/media/nas/records/clinic.sqlite3", "cifs"),
        ("/mnt/remote home/clinic.sqlite3", "fuse.sshfs"),
    ],
)
def test_a_database_on_a_network_mount_is_refused_pointing_to_postgresql(mounts_file, path, kind):
    with pytest.raises(NetworkShareRefused) as refused:
        refuse_network_share(Path(path), mounts_file)
    assert kind in refused.value.message
    assert "PostgreSQL" in refused.value.message and "--database-url" in refused.value.message


@pytest.mark.parametrize("path", ["\\\\server\\clinic\\clinic.sqlite3", "//server/clinic/db"])
def test_a_unc_path_is_refused(mounts_file, path):
    with pytest.raises(NetworkShareRefused):
        refuse_network_share(Path(path) if path.startswith("//") else path, mounts_file)


def test_local_disks_and_a_local_mount_inside_a_share_are_accepted(mounts_file):
    refuse_network_share(Path("/home/clinic/clinic.sqlite3"), mounts_file)
    refuse_network_share(Path("/mnt/clinic/local/clinic.sqlite3"), mounts_file)


def test_the_longest_mount_point_decides(mounts_file):
    mounts = read_mounts(mounts_file)
    assert filesystem_type(Path("/mnt/clinic/local/x"), mounts) == "tmpfs"
    assert filesystem_type(Path("/mnt/clinicx/y"), mounts) == "ext4"


def test_sqlite_urls_keep_their_file_for_the_checks(tmp_path):
    location = DatabaseLocation.from_url(f"sqlite:///{tmp_path}/c.sqlite3")
    assert location.sqlite_path == tmp_path / "c.sqlite3"
    remote = DatabaseLocation.from_url("postgresql+psycopg://clinic:secret@db.local/clinic")
    assert remote.sqlite_path is None
    assert "secret" not in remote.describe()
