"""``python -m timeline`` runs the ``timeline`` command."""

import sys

from timeline.cli import main

sys.exit(main())
