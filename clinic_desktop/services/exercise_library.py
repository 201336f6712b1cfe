"""The exercise library as the clinic sees it: the shipped entries and the clinic's own.

The clinic's own exercises live in the ``exercise`` table (the entry in the library's JSON
shape in ``content``), their photos in the ``exercise-photos`` folder beside the SQLite
database. A clinic that keeps a library file (``exercises.json`` in the data folder, read by
``domain.exercises.load_library``) has those entries too.

A photo must be a PNG or JPEG of at most 5 MB that decodes; it is scaled so its longest
side is at most 1200 pixels and stored re-encoded (which also drops camera metadata). A
refused photo gets a sentence and nothing is saved: no row, no file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from pathlib import Path

from sqlalchemy import select

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.clinic_exercises import (
    PHOTO_FORMATS,
    PHOTO_MAX_BYTES,
    PHOTO_MAX_SIDE,
    ExerciseForm,
    check_exercise_form,
)
from clinic_desktop.domain.errors import ClinicError, ValidationError, ValidationErrors
from clinic_desktop.domain.exercises import (
    Exercise,
    Library,
    exercise_from_mapping,
    load_library,
)
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.storage.models import ExerciseRow

PHOTO_FOLDER = "exercise-photos"
CLINIC_LIBRARY_FILE = "exercises.json"


class LibrarySource:
    """Loads the library once and again after the clinic adds an exercise; thread-safe."""

    def __init__(self, database, data_dir: Path | None) -> None:
        self._db = database
        self.data_dir = data_dir
        self._library: Library | None = None
        self._lock = threading.Lock()

    @property
    def photo_folder(self) -> Path | None:
        return None if self.data_dir is None else self.data_dir / PHOTO_FOLDER

    def library(self) -> Library:
        with self._lock:
            if self._library is None:
                self._library = self._load()
            return self._library

    def forget(self) -> None:
        with self._lock:
            self._library = None

    def _load(self) -> Library:
        clinic_file = None if self.data_dir is None else self.data_dir / CLINIC_LIBRARY_FILE
        base = load_library(clinic_file)
        with self._db.reading() as session:
            rows = session.scalars(
                select(ExerciseRow).where(ExerciseRow.is_active).order_by(ExerciseRow.id)
            ).all()
            own = [own_exercise(row, self.photo_folder) for row in rows]
        if not own:
            return base
        return Library([*base, *own], band_levels=base.band_levels, band_note=base.band_note)


def own_exercise(row: ExerciseRow, photo_folder: Path | None) -> Exercise:
    raw = json.loads(row.content or "{}")
    raw["id"] = row.code
    if row.photo_file:
        raw["photo"] = row.photo_file
    return exercise_from_mapping(raw, photo_folder or Path(), built_in=False)


def prepare_photo(path: Path) -> tuple[bytes, str]:
    """Return the photo re-encoded and scaled, with its file extension.

    Raises ``ValidationError("photo", ...)`` with a sentence for a file that is too big,
    is not a PNG or JPEG picture, or does not decode.
    """
    from PIL import Image, UnidentifiedImageError

    refused = "The photo must be a PNG or JPEG picture."
    try:
        size = path.stat().st_size
        if size > PHOTO_MAX_BYTES:
            raise ValidationError(
                "photo",
                f"The photo is {size / 1024 / 1024:.1f} MB; it can be at most "
                f"{PHOTO_MAX_BYTES // 1024 // 1024} MB. Save it smaller and try again.",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError("photo", f"The photo could not be read: {error.strerror}.") from None
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()  # a truncated or corrupt file fails here
        if kind not in PHOTO_FORMATS:
            raise ValidationError("photo", refused)
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGBA" if kind == "PNG" else "RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "photo", "The photo is damaged or is not a picture; choose a PNG or JPEG file."
        ) from None
    picture.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    out = io.BytesIO()
    if kind == "PNG":
        picture.save(out, format="PNG", optimize=True)
        return out.getvalue(), ".png"
    picture.save(out, format="JPEG", quality=88)
    return out.getvalue(), ".jpg"


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(data)
    os.replace(temporary, path)


class ExerciseLibraryService(Service):
    """Browsing the library and adding the clinic's own exercises."""

    def __init__(self, database, source: LibrarySource, access: Access | None = None) -> None:
        super().__init__(database, access)
        self._source = source

    @requires(Permission.CLINICAL_READ)
    def library(self) -> Library:
        """The shipped exercises followed by the clinic's own."""
        return self._source.library()

    @requires(Permission.CLINICAL_READ)
    def figure_svg(self, exercise_id: str, width_pt: float = 240, height_pt: float = 200) -> bytes:
        """The exercise's stick figure (or category pictogram) as SVG, for a preview on
        screen; the same drawing the handout prints."""
        from reportlab.graphics import renderSVG

        from clinic_desktop.reports.figures import exercise_drawing

        drawing = exercise_drawing(self._source.library().get(exercise_id), width_pt, height_pt)
        # A clip attribute rather than a clipPath element: QtSvg draws the latter as a box.
        return renderSVG.drawToString(drawing, useClip=True).encode("utf-8")

    @requires(Permission.CLINICAL_WRITE)
    def add_exercise(self, form: ExerciseForm, photo: Path | None = None) -> Exercise:
        """Add the clinic's own exercise, with an optional photo; one transaction, audited.

        Raises ``ValidationErrors`` with a sentence per bad field (``photo`` among them);
        then nothing is saved, neither the entry nor the photo file.
        """
        library = self._source.library()
        errors: list[ValidationError] = []
        try:
            raw = check_exercise_form(form, [e.id for e in library], [e.name for e in library])
        except ValidationErrors as bad:
            errors += bad.errors
            raw = None
        prepared = None
        if photo is not None:
            if self._source.photo_folder is None:
                errors.append(ValidationError(
                    "photo", "Photos are kept in the clinic's data folder, and this "
                    "workstation uses a database server without one; save the exercise "
                    "without a photo.",
                ))  # fmt: skip
            else:
                try:
                    prepared = prepare_photo(photo)
                except ValidationError as error:
                    errors.append(error)
        if errors or raw is None:
            raise ValidationErrors(errors)
        photo_file = None
        if prepared is not None:
            digest = hashlib.sha256(prepared[0]).hexdigest()[:12]
            photo_file = f"{raw['id']}-{digest}{prepared[1]}"
            raw["photo"] = photo_file
        # Built (and so checked) before anything is written.
        exercise = exercise_from_mapping(raw, self._source.photo_folder or Path(), False)
        Library([*library, exercise])
        content = {k: v for k, v in raw.items() if k not in ("id", "photo")}
        written: Path | None = None
        try:
            with self._db.transaction() as session:
                row = ExerciseRow(
                    code=exercise.id, name=exercise.name, category=exercise.category,
                    body_region=exercise.body_region, photo_file=photo_file,
                    content=json.dumps(content, ensure_ascii=False),
                )  # fmt: skip
                session.add(row)
                session.flush()
                record_event(
                    session, "exercise.create", entity="exercise", entity_id=row.id,
                    user_id=self.access.user_id or None,
                    detail={"code": exercise.id, "name": exercise.name,
                            "photo": photo_file is not None},
                )  # fmt: skip
                if prepared is not None and photo_file is not None:
                    assert self._source.photo_folder is not None
                    written = self._source.photo_folder / photo_file
                    _write_atomically(written, prepared[0])
        except OSError as error:
            raise ClinicError(
                f"The photo could not be saved in the data folder ({error.strerror}); "
                "nothing was saved."
            ) from None
        except BaseException:
            if written is not None:
                written.unlink(missing_ok=True)
            raise
        self._source.forget()
        return exercise
