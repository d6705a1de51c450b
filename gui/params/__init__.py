"""The parameter panel: model and profile pickers, and sections editing a conversation's RequestSettings."""
