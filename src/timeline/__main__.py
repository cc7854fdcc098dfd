"""``python -m timeline`` runs the ``timeline`` command."""

import sys

from timeline.cli import main

if __name__ == "__main__":  # not when a Dask worker process re-imports the main module
    sys.exit(main())
