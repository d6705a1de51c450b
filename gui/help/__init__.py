"""Help: the keyboard shortcuts (read from the window's own actions); About (version, folders, licences)."""
