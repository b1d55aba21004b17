"""Allow ``python -m checkin``."""

from checkin.cli import main

raise SystemExit(main())
