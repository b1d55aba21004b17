"""checkin: the registration desk of a conference.

The core (everything outside ``checkin.ui``) never imports Qt, so that the
command line, the tests and the GUI share one implementation.
"""

__version__ = "0.1.0"
