"""Attendance on screen: live board, export dialog, attendance actions
(core: checkin.attendance, checkin.export)."""
