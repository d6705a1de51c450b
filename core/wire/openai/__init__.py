"""The OpenAI-compatible style: the `/v1/chat/completions` body, and its replies read as Anthropic ones."""
