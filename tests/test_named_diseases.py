"""Diseases a question names (knowledge/vocab/names.tsv)."""
from knowledge.text import tokenize


def test_nearby_diseases_are_named_without_accents():
    """A question about rabies or mumps typed without accents names a disease the Covid
    notices do not mention: "no notice about X", not a Covid item (knowledge/vocab/names.tsv)."""
    from knowledge.named import find_names

    def named(q):
        terms = [t.term for t in tokenize(q)]
        return [n.label for _, _, n in find_names(terms, q.lower().split())]

    assert named("tiem phong dai cho cho o dau") == ["bệnh dại"]
    assert named("tre bi quai bi co phai nghi hoc khong") == ["quai bị"]
    assert named("tiem thuy dau cho tre") == ["thủy đậu"]
