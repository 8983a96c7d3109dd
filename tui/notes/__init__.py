"""The user's notes and follow-ups on entries: kept in SQLite, apart from the briefings."""
