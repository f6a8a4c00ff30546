"""Importing and reading notice files (`bot.py import`, /push uploads, scans): what the admin sees
when a file is read, incomplete or refused (`cli.`, `warning.`, `parse.`).

The tiếng Việt table; texts/en/reading.py holds the same keys,
apart from `.one` singular forms (see `t()`)."""

TEXTS: dict[str, str] = {
    "cli.imported": "Đã nhập {name}: {items} mục, {deadlines} hạn chót.",
    "cli.updated": "Đã có, đã cập nhật {name}: {items} mục, {deadlines} hạn chót.",
    "cli.missing": "Thiếu trong phần đầu văn bản: {fields}.",
    "warning.future_date": "⚠️ Ngày ban hành {date} ở sau hôm nay: kiểm tra lại ngày của văn bản.",
    "warning.orders_nothing": "⚠️ Trang này có vẻ không giao việc gì (trang viết về một văn bản, hỏi đáp pháp luật, văn "
                              "bản quy phạm): các đoạn của nó được lưu làm ngữ cảnh để tra cứu, không phải nhiệm vụ, "
                              "và không đặt nhắc hạn.",
    "warning.other": "⚠️ Lưu ý khi đọc văn bản: {what}.",
    "cli.not_a_notice": "⚠️ Văn bản này không giống một thông báo (không có cơ quan ban hành, số, ngày, "
                        "cũng không có mục đánh số); vẫn đã lưu — kiểm tra lại tệp.",
    "cli.field_number": "số văn bản",
    "cli.field_issuer": "cơ quan ban hành",
    "cli.field_date": "ngày ban hành",
    "cli.field_kind": "loại văn bản",
    "cli.field_title": "tiêu đề",
    "cli.field_signer": "người ký",
    "cli.bad_database_url": "DATABASE_URL {url}: Loa dùng SQLite (sqlite:///duong/dan/loa.db) "
                            "hoặc PostgreSQL (postgresql://nguoi_dung@may_chu:5432/ten_csdl).",
    "cli.cannot_open_database": "DATABASE_URL: không mở được {url}: {reason}",
    "parse.not_regular": "{name} không phải tệp thông thường (liên kết tới thiết bị, ống dẫn hay thư mục); hãy gửi chính tệp thông báo.",
    "parse.file_over_limit": "{name} nặng {size} MB; chỉ đọc tệp dưới {limit} MB.",
    "parse.zip_too_many_parts": "{name} chứa {count} phần nén, quá nhiều với một văn bản; hãy lưu lại rồi gửi lại.",
    "parse.zip_bomb": "{name} khi giải nén sẽ lớn tới {size} MB (giới hạn {limit} MB); đây không phải một văn bản bình thường.",
    "parse.too_many_cells": "{name} có quá nhiều ô bảng (trên {limit}); hãy gửi phần thông báo dưới dạng văn bản.",
    "parse.too_many_pages": "{name} có {count} trang; chỉ đọc tệp PDF tới {limit} trang.",
    "parse.pdf_password": "{name} được bảo vệ bằng mật khẩu; hãy gửi bản không có mật khẩu.",
    "parse.ocr_missing": "Không đọc được {name}: đây là ảnh quét nhưng máy chủ chưa cài nhận dạng chữ (OCR). Quản trị máy chủ cài bằng: apt-get install tesseract-ocr tesseract-ocr-vie",
    "parse.image_too_big": "Ảnh {name} quá lớn ({width}×{height} điểm ảnh, giới hạn {limit} triệu); hãy chụp hoặc quét ở độ phân giải thấp hơn.",
    "parse.scan_too_many_pages": "{name} là bản quét {count} trang; nhận dạng chữ (OCR) chỉ đọc tới {limit} trang, hãy gửi văn bản hoặc chia nhỏ tệp.",
    "parse.bad_image": "{name} không phải ảnh đọc được.",
    "parse.ocr_no_text": "{name} không có lớp chữ và nhận dạng chữ (OCR) không tìm thấy chữ nào; hãy gửi bản quét rõ hơn hoặc văn bản.",
    "parse.too_slow": "Đọc tệp quá {seconds} giây nên đã dừng; tệp có cấu trúc bất thường, hãy lưu lại hoặc gửi văn bản.",
    "parse.too_much_memory": "Đọc tệp cần quá {limit} MB bộ nhớ nên đã dừng; tệp có cấu trúc bất thường, hãy lưu lại hoặc gửi văn bản.",
    "parse.too_complex": "Tệp lồng nhau quá sâu nên không đọc được; hãy lưu lại hoặc gửi văn bản.",
    "parse.unreadable": "Tệp bị hỏng hoặc có dạng lạ nên không đọc được; hãy lưu lại hoặc gửi văn bản.",
    "parse.in_file": "{name}: {error}",
    "parse.cannot_open": "Không mở được {name}: {reason}.",
    "parse.file_too_big": "{name} nặng {size} MB; thông báo phải dưới 1 MB văn bản.",
    "parse.file_type": "{name}: không hỗ trợ loại tệp {ext}; hãy gửi .txt, .md, .docx hoặc .pdf.",
    "parse.binary_file": "{name} không phải tệp văn bản (dữ liệu nhị phân); hãy gửi .txt, .md, .docx hoặc .pdf.",
    "parse.not_utf8": "{name} không đọc được thành văn bản (UTF-8, UTF-16 hay Windows-1258); hãy lưu lại dạng UTF-8 rồi gửi lại.",
    "parse.bad_docx": "{name} không phải tệp .docx đọc được.",
    "parse.bad_pdf": "{name} không phải tệp PDF đọc được.",
    "parse.no_text_layer": "{name} không có lớp chữ (ảnh quét?); hãy nhận dạng chữ (OCR) trước hoặc gửi văn bản.",
    "parse.not_text": "Thông báo phải là văn bản.",
    "parse.text_too_big": "Văn bản dài quá 1 MB; hãy gửi đúng nội dung thông báo.",
    "parse.binary_text": "Đây không phải văn bản (dữ liệu nhị phân); hãy gửi .txt, .md, .docx hoặc .pdf.",
    "parse.empty": "Thông báo trống: không có chữ nào để đọc.",
    "parse.no_words": "Nội dung này không phải là chữ (dữ liệu mã hóa?); hãy gửi chính văn bản thông báo dưới dạng .txt, .md, .docx hoặc .pdf.",
    "parse.date_impossible": "Thông báo ghi ngày {date} (\"{phrase}\"), một ngày không có trên lịch. Hãy sửa lại rồi gửi lại thông báo.",
    "parse.date_range": "Thông báo ghi ngày {date} (\"{phrase}\"); ngày phải nằm trong khoảng 1945–2100. Hãy sửa lại rồi gửi lại thông báo.",
}
