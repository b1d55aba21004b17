"""Several desks: the protocol with the PostgreSQL event server (protocol), the desks' copies
(desks), the server's schema (server), addresses and the checks of pulled records.

The desk copy's own side of the journal (outbox, cursor, applying, quarantine) is
:mod:`checkin.store.journal`: only the store speaks SQL to an event file.
"""
