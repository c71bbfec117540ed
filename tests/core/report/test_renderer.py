"""The rendered PDF: every field verbatim, determinism, page numbering, metadata, fonts for any script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from tests.core.report.conftest import FIELDS, snapshot_from
from tests.core.report.pdftext import font_names, pdf_text, reader
from xincept_desktop.core.report import CaseReportRenderer, render_pdf
from xincept_desktop.core.report.fonts import DEFAULT_CANDIDATES, FontSet

ARABIC_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf")
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_every_field_appears_verbatim(snapshot):
    text = pdf_text(render_pdf(snapshot))
    for key, value in FIELDS.items():
        for line in value.split("\n"):
            assert line in text, (key, line)
    assert "Ann <b>O'Brien</b> & Co" in text
    for expected in ("Hôpital Saint-Louis — Hématologie", "XR-20250131-TEST0001", "2025-01-31 14:05 (UTC+01:00)",
                     "1.2.0", "ab12cd34", "Grad-CAM", "XIncept-ALL", "qualified hematologist",
                     "Reviewer's conclusion", "Signature", "Date"):
        assert expected in text, expected


def test_case_summary_and_image_rows(snapshot):
    text = pdf_text(render_pdf(snapshot))
    assert "Case-level suggestion" in text and snapshot.summary.suggestion.split(" (")[0] in text
    assert "4 / 1 / " in text
    for entry in snapshot.analysed_images:
        assert f"File: {entry.file_name}" in text
        assert f"{entry.confidence * 100:.1f} %" in text
    assert "In domain: yes" in text
    assert "broken0.jpg" in text and "not an image: cannot decode" in text


def test_out_of_domain_images_are_flagged(make_results):
    text = pdf_text(render_pdf(snapshot_from(make_results(5))))
    assert "In domain: NO" in text and "Needs review" in text


def test_one_thumbnail_and_one_overlay_per_analysed_image(make_results):
    data = snapshot_from(make_results(5, failed=2))
    images = sum(len(page.images) for page in reader(render_pdf(data)).pages)
    assert images == 2 * 5


def test_same_snapshot_same_bytes(snapshot):
    first = render_pdf(snapshot)
    assert first.startswith(b"%PDF-")
    assert render_pdf(snapshot) == first
    assert CaseReportRenderer().render(snapshot) == first


def test_different_snapshot_different_bytes(make_results):
    results = make_results(2)
    assert render_pdf(snapshot_from(results)) != render_pdf(snapshot_from(results, report_id="XR-OTHER"))


def test_metadata_and_fixed_creation_date(snapshot):
    meta = reader(render_pdf(snapshot)).metadata
    assert meta.title == "XIncept case report XR-20250131-TEST0001"
    assert meta.author == FIELDS["reviewer"]
    assert "qualified hematologist" in meta.subject
    assert meta["/CreationDate"] == "D:20250131140500+01'00'"


def test_page_x_of_y_matches_the_page_count(make_results):
    pdf = render_pdf(snapshot_from(make_results(40, failed=3)))
    pages = reader(pdf).pages
    total = len(pages)
    assert total >= 5
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()
    assert re.findall(r"Page \d+ of (\d+)", pdf_text(pdf)) == [str(total)] * total


def test_markup_in_every_field_is_printed_not_interpreted(make_results):
    hostile = {key: f"<i>{n}</i>&amp;<br/>" for n, key in enumerate(FIELDS)}
    text = pdf_text(render_pdf(snapshot_from(make_results(1), fields=hostile, institution="<b>Inst</b> &")))
    for value in hostile.values():
        assert value in text
    assert "<b>Inst</b> &" in text


@pytest.mark.skipif(not CJK_FONT.is_file(), reason="WenQuanYi Micro Hei not installed")
def test_chinese_and_accented_names_print_with_embedded_fonts(make_results):
    fields = dict(FIELDS, patient_name="王小明", physician="José Ñúñez-Çelik")
    pdf = render_pdf(snapshot_from(make_results(1), fields=fields))
    text = pdf_text(pdf)
    assert "王小明" in text and "José Ñúñez-Çelik" in text and "not printable" not in text
    assert any("WenQuanYi" in name for name in font_names(pdf))


@pytest.mark.skipif(not ARABIC_FONT.is_file(), reason="Noto Sans Arabic not installed")
def test_arabic_and_urdu_names_are_shaped_and_embedded(make_results):
    import unicodedata
    from collections import Counter

    name = "عائشہ خان محمد"
    pdf = render_pdf(snapshot_from(make_results(1), fields=dict(FIELDS, patient_name=name)))
    text = pdf_text(pdf)
    assert "not printable" not in text
    assert any("NotoSansArabic" in font for font in font_names(pdf))
    printed = Counter(unicodedata.normalize("NFKC", text))
    assert all(printed[letter] >= count for letter, count in Counter(name.replace(" ", "")).items())


def test_missing_cjk_font_is_reported_not_boxed(make_results):
    fonts = FontSet({role: paths for role, paths in DEFAULT_CANDIDATES.items() if role != "cjk"})
    fields = dict(FIELDS, patient_name="王小明 Wang")
    text = pdf_text(CaseReportRenderer(fonts).render(snapshot_from(make_results(1), fields=fields)))
    assert "[U+738B][U+5C0F][U+660E]" in text and "Wang" in text
    assert "Characters not printable" in text and "U+738B" in text and "U+660E." in text


def test_without_any_truetype_font_latin1_still_prints(make_results):
    fonts = FontSet({}, ())
    assert fonts.base == "Helvetica"
    fields = dict(FIELDS, patient_name="Zoë Ågård", reviewer="王")
    text = pdf_text(CaseReportRenderer(fonts).render(snapshot_from(make_results(1), fields=fields)))
    assert "Zoë Ågård" in text and "U+738B" in text and "Characters not printable" in text


def test_an_out_of_domain_image_leads_with_not_assessable_and_its_class_is_only_the_closest(tmp_path):
    from tests.core.report.conftest import fake_result

    path = tmp_path / "neutrophil.png"
    Image.new("RGB", (120, 90), (200, 120, 160)).save(path)
    text = pdf_text(render_pdf(snapshot_from([fake_result(path, 2, confidence=0.994, in_domain=False)])))
    flat = " ".join(text.split())
    heading = flat.index("Not assessable: unlike the training images")
    assert heading < flat.index("unlike the training images (distance 3.00 > 2.00)") < flat.index("Closest class: Pre")
    assert "(not a diagnosis)" in flat and "99.4 %" in flat
    assert "Pre: Pre-B" not in flat[:heading]  # no class heading before the warning


def test_the_report_heads_an_image_of_unknown_scale_as_such(tmp_path):
    from tests.core.report.conftest import fake_result
    from xincept_desktop.core.scale.decision import UNKNOWN, ScaleDecision

    path = tmp_path / "field.png"
    Image.new("RGB", (120, 90), (200, 120, 160)).save(path)
    image = fake_result(path, 2, confidence=0.994, in_domain=False)
    image.scale = ScaleDecision(UNKNOWN, None, None, 1.0, 1.0, None, "scale unknown (red cells could not be measured)"
                                ": set the microscope profile")
    flat = " ".join(pdf_text(render_pdf(snapshot_from([image]))).split())
    assert "Not assessable: scale unknown" in flat and "Not assessable: unlike" not in flat
    assert "In domain: NO: scale unknown" in flat and "NO: unlike" not in flat, \
        "the domain line says what the heading says"
