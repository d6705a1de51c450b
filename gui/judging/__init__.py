"""Blind votes, the personal leaderboard and the LLM judge, as windows and panels."""
