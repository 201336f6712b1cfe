"""Compile the Designer forms into clinic_desktop/gui/forms/ui_<name>.py.

Run from the project root after editing a .ui file:  python forms/compile.py
With --check, compile into a temporary folder and fail if any committed file differs.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import tempfile
from pathlib import Path

FORMS = Path(__file__).resolve().parent
TARGET = FORMS.parent / "clinic_desktop" / "gui" / "forms"
HEADER = (
    "# Generated from forms/{name} by forms/compile.py with pyside6-uic: do not edit.\n"
    "# ruff: noqa\n"
)


def compile_form(ui_file: Path, out_dir: Path) -> Path:
    out = out_dir / f"ui_{ui_file.stem}.py"
    result = subprocess.run(
        ["pyside6-uic", "--no-autoconnection", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    lines = result.stdout.splitlines()
    # Drop uic's own banner (it names the uic version, which would make every upgrade a diff).
    while lines and (not lines[0].strip() or lines[0].startswith("#")):
        lines.pop(0)
    body = "\n".join(lines)
    out.write_text(HEADER.format(name=ui_file.name) + body.rstrip() + "\n", encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if committed files differ")
    args = parser.parse_args()
    ui_files = sorted(FORMS.glob("*.ui"))
    if not args.check:
        for ui_file in ui_files:
            print("compiled", compile_form(ui_file, TARGET).relative_to(FORMS.parent))
        return 0
    stale = 0
    with tempfile.TemporaryDirectory() as tmp:
        for ui_file in ui_files:
            fresh = compile_form(ui_file, Path(tmp)).read_text(encoding="utf-8")
            committed_file = TARGET / f"ui_{ui_file.stem}.py"
            committed = (
                committed_file.read_text(encoding="utf-8") if committed_file.exists() else ""
            )
            if fresh != committed:
                stale += 1
                sys.stdout.writelines(
                    difflib.unified_diff(
                        committed.splitlines(True),
                        fresh.splitlines(True),
                        str(committed_file),
                        "fresh",
                    )
                )
    if stale:
        print(f"{stale} compiled form(s) are out of date: run python forms/compile.py")
        return 1
    print(f"{len(ui_files)} compiled forms are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
