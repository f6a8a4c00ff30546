"""Outbox delivery of notices and reminders (issue 4)."""
MODELS: list = []
