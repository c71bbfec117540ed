"""A case opens without decoding its heat maps; each result's maps are read from the store when first used, from
any thread, and equal what was stored (issue 19, point 5)."""

import threading

import numpy as np

from xincept_desktop.core.cases.lazy_heatmaps import StoredHeatmaps, with_stored_heatmaps


def test_maps_are_read_on_first_use_and_equal_the_stored_ones(store, db_path, analysed_case):
    case_id, _ = analysed_case
    full = store.load_case(case_id, verify_files=False)
    lazy = store.load_case(case_id, verify_files=False, heatmaps=False)
    assert all(not r.cams for r in lazy.results)
    with_stored_heatmaps(lazy, db_path)
    maps = [r.cams for r in lazy.results]
    assert all(isinstance(m, StoredHeatmaps) and not m.loaded for m in maps)
    read = {}
    thread = threading.Thread(target=lambda: read.update(dict(maps[1])))  # a report's thread reads it
    thread.start()
    thread.join()
    assert maps[1].loaded and not maps[0].loaded  # only the map that was used
    expected = full.results[1].cams
    assert set(read) == set(expected) and all(np.array_equal(read[m], expected[m]) for m in expected)


def test_an_analysis_without_maps_reads_as_empty(store, db_path):
    assert dict(StoredHeatmaps(db_path, 9999)) == {}
