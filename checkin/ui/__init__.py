"""All Qt code of checkin. Nothing outside this package imports PySide6."""
