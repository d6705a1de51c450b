"""The providers dialog: profiles and their keys edited, a connection tested, saved to store and keyring."""
