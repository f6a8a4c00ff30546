"""Sentence ends: a stop after an abbreviation inside a name does not end the sentence, so a
quoted answer never starts in the middle of "Thuế TP. Hà Nội"."""
from knowledge.quotes import ranked_sentences
from knowledge.sentences import abbreviations, split_sentences


def test_a_stop_after_an_abbreviation_in_a_name_does_not_end_the_sentence():
    text = "Đề nghị Thuế TP. Hà Nội nghiên cứu quy định; báo cáo Cục Thuế. GS. TS. Nguyễn Văn A chủ trì."
    assert split_sentences(text) == ["Đề nghị Thuế TP. Hà Nội nghiên cứu quy định;",
                                     "báo cáo Cục Thuế.", "GS. TS. Nguyễn Văn A chủ trì."]


def test_other_stops_line_breaks_and_numbers_still_split_or_hold_as_before():
    assert split_sentences("Vốn 1.035.078,9 tỷ đồng. Nếu không") == ["Vốn 1.035.078,9 tỷ đồng.", "Nếu không"]
    assert split_sentences("Cục Thuế TP.\nHà Nội") == ["Cục Thuế TP.", "Hà Nội"]
    assert split_sentences("Làm ngay. Xong rồi!  Hỏi gì?") == ["Làm ngay.", "Xong rồi!", "Hỏi gì?"]


def test_the_quoted_sentence_keeps_the_whole_name():
    text = ("Căn cứ quy định trên. Đề nghị Thuế TP. Hà Nội nghiên cứu quy định, hướng dẫn tại từng "
            "thời kỳ để đối chiếu với hồ sơ của Công ty.")
    best = ranked_sentences(text, {"nghien", "cuu", "ho so"})[0]
    assert best.startswith("Đề nghị Thuế TP. Hà Nội")


def test_the_abbreviation_list_is_data():
    assert {"TP", "GS", "TS"} <= abbreviations()
