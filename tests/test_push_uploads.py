"""/push with an upload, in-process (MockedBot): a photo of a notice is read with OCR and
previewed like a typed one; an upload's real size is checked while it downloads; errors name
the admin's file."""
from __future__ import annotations

import io

from scheduler import broadcast
from scheduler.outbox import Broadcast
from tests.mocked_bot import message
from tests.test_broadcast import ADMIN, notice_text, push  # noqa: F401  (fixtures)
from tests.test_reading import needs_tesseract, render_notice


def _upload(caption: str = "/push", **media):
    return message(None, user_id=ADMIN, chat_id=ADMIN, caption=caption, **media)


@needs_tesseract
async def test_a_photo_captioned_push_is_read_with_ocr(push, notice_text):  # noqa: F811
    buffer = io.BytesIO()
    render_notice(notice_text).convert("RGB").save(buffer, "JPEG", quality=90)
    push.bot.add_file("photo-1", buffer.getvalue())
    s = await push.send(_upload(photo=[
        {"file_id": "thumb", "file_unique_id": "t", "width": 90, "height": 128, "file_size": 3000},
        {"file_id": "photo-1", "file_unique_id": "p", "width": 1700, "height": 2400,
         "file_size": len(buffer.getvalue())}]))
    preview = s.last("sendMessage").text
    assert "45-TB/BCĐ" in preview and "31/01/2022" in preview
    assert [c.file_id for c in s.calls("getFile")] == ["photo-1"]       # the largest size
    assert Broadcast.select().count() == 1


async def test_the_real_size_counts_not_the_declared_one(push, monkeypatch):  # noqa: F811
    monkeypatch.setattr(broadcast, "MAX_FILE_BYTES", 2**20)
    push.bot.add_file("big", b"Th\xc3\xb4ng b\xc3\xa1o\n" * 200_000)          # 2.4 MB
    s = await push.send(_upload(document={"file_id": "big", "file_unique_id": "big",
                                          "file_name": "thong-bao.txt"}))    # no file_size
    assert "1 MB" in s.last("sendMessage").text and Broadcast.select().count() == 0
    s.clear()
    await push.send(_upload(document={"file_id": "big", "file_unique_id": "big",
                                      "file_name": "thong-bao.txt", "file_size": 500}))  # a lie
    assert "1 MB" in s.last("sendMessage").text and Broadcast.select().count() == 0


async def test_upload_errors_name_the_admins_file(push):  # noqa: F811
    push.bot.add_file("bad", b"PK\x03\x04 broken")
    s = await push.send(_upload(document={"file_id": "bad", "file_unique_id": "bad",
                                          "file_name": "Kế hoạch <số 5>.docx", "file_size": 15}))
    text = s.last("sendMessage").text
    assert "Kế hoạch &lt;số 5&gt;.docx" in text and "upload" not in text and "/tmp" not in text
