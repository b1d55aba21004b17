"""The import wizard (core: checkin.importing)."""
