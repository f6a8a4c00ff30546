"""Notices keep whom they are addressed to ("Kính gửi: Các Thuế tỉnh, thành phố"), so that
"công văn 5363 gửi ai" is answered from the header (knowledge/notice_facts.py).

Existing notices get "" (not known) until they are imported again."""
from knowledge.models import Document


def up(schema) -> None:
    schema.add_columns(Document, "addressees")
