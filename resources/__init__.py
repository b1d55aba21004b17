"""Data files (fonts, icons, sounds, translations, templates, demo data).

This folder is installed as the package ``checkin.resources`` (setup.py);
read it through :mod:`checkin.common.resources_access`.
"""
