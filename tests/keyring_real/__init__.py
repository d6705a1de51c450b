"""Scripts that tests/core/api/test_keys_real.py runs in a subprocess, inside a prepared environment.

They are not pytest tests (nothing here is collected): each needs the session its caller sets up.
"""
