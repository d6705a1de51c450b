"""Evaluation grids: test set files, the cost preview, the run queue, the statistics and the exports."""
