"""Reports in the chosen language (issue 19, point 6): Persian headings, class names, the 'not assessable' heading
and the disclaimer come from the core-side table and are shaped for the PDF; English stays as it was."""

from tests.core.report.conftest import snapshot_from
from tests.core.report.pdftext import pdf_text
from xincept_desktop.core.report import CaseReportRenderer
from xincept_desktop.core.report.language import PERSIAN, words
from xincept_desktop.core.report.renderer import DISCLAIMER, NOT_ASSESSABLE


def normalised(text: str) -> str:
    """Without spaces, and the shaped presentation forms folded back to letters (NFKC); zero-width non-joiners go
    (they only stop a join, and the shaping has used them)."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).replace("\u200c", "").split())


def test_persian_report_has_persian_headings_classes_and_disclaimer(make_results):
    data = snapshot_from(make_results(5), language="fa", report_id=None)
    text = normalised(pdf_text(CaseReportRenderer().render(data)))
    for english in ("Patient and specimen", "Case-level suggestion", "Review and signature", "Pre-B ALL",
                    NOT_ASSESSABLE):
        assert normalised(PERSIAN[english]) in text, english
    for line in PERSIAN[DISCLAIMER].split("\n"):  # each line whole and in reading order
        assert normalised(line) in text, line
    assert "Patientandspecimen" not in text


def test_english_report_and_its_id_are_unchanged(make_results):
    results = make_results(4)
    default = snapshot_from(results, report_id=None)
    english = snapshot_from(results, report_id=None, language="en")
    persian = snapshot_from(results, report_id=None, language="fa")
    assert default.report_id == english.report_id != persian.report_id
    assert "Patient and specimen" in pdf_text(CaseReportRenderer().render(english))


def test_every_table_entry_is_used_by_the_renderer_or_config():
    import inspect

    from xincept_desktop.config import CLASS_DESCRIPTIONS
    from xincept_desktop.core.assessability import HEADINGS
    from xincept_desktop.core.report import renderer

    source = inspect.getsource(renderer)
    for english in PERSIAN:
        assert (english in source or english in CLASS_DESCRIPTIONS.values() or english == DISCLAIMER
                or english in HEADINGS), english
    assert set(HEADINGS) <= set(PERSIAN), "every not-assessable heading the report prints has its Persian"
    assert words("xx")("Images") == "Images"
