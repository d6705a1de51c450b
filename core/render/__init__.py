"""The model's Markdown as safe HTML, whole or streaming, in slices and time budgets a UI thread affords."""
