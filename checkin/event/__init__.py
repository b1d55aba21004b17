"""The event as a whole: the demo event, privacy (retention, purge, delete)."""
