"""``python -m clinic_desktop``: the same as the ``clinic-desktop`` command."""

import sys

from clinic_desktop.app import main

sys.exit(main())
