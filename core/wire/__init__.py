"""The wire format, no network of its own: request bodies and checks, SSE, streams to messages, errors."""
