"""``python -m articlemodel``: the command-line interface."""

from articlemodel.cli import main

raise SystemExit(main())
