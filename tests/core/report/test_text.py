"""User text to markup: escaping, font runs, right-to-left shaping, unprintable characters."""

from xincept_desktop.core.report.fonts import DEFAULT_CANDIDATES, FontSet, default_fonts
from xincept_desktop.core.report.text import TextStyler, clean, has_rtl, visual_line


def test_markup_is_escaped():
    markup = TextStyler(default_fonts()).markup("Ann <b>O'Brien</b> & Co")
    assert "&lt;b&gt;O'Brien&lt;/b&gt; &amp; Co" in markup and "<b>" not in markup


def test_newlines_become_breaks_and_controls_spaces():
    assert clean("a\tb\x00c\r\nd") == "a b c\nd"
    assert TextStyler(default_fonts()).markup("one\ntwo").count("<br/>") == 1


def test_each_script_gets_a_covering_font():
    fonts = default_fonts()
    markup = TextStyler(fonts).markup("Ab 王")
    if "cjk" in fonts.by_role:
        assert markup.count("<font") == 2


def test_right_to_left_lines_are_reshaped_into_visual_order():
    assert has_rtl("محمد") and not has_rtl("Mohamed")
    shaped = visual_line("محمد")
    assert shaped != "محمد" and all(0xFB50 <= ord(c) <= 0xFEFF for c in shaped)
    assert visual_line("plain") == "plain"


def test_unprintable_characters_are_collected_in_order():
    styler = TextStyler(FontSet({r: p for r, p in DEFAULT_CANDIDATES.items() if r != "cjk"}))
    markup = styler.markup("明 a 王 明")
    assert "[U+660E]" in markup and "[U+738B]" in markup
    assert "U+660E U+738B." in styler.unprintable_note()
    assert TextStyler(default_fonts()).unprintable_note() == ""
