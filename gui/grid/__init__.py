"""The evaluation grid: test sets run against several settings variants with repeats, the grid of outputs,
its statistics and charts (Tools → Evaluation grid…)."""
