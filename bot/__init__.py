"""Wiring: configuration, the aiogram application, middlewares and user-facing texts."""
