"""Work that happens on its own: delivery of notices through an outbox, deadline reminders."""
