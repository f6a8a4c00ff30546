"""A .docx notice as offices type it: the letterhead in a two-by-two table (issuer and national
motto; number and place-and-date), the body in paragraphs after it. Tests add the body."""
from __future__ import annotations

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def letterheaded_docx(issuer: str, number: str, place_date: str):
    """A python-docx Document holding only the letterhead table."""
    import docx

    document = docx.Document()
    letterhead = document.add_table(rows=2, cols=2)
    letterhead.cell(0, 0).text = issuer
    letterhead.cell(0, 1).text = MOTTO
    letterhead.cell(1, 0).text = number
    letterhead.cell(1, 1).text = place_date
    return document
