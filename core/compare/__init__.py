"""Comparing: one prompt sent to several columns, ready-made column sets, word diffs, reports."""
