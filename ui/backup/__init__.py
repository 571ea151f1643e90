"""Backups in the GUI: the settings box, the status line and automatic backups, restore,
and the start-up check of the database file."""
