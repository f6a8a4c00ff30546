"""The schema of the first release (2026-11-23): every table as `create_tables` made it.
Nothing to change; recording this step marks a database as being at least release 1."""


def up(schema) -> None:
    return None
