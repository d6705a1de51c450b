"""The File menu's transfers: export, import and backups, with their words in the user's language."""
