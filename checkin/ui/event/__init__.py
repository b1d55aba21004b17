"""The event as a whole on screen: creating a new event (name, days, language)."""
