"""No any-verb-before-*dass* frame after a modal or a zu-infinitive (*möchte … erreichen, dass …*)."""

from .sentences import german_claims as claims


def contents(text):
    return [claim.text for claim in claims(text)]


def test_a_wish_or_plan_before_dass_is_no_claim():
    assert contents("Im Herbst möchte die Stiftung erreichen, dass mehr Kinder schwimmen lernen.") == []
    assert contents("Seit Jahren versucht der Verein sicherzustellen, dass alle Mitglieder informiert werden.") == []
    assert contents("Morgen werde die Stadt dafür sorgen, dass die Brücke wieder offen ist.") == []


def test_a_finite_verb_before_dass_stays_a_frame():
    found = claims("Im Herbst befürchtete die Stiftung, dass weniger Kinder schwimmen lernen.")
    assert [claim.text for claim in found] == ["dass weniger Kinder schwimmen lernen"]
    assert found[0].cue.text == "befürchtete"
