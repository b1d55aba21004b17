"""Several desks on screen: sharing an event, shared events, sync status."""
