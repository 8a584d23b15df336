"""``python -m libyamodel``: the command line."""

from __future__ import annotations

import sys

from libyamodel.cli import main

sys.exit(main())
