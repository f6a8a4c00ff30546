"""English.

One table per language, split by area (texts/areas.py lists them) so that no file grows past a
readable size; `TEXTS` is their union, which is all `texts.t()` sees.
"""
from texts.areas import language_table

TEXTS: dict[str, str] = language_table(__name__)
