"""Subscriptions decide who receives notices and reminders: check targeting and migration."""
import pytest

from knowledge import subscriptions as subs


def test_targets_all_and_units_once(db):
    for cid in (-1, -2, -3, -4):
        subs.register_chat(cid, type="group", title=f"g{cid}")
    subs.subscribe(-1, ["all"])
    subs.subscribe(-2, ["health", "schools"])
    subs.subscribe(-3, ["enterprises"])
    assert subs.chats_for_units(["health", "schools"]) == [-2, -1]
    assert subs.chats_for_units([]) == [-1]


def test_inactive_chats_are_not_targeted_and_come_back(db):
    subs.register_chat(-5, type="group")
    subs.subscribe(-5, ["health"])
    subs.deactivate_chat(-5)
    assert subs.chats_for_units(["health"]) == []
    subs.register_chat(-5, type="group")
    assert subs.chats_for_units(["health"]) == [-5]


def test_unknown_unit_is_refused_and_nothing_changes(db):
    subs.register_chat(-6, type="group")
    with pytest.raises(subs.UnknownUnit, match="bakery"):
        subs.subscribe(-6, ["health", "bakery"])
    assert subs.units_of(-6) == []


def test_toggle_and_unsubscribe(db):
    subs.register_chat(7)
    assert subs.toggle(7, "health") == ["health"]
    assert subs.toggle(7, "schools") == ["health", "schools"]
    assert subs.toggle(7, "health") == ["schools"]
    assert subs.unsubscribe(7) == []


def test_migration_moves_subscriptions(db):
    subs.register_chat(-100, type="group", title="Tổ Covid phường 1")
    subs.subscribe(-100, ["community", "health"])
    new = subs.migrate_chat(-100, -1001557912345)
    assert new.title == "Tổ Covid phường 1"
    assert subs.units_of(-1001557912345) == ["community", "health"]
    assert subs.units_of(-100) == []
    assert subs.chats_for_units(["community"]) == [-1001557912345]


def test_units_by_code_or_everyday_name():
    from knowledge.units import find_unit, parse_unit_list
    assert find_unit("Y tế") == find_unit("y te") == find_unit("Health") == "health"
    assert find_unit("tất cả") == "all" and find_unit("bakery") is None
    assert parse_unit_list("health schools") == ["health", "schools"]
    assert parse_unit_list("doanh nghiệp, Công an") == ["enterprises", "police"]
    assert parse_unit_list("health, tiệm bánh") == ["health", "tiệm bánh"]   # reported as unknown
