"""Small controls the forms are built from: foldable sections, issue labels, optional numbers, JSON edit."""
