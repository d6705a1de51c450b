"""The app's typed data: messages, conversation trees, settings, profiles, catalog, prices, compare runs."""
