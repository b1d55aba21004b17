"""The door: a scanned code or a chosen name becomes a check-in.

Codes, search, event days and sessions are what the door needs to decide."""
