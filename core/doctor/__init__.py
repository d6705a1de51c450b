"""The relay doctor: small real requests that show what a provider keeps of the Messages API, and what not."""
