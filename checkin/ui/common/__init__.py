"""Shared widgets and GUI infrastructure: error dialogs, formats, translations,
icons, progress, shortcuts, background tasks, theme, core words,
the desk's settings."""
