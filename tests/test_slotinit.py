"""kg.slotinit.fast_init: the faster __init__ keeps a frozen slotted dataclass's behaviour."""

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest

from kg.extract.found import Found, Hit
from kg.extract.lexicon import Cue
from kg.extract.mentions import Mention
from kg.slotinit import fast_init


@dataclass(frozen=True, slots=True)
class Plain:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()


@fast_init
@dataclass(frozen=True, slots=True)
class Fast:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()


def _params(cls: type) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(cls).parameters.values()]


def test_same_values_signature_and_errors_as_the_dataclass_init():
    assert _params(Fast) == _params(Plain)
    for args, kwargs in (((1,), {}), ((1, "y"), {}), ((1,), {"c": (2,)}), ((), {"a": 3, "b": "z"})):
        f, p = Fast(*args, **kwargs), Plain(*args, **kwargs)
        assert dataclasses.astuple(f) == dataclasses.astuple(p)
        assert repr(f) == repr(p).replace("Plain", "Fast")
    for args, kwargs in (((), {}), ((1, "y", (), 4), {}), ((1,), {"d": 2}), ((1,), {"a": 2})):
        with pytest.raises(TypeError):
            Plain(*args, **kwargs)
        with pytest.raises(TypeError):
            Fast(*args, **kwargs)


def test_equality_hash_replace_pickle_and_frozen_stay():
    f = Fast(1, "y")
    assert f == Fast(1, "y") and hash(f) == hash(Fast(1, "y")) and f != Fast(2, "y")
    assert dataclasses.replace(f, b="z") == Fast(1, "z")
    assert pickle.loads(pickle.dumps(f)) == f
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.a = 2  # type: ignore[misc]


def test_only_plain_frozen_slotted_dataclasses():
    @dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclass(slots=True)
    class NotFrozen:
        a: int

    @dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class Post:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class NoInit:
        a: int = field(default=0, init=False)

    for cls in (NoSlots, NotFrozen, Factory, Post, NoInit, int):
        with pytest.raises(TypeError):
            fast_init(cls)


def test_the_classes_kg_uses_it_on():
    m = Mention(0, 1, 3, 10, 20, "Tenvar Inc", "Company", "tenvar", "Tenvar Inc", source="pattern")
    assert (m.source, m.wikidata, m.passing) == ("pattern", None, False)
    assert dataclasses.replace(m, i=0).i == 0 and pickle.loads(pickle.dumps(m)) == m
    assert str(inspect.signature(Mention)).endswith("origin=None, passing=False, sure=1.0)")
    h = Hit(1, 2, Cue(("buy",), relation="acquisition"))
    assert (h.i, h.j, h.cue.relation) == (1, 2, "acquisition")
    assert Found("acquisition", m, m, "asserted", None).confidence == 0.6  # type: ignore[arg-type]


def test_replace_is_dataclasses_replace():
    from kg.slotinit import replace

    m = Mention(0, 1, 3, 10, 20, "Tenvar Inc", "Company", "tenvar", "Tenvar Inc", source="pattern")
    for changes in ({}, {"key": "x", "label": "X", "type": "Person", "country": "US"}, {"passing": True},
                    {"sent": 2, "i": 0, "j": 1, "start": 5, "end": 6, "text": "T", "origin": "o"}):
        got, want = replace(m, **changes), dataclasses.replace(m, **changes)
        assert got == want and repr(got) == repr(want) and got is not m
        assert [getattr(got, f.name) for f in dataclasses.fields(Mention)] == [
            getattr(want, f.name) for f in dataclasses.fields(Mention)]
    with pytest.raises(TypeError, match="unexpected keyword argument 'nope'"):
        replace(m, nope=1)
    assert replace(m, i=2).i == 2 and m.i == 1  # the original is untouched
    # a class without fast_init: dataclasses.replace itself
    loose = Cue(("buy",), relation="acquisition")
    assert replace(loose, relation="investment") == dataclasses.replace(loose, relation="investment")
