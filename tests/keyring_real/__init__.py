"""Scripts that tests/core/test_secrets_real.py runs in a subprocess, inside a prepared environment.

They are not pytest tests (nothing here is collected): each needs the session its caller sets up.
"""
