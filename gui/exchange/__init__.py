"""A reply's request on its right-click menu: copied as cURL or Python, or the raw request and response."""
