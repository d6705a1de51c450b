"""The SQLite database: conversations (message trees), profiles, compare runs, exchanges, search, backups."""
