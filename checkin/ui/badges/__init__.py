"""Badges on screen: the desk's badge actions, preview, settings, print queue,
Qt printing (core: checkin.badges, checkin.printing)."""
