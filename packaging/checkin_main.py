"""Entry point of the frozen app (PyInstaller): the same command line as ``checkin``."""

from checkin.cli import main

raise SystemExit(main())
