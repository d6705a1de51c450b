"""HTTP to a provider: client, pool, reading a reply, retries, the connection check, keys in the keyring."""
