"""The compare window: columns, presets, word diff, saved runs, reports, alternatives in the transcript."""
