"""`bot.py import` shows the header it read (kind, number, issuer, date, title, signer), and
says "(không rõ)" for what the letterhead lacks, so an admin checks it before pushing (QA10)."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "tests", "samples", "thong_bao_45_ha_nam.txt")


def _import(path, tmp_path, lang="vi"):
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL", "DEFAULT_LANG")}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path}/h.db", DEFAULT_LANG=lang)
    done = subprocess.run([sys.executable, "bot.py", "import", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_prints_the_header_it_read(tmp_path):
    out = _import(SAMPLE, tmp_path)
    assert "Thông báo kết luận số 45-TB/BCĐ · Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Hà Nam · ngày 10/01/2022" in out
    assert "Người ký: Trần Văn Nam" in out and "Trích yếu: " in out


def test_a_page_without_letterhead_says_what_is_unknown(tmp_path):
    page = tmp_path / "note.txt"
    page.write_text("Các xã báo cáo số hộ dân bị ngập trước ngày 15/12/2026.\n", encoding="utf-8")
    out = _import(page, tmp_path)
    assert "Văn bản số (không rõ) · (không rõ) · ngày (không rõ)" in out and "Người ký: (không rõ)" in out


def test_the_header_in_english(tmp_path):
    out = _import(SAMPLE, tmp_path, lang="en")
    assert "no. 45-TB/BCĐ" in out and "dated 10/01/2022" in out and "Signed by: Trần Văn Nam" in out
