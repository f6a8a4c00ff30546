"""Targeting by level and place without Telegram: reading `/subscribe …`, the places named
with an item's actors, matching subscriptions to targets, and the schema step m0080."""
from __future__ import annotations

import pytest

from knowledge import places
from knowledge import subscriptions as subs
from knowledge.models import Subscription
from knowledge.subscriptions import parse_request
from knowledge.targeting import Sub, Target, chats_for, item_targets, matches, places_after


@pytest.mark.parametrize("typed, units, level, place", [
    ("y tế xã, Hải Hà", ["health"], "commune", "Hải Hà"),
    ("y te xa, hai ha", ["health"], "commune", "hai ha"),
    ("health schools", ["health", "schools"], "", ""),
    ("y tế, trường học", ["health", "schools"], "", ""),
    ("Trạm Y tế xã Quảng Minh", ["health"], "commune", "Quảng Minh"),
    ("y tế, xã Quảng Minh", ["health"], "commune", "Quảng Minh"),
    ("Sở Y tế", ["health"], "province", ""),
    ("cấp xã y tế, Hải Hà", ["health"], "commune", "Hải Hà"),
    ("health, commune", ["health"], "commune", ""),
    ("police district, Tiên Yên", ["police"], "district", "Tiên Yên"),
    ("all", ["all"], "", ""),
])
def test_subscribe_text_is_read_as_units_level_and_place(typed, units, level, place):
    req = parse_request(typed)
    assert (req.units, req.level, req.place, req.unknown) == (units, level, place, [])


def test_a_piece_naming_nothing_before_the_last_is_reported():
    assert parse_request("y tế, Hải Hà, trường học").unknown == ["Hải Hà"]
    assert parse_request("bakery").unknown == ["bakery"]


@pytest.mark.parametrize("text, actor, found", [
    ("Trạm Y tế các xã thuộc huyện Hải Hà tổ chức tiêm vắc xin", "Trạm Y tế", ["Hải Hà"]),
    ("Ủy ban nhân dân các huyện Hải Hà, Đầm Hà và thành phố Móng Cái chỉ đạo", "Ủy ban nhân dân",
     ["Hải Hà", "Đầm Hà", "Móng Cái"]),
    ("UBND thị xã Quảng Yên, UBND huyện Tiên Yên chuẩn bị", "Ủy ban nhân dân", ["Quảng Yên", "Tiên Yên"]),
    ("Trạm Y tế xã Quảng Minh, xã Quảng Long báo cáo", "Trạm Y tế", ["Quảng Minh", "Quảng Long"]),
    # where the task happens is not whom it is for
    ("Sở Y tế chỉ đạo tiêm vắc xin tại xã Quảng Minh", "Sở Y tế", []),
    ("UBND thành phố Hà Nội chỉ đạo", "Ủy ban nhân dân", []),          # a province, not a place in it
    ("Công an tỉnh Quảng Ninh chỉ đạo Công an huyện Hải Hà", "Công an", []),
])
def test_places_named_with_an_actor(text, actor, found):
    assert places_after(text, actor) == found


def test_a_provincial_actor_takes_no_place_and_an_inherited_actor_reads_its_heading():
    item = {"text": "Ủy ban nhân dân Thành phố Hồ Chí Minh chỉ đạo các sở",
            "actors": [{"name": "Ủy ban nhân dân", "unit": "government", "level": "province"}]}
    assert item_targets(item) == [Target("government", "province")]
    item = {"text": "Rà soát danh sách người cách ly.", "headings": ["2. UBND huyện Tiên Yên:"],
            "actors": [{"name": "Ủy ban nhân dân", "unit": "government", "level": "district"}],
            "units": ["government", "police"]}
    assert item_targets(item) == [Target("government", "district", "Tiên Yên"), Target("police")]


def test_matching_levels_places_and_a_commune_inside_its_district():
    commune_task = Target("health", "commune", "Hải Hà")
    assert matches(Sub(1, "health", "commune", "Hải Hà"), commune_task)
    assert matches(Sub(1, "health", "commune", "Quảng Minh"), commune_task)     # in Hải Hà
    assert matches(Sub(1, "health", "", ""), commune_task)
    assert matches(Sub(1, "all", "commune", ""), commune_task)
    assert not matches(Sub(1, "health", "province", ""), commune_task)
    assert not matches(Sub(1, "health", "commune", "Tiên Yên"), commune_task)
    assert not matches(Sub(1, "schools", "commune", "Hải Hà"), commune_task)
    assert matches(Sub(1, "health", "commune", "Hải Hà"), Target("health", "commune", "Quảng Minh"))
    assert matches(Sub(1, "health", "commune", "hai ha"), Target("health"))    # a task for every level
    assert matches(Sub(1, "health", "commune", "Xóm Mới"), Target("health", "commune", "xom moi"))
    subs_ = [Sub(1, "health", "province"), Sub(2, "health", "commune", "Hải Hà"), Sub(3, "all")]
    assert chats_for(subs_, [Target("health", "province")]) == [1, 3]
    assert chats_for(subs_, [commune_task]) == [2, 3]


def test_places_file_knows_districts_of_communes():
    assert places.district_of("Quảng Minh") == "Hải Hà"
    assert places.district_of("hai ha") == "Hải Hà"
    assert places.district_of("Xóm Mới") == "Xóm Mới"
    assert places.display("quang minh") == "Quảng Minh" and places.known("Đầm Hà")


def test_subscriptions_at_several_levels_and_places_coexist(db):
    subs.register_chat(-1, type="group", title="Y tế")
    subs.subscribe(-1, ["health"], level="commune", place="hai ha")
    subs.subscribe(-1, ["health"], level="commune", place="Hải Hà")          # the same, stored once
    subs.subscribe(-1, ["health"], level="district", place="Hải Hà")
    subs.subscribe(-1, ["health"])
    assert [(s.level, s.place) for s in subs.subscriptions_of(-1)] == [
        ("commune", "Hải Hà"), ("district", "Hải Hà"), ("", "")]
    assert subs.units_of(-1) == ["health"]
    subs.unsubscribe(-1, ["health"], place="HẢI HÀ")
    assert [(s.level, s.place) for s in subs.subscriptions_of(-1)] == [("", "")]
    new = subs.migrate_chat(-1, -1001)
    assert new.id == -1001 and Subscription.select().where(Subscription.chat == -1001).count() == 1


def test_m0080_keeps_release1_subscriptions_at_any_level_and_unique_per_level_and_place(tmp_path):
    """A release-1 subscription (unique per chat and unit) upgrades to level '' and place ''
    (it receives what it did), and the chat may then add the unit at a level and place."""
    from peewee import IntegrityError
    from playhouse.db_url import connect

    from knowledge.db import close_database, open_database
    from tests.test_migrations import _build_release1
    url = f"sqlite:///{tmp_path}/r1.db"
    raw = connect(url)
    with raw.atomic():
        _build_release1(raw, "sqlite")
    before = raw.execute_sql('SELECT chat_id, unit FROM "subscription" ORDER BY id').fetchall()
    raw.close()
    db = open_database(url)
    try:
        after = db.execute_sql('SELECT chat_id, unit, level, place FROM "subscription" ORDER BY id').fetchall()
        assert before and after == [(c, u, "", "") for c, u in before]
        chat_id, unit = before[0]
        subs.subscribe(chat_id, [unit], level="commune", place="Hải Hà")
        with pytest.raises(IntegrityError), db.atomic():
            Subscription.create(chat=chat_id, unit=unit, level="commune", place="Hải Hà")
    finally:
        close_database()
