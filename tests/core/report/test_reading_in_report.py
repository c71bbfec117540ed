"""The report says per image the scale it was read at, its tiles, and which class its heat map explains."""

from __future__ import annotations

from tests.core.report.conftest import snapshot_from
from tests.core.report.pdftext import pdf_text
from xincept_desktop.core.report import render_pdf
from xincept_desktop.core.scale import ScaleDecision


def test_scale_tiles_and_a_differing_heat_map_class_are_printed(make_results):
    results = make_results(3)  # labels Benign, Early, Pre
    results[0].scale = ScaleDecision("ruler", 2.0, 2.0, 0.5, 0.5, 35.0, "red cells 35 px, 2.00x the training images")
    results[0].tile_boxes = [(0, 0, 10, 10), (5, 0, 15, 10), (10, 0, 20, 10)]
    results[1].scale = ScaleDecision("unknown", None, None, 1.0, 1.0, None,
                                     "scale unknown (too few red cells to measure (0)): set the microscope profile")
    results[2].explained_class = "Pro"
    results[2].notes = ["multi-page TIFF: page 1 of 3 analysed"]
    data = snapshot_from(results)
    assert data.images[0].tiles == 3 and data.images[1].scale_unknown
    text = " ".join(pdf_text(render_pdf(data)).split())  # lines wrap in the PDF
    assert "Scale: red cells 35 px, 2.00x the training images; analysed as 3 tiles" in text
    assert "set the microscope profile" in text
    assert "Heat map: the network's evidence for Pro, which differs from the given class Pre" in text
    assert "multi-page TIFF: page 1 of 3 analysed" in text
    assert "weighed most in the decision" not in text and "network's evidence for the shown class" in text


def test_results_made_before_the_ruler_print_no_scale_line(make_results):
    text = pdf_text(render_pdf(snapshot_from(make_results(2))))
    assert "Scale: red cells" not in text and "Heat map: the network's evidence for" not in text
