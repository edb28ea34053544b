"""Domain errors that services raise and views turn into messages."""


class ApplicationError(Exception):
    """A rule refused the action; `message` is safe to show to the user."""

    def __init__(self, message: str, *, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class NotAllowed(ApplicationError):
    """The actor's role or the current stage does not allow this action."""


class StaleVersion(ApplicationError):
    """Someone saved a newer version since the form was loaded."""

    def __init__(self, message: str, *, current):
        super().__init__(message)
        self.current = current
