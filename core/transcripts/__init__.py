"""Conversations as files: Markdown, HTML and Triptych JSON exports, and importers reading files in."""
