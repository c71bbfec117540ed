"""Help menu (issue 19, point 4): the user guide the repository keeps is the page the app shows, the shortcuts list
every key, the model card is shown read-only, About leads with what the app is."""

from pathlib import Path

from xincept_desktop.config import REPO_DIR
from xincept_desktop.ui import help as help_pages
from xincept_desktop.ui.case_panel import DISCLAIMER

GUIDE = REPO_DIR / "docs" / "user-guide.md"
MODEL_DIR = REPO_DIR / "models" / "xincept-all"


def test_the_app_shows_the_repository_guide(qtbot):
    assert help_pages.USER_GUIDE.read_bytes() == GUIDE.read_bytes()  # built by resources/build.py, kept current
    dialog = help_pages.user_guide_dialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for topic in ("heat map", "case suggestion", "Not assessable", "scale unknown", "Override Class",
                  "Sign Off", "Re-open"):
        assert topic in text, topic
    assert dialog.browser.isReadOnly()


def test_a_missing_guide_says_so(tmp_path):
    assert "not installed" in help_pages.user_guide_text(tmp_path / "none.md")


def test_shortcuts_list_menu_keys_and_viewer_keys(make_window, qtbot):
    window = make_window(start=False)
    dialog = help_pages.shortcuts_dialog(window.actions, window)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for expected in ("F5", "Analyse", "Ctrl+R", "Override Class", "Heat Map", "User Guide", "Space", "Next image"):
        assert expected in text, expected


def test_model_card_is_read_only_and_missing_card_is_named(qtbot, tmp_path):
    dialog = help_pages.model_card_dialog(MODEL_DIR)
    qtbot.addWidget(dialog)
    assert "Model card" in dialog.browser.toPlainText() and dialog.browser.isReadOnly()
    assert "No model card" in help_pages.model_card_text(tmp_path)


def test_about_leads_with_the_app_and_the_disclaimer_before_technical_details(qtbot):
    dialog = help_pages.about_dialog("xincept-all 2026.11.29 (4ef8)", MODEL_DIR)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    first = text.index("decision support")
    assert first < text.index("xincept-all 2026.11.29") < text.index("Technical details")
    assert DISCLAIMER in text and text.index(DISCLAIMER) < text.index("Technical details")
    assert "train" not in text[:text.index("Technical details")].lower().replace("training", "")
