"""Run the command line as ``python -m c2graph``."""

import sys

from .cli.main import main

sys.exit(main())
