"""Where the clinic's database is, and whether that place is safe for SQLite."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from clinic_desktop.storage.errors import DataFolderUnusable, NetworkShareRefused

DATABASE_FILE = "clinic.sqlite3"
DEMO_DATABASE_FILE = "demo-clinic.sqlite3"

# File systems on which SQLite's locking (and WAL's shared memory) cannot be trusted.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "sshfs",
        "afs",
        "9p",
        "ncpfs",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "glusterfs",
        "fuse.glusterfs",
        "ceph",
        "fuse.ceph",
    }
)


@dataclass(frozen=True)
class DatabaseLocation:
    """A database to open: a SQLAlchemy URL, and for SQLite the file behind it."""

    url: str
    sqlite_path: Path | None = None

    @classmethod
    def sqlite_file(cls, path: Path) -> DatabaseLocation:
        path = Path(path).expanduser().absolute()
        return cls(url=f"sqlite:///{path}", sqlite_path=path)

    @classmethod
    def from_url(cls, url: str) -> DatabaseLocation:
        """Accept any SQLAlchemy URL; a SQLite file URL keeps its path for the safety checks."""
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database in ("", ":memory:") or database.startswith("file:"):
                return cls(url=url)
            return cls.sqlite_file(Path(database))
        return cls(url=url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def describe(self) -> str:
        """The location for messages, without any password in the URL."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def read_mounts(mounts_file: Path = Path("/proc/mounts")) -> list[tuple[str, str]]:
    """Return (mount point, file system type) pairs, longest mount point first."""
    try:
        text = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            # /proc/mounts escapes spaces in paths as \040.
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    mounts.sort(key=lambda item: len(item[0]), reverse=True)
    return mounts


def filesystem_type(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the file system holding ``path``, from the longest matching mount point."""
    target = str(path)
    for mount_point, fs_type in mounts:
        prefix = mount_point.rstrip("/") + "/"
        if target == mount_point or target.startswith(prefix):
            return fs_type
    return None


def refuse_network_share(path: Path, mounts_file: Path = Path("/proc/mounts")) -> None:
    """Raise NetworkShareRefused if ``path`` is on a network share (UNC path or network mount)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        raise NetworkShareRefused(_network_message(path))
    resolved = Path(os.path.realpath(path))
    fs_type = filesystem_type(resolved, read_mounts(mounts_file))
    if fs_type is not None and fs_type.lower() in NETWORK_FILESYSTEMS:
        raise NetworkShareRefused(_network_message(path, fs_type))


def _network_message(path: Path, fs_type: str | None = None) -> str:
    where = f" (a {fs_type} network share)" if fs_type else " (a network share)"
    return (
        f"The database {path} is on a network folder{where}. A SQLite database there can be "
        "damaged when two computers use it. Keep the file on this computer's own disk, or, to "
        "share records between workstations, set up a PostgreSQL server and start the app "
        "with --database-url postgresql+psycopg://user@server/clinic."
    )


def ensure_data_folder(folder: Path) -> Path:
    """Create the data folder if needed and prove it is writable; raise DataFolderUnusable."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as error:
        raise DataFolderUnusable(
            f"The data folder {folder} cannot be written to ({error.strerror or error}). "
            "Choose another folder with --data-dir, or ask whoever manages this computer "
            "to give your account write access to it."
        ) from error
    return folder
