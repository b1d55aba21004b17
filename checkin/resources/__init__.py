"""Data files shipped inside the package (fonts, icons, templates, demo data)."""
