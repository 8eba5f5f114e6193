"""Failures caused by the user's input or environment: shown as one line, exit code 2, no traceback."""


class UserError(Exception):
    """Base class of every error whose message is meant for the user as is."""
