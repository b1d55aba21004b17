"""The door's screens: desk view, scan field, result banner, person form,
camera, sounds, session picker."""
