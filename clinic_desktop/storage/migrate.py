"""Schema revisions and running the Alembic migrations shipped inside the package.

Revision files are named ``NNNN_description.py`` with revision id ``NNNN`` in sequence, so
the known revisions and the head can be listed without importing Alembic at start-up. A
test checks that this list agrees with Alembic's own view of the scripts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@cache
def known_revisions() -> tuple[str, ...]:
    """Every revision this version of the application knows, oldest first."""
    names = sorted(
        p.name.split("_", 1)[0]
        for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    )
    return tuple(names)


HEAD = known_revisions()[-1]


def alembic_config():
    """An Alembic configuration pointing at the migrations inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction."""
    upgrade(engine, "head")


def upgrade(engine: Engine, target: str) -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
