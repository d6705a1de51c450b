"""The transcript: a conversation's turns in one rich-text document, the streaming reply painted in steps."""
