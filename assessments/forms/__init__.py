"""Forms validate and present; they never save related objects."""
