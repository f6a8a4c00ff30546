"""Deadline reminders (issue 5)."""
MODELS: list = []
