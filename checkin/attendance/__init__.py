"""Attendance: who came, counted per day, session and group."""
