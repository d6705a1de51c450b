"""Judging replies: the Bradley–Terry leaderboard, judge–user agreement, the LLM judge and its prompts."""
