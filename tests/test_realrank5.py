"""Answers people can trust on real notices (issue 9, branch realrank5): a notice named by the
number officials type — the chat shorthand of its kind ("tb 39305"), or a code DOC_KINDS does
not know ("45-HD/BTCTW", "vbhn 46") — is that notice. Texts written here."""
from __future__ import annotations

from datetime import date

from knowledge.named import document_names
from knowledge.records import ItemRecord
from knowledge.search import Searcher

RULING = dict(document_id=1, document_number="39305/TB-CHQ", document_kind="Thông báo", issuer="Cục Hải quan",
              document_title="Thông báo về kết quả xác định trước mã số", document_date=date(2025, 12, 1),
              signer="Đào Thu Hương")
GUIDE = dict(document_id=2, document_number="45-HD/BTCTW", document_kind="Hướng dẫn",
             issuer="Ban Tổ chức Trung ương", document_title="Một số nội dung về quy hoạch cán bộ",
             document_date=date(2025, 11, 21), signer="Hoàng Đăng Quang")
MERGED = dict(document_id=3, document_number="46/VBHN-BTC", document_kind="Văn bản hợp nhất", issuer="Bộ Tài chính",
              document_title="Hợp nhất Nghị định hướng dẫn Luật Hải quan", document_date=date(2025, 11, 24),
              signer="Nguyễn Đức Chi")
OTHER = dict(document_id=4, document_number="12/TB-UBND", document_kind="Thông báo", issuer="UBND thành phố",
             document_title="Thông báo ý kiến chỉ đạo về hoạt động sản xuất", document_date=date(2021, 11, 15))


def _records() -> list[ItemRecord]:
    rows = [
        (RULING, "1", "Tên thương mại: bộ thẻ trò chơi trí tuệ, 100 lá mỗi bộ, thuộc nhóm 95.04 tại Danh mục hàng hóa."),
        (RULING, "2", "Thông báo này có hiệu lực từ ngày ký."),
        (GUIDE, "1", "Trong thời hạn 30 ngày làm việc kể từ khi nhận được đầy đủ hồ sơ, cấp có thẩm quyền "
                     "phải xem xét, phê duyệt quy hoạch."),
        (GUIDE, "2", "Hướng dẫn này có hiệu lực từ ngày ký và thay thế các hướng dẫn trước đây."),
        (MERGED, "", "Văn bản hợp nhất Nghị định hướng dẫn Luật Hải quan về thủ tục hải quan."),
        (OTHER, "1", "Thống nhất với đề xuất của các công ty, nhà máy, xí nghiệp về việc khôi phục hoạt động sản "
                     "xuất; các công ty gửi phương án về Sở Công Thương."),
    ]
    return [ItemRecord(k + 1, text, "", number, **meta) for k, (meta, number, text) in enumerate(rows)]


def test_chat_shorthand_names_a_notice_the_knowledge_base_has():
    known = {"tb:39305": [0], "hd:45": [1], "vbhn:46": [2]}
    assert [n.label for n in document_names(["thong", "bao", "39305", "gui"], known)] == ["Thông báo 39305"]
    assert [n.phrases for n in document_names(["vbhn", "46", "ai", "ky"], known)] == [(("vbhn:46",),)]
    assert [n.phrases for n in document_names(["huong", "dan", "45-hd/btctw", "hd:45"], known)] == [(("hd:45",),)]


def test_shorthand_before_a_number_no_notice_has_names_nothing():
    """'tb 30 tuổi' is an average, 'kh 10 người' ten clients: no notice is named, so no
    question is declined as being about a notice the knowledge base lacks."""
    known = {"tb:39305": [0]}
    assert document_names(["do", "tuoi", "tb", "30"], known) == []
    assert document_names(["thong", "bao", "5"], known) == []


def test_a_question_naming_a_notice_by_shorthand_is_not_answered_from_another():
    """"tb 39305 … gửi cty nào" names the ruling; the other notice's line on companies sending
    their plans is no answer to it (fresh8 r38 was answered so, confidently)."""
    answer = Searcher.from_records(_records()).ask("tb 39305 chq gui cty nao")
    assert not answer.answered or answer.hits[0].record.document_number == "39305/TB-CHQ"


def test_the_signer_of_a_guidance_named_by_its_number():
    answer = Searcher.from_records(_records()).ask("Hướng dẫn 45-HD/BTCTW do ai ký?")
    assert answer.fact == "signer" and answer.answered and answer.hits[0].text == "Hoàng Đăng Quang"


def test_the_signer_of_a_consolidated_text_named_in_shorthand_with_its_issuers_code():
    """"vbhn 46 của btc ai ký": 'vbhn' and 'btc' are the codes of "46/VBHN-BTC"."""
    answer = Searcher.from_records(_records()).ask("vbhn 46 cua btc ai ky")
    assert answer.fact == "signer" and answer.answered and answer.hits[0].text == "Nguyễn Đức Chi"


def test_a_fact_asked_in_chat_shorthand():
    """"tb 39305 ng ky la ai", "hd 45 noi ve j": the shorthand read back ('người', 'gì') asks the
    header, as "thông báo 39305 người ký là ai" does (trust t44 asked "… về vấn đề j")."""
    searcher = Searcher.from_records(_records())
    answer = searcher.ask("tb 39305 ng ky la ai")
    assert answer.fact == "signer" and answer.hits[0].text == "Đào Thu Hương"
    answer = searcher.ask("hd 45 noi ve j")
    assert answer.fact == "subject" and "quy hoạch cán bộ" in answer.hits[0].text



def test_a_superscript_digit_names_no_notice():
    """The hostile-input test: "cv ²²" — '²'.isdigit() is true but int('²') fails; a notice's
    number is decimal digits."""
    from knowledge.notice_facts import _named_notice
    assert _named_notice(["cv", "²²"]) == ("", "", set())
    assert _named_notice(["cong", "van", "²"])[1] == ""         # the kind named, no number
