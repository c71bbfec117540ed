"""A stored analysis keeps how its image was read: the scale, the tiles, the reader's notes, the heat maps' class."""

from xincept_desktop.core.cases import CaseStore
from xincept_desktop.core.cases.schema import SCHEMA_VERSION, connect, migrate, schema_version
from xincept_desktop.core.scale import ScaleDecision

from .conftest import TickingClock, make_result


def _scaled_result(path):
    result = make_result(path, "Pro")
    result.scale = ScaleDecision("ruler", 2.02, 1.98, 0.5, 0.5, 35.0, "red cells 35 px, 2.00x the training images")
    result.tile_boxes = [(0, 0, 448, 448), (224, 0, 672, 448)]
    result.notes = ["multi-page TIFF: page 1 of 3 analysed"]
    result.explained_class = "Pre"
    result.field_share = 0.25
    return result


def _stored(store, case_id):
    [analysis] = [image.analysis for image in store.load_case(case_id).images if image.analysis is not None]
    return analysis.result


def test_scale_tiles_notes_and_explained_class_survive_storage(store, image_file):
    case_id = store.create_case({"patient_name": "A"}, user="tech")
    store.add_analyses(case_id, [_scaled_result(image_file("wide.png", b"wide"))], "xincept-all 1", "abc", user="tech")
    result = _stored(store, case_id)
    assert result.scale.note == "red cells 35 px, 2.00x the training images"
    assert result.scale_factor == ScaleDecision("ruler", 2.02, 1.98, 0.5, 0.5, 35.0, "").scale
    assert result.tile_boxes == [(0, 0, 448, 448), (224, 0, 672, 448)] and result.tiles == 2
    assert result.notes == ["multi-page TIFF: page 1 of 3 analysed"]
    assert result.explained_class == "Pre" and not result.explanation_agrees
    assert result.field_share == 0.25  # the magnified-field rule reads the same after a reload


def test_an_analysis_stored_before_the_ruler_reads_without_a_scale(db_path):
    conn = connect(db_path)
    assert migrate(conn, target=3) == 3
    conn.execute("INSERT INTO cases (patient_name, created_at, updated_at) VALUES ('Old', '2026-01-01', '2026-01-01')")
    conn.execute("INSERT INTO images (case_id, path, sha256, size_bytes, added_at) "
                 "VALUES (1, '/gone/old.png', 'aa', 3, '2026-01-01')")
    conn.execute("INSERT INTO analyses (image_id, sha256, model_version, model_hash, label, confidence, "
                 "probabilities, in_domain, analysed_at, analysed_by) "
                 "VALUES (1, 'aa', 'xincept-all 0', 'old', 'Pre', 0.9, '{}', 1, '2026-01-01', 'tech')")
    conn.close()
    with CaseStore(db_path, clock=TickingClock()) as store:
        assert schema_version(store._conn) == SCHEMA_VERSION
        result = _stored(store, 1)
    assert result.label == "Pre"
    assert result.scale is None and result.tile_boxes == [] and result.scale_factor is None and result.notes == []
