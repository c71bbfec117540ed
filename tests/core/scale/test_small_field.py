"""A magnified field is shown as in domain only with the confidence measured to be needed at that magnification."""

import pytest

from xincept_desktop.core.scale import small_field
from xincept_desktop.core.scale.small_field import is_small_field, small_field_doubt, small_field_reason


@pytest.mark.parametrize("share, small", [(1.0, False), (0.6, False), (0.59, True), (0.25, True), (None, False)])
def test_a_field_is_small_when_it_fills_less_of_the_input_than_the_bar(share, small):
    assert is_small_field(share) is small


def test_only_a_small_field_under_the_floor_is_in_doubt():
    floor = small_field.SMALL_FIELD_MIN_CONFIDENCE
    assert small_field_doubt(0.25, floor - 0.01)
    assert not small_field_doubt(0.25, floor)
    assert not small_field_doubt(1.0, 0.3)  # a whole field at low confidence is the low-confidence flag's business
    assert small_field_doubt(0.25, None)


def test_the_reason_says_how_much_of_the_input_the_field_fills_and_what_to_do():
    reason = small_field_reason(0.25, 0.8)
    assert "25%" in reason and "80%" in reason and "wider field" in reason
