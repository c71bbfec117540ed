"""The case list: search by patient id and name (any case, any script) and by date."""

from __future__ import annotations

from datetime import date

import pytest
from tests.accounts import sign


@pytest.fixture
def cases(store, people):
    ids = {}
    for key, fields in {
        "sara": {"patient_name": "Sara Ahmadi", "patient_id": "P-100", "collection_date": "2026-02-27"},
        "reza": {"patient_name": "Reza Karimi", "patient_id": "P-200", "collection_date": "2026-01-10"},
        "farsi": {"patient_name": "\u0632\u0647\u0631\u0627 \u0631\u0636\u0627\u06cc\u06cc", "patient_id": "Q-7",
                  "collection_date": "2025-12-31"},
        "nodate": {"patient_name": "STRASSE Müller", "patient_id": "p-300"},
    }.items():
        ids[key] = store.create_case(fields, user=people.tech)
    return ids


def names(rows):
    return sorted(row.patient_name for row in rows)


def test_empty_search_lists_all_cases_newest_first(store, cases):
    rows = store.list_cases()
    assert [row.case_id for row in rows] == sorted(cases.values(), reverse=True)
    assert rows[0].image_count == 0 and not rows[0].signed


@pytest.mark.parametrize("text, expected", [
    ("p-1", ["Sara Ahmadi"]), ("sara", ["Sara Ahmadi"]), ("AHMADI", ["Sara Ahmadi"]),
    ("kar rez", ["Reza Karimi"]), ("p-", ["Reza Karimi", "STRASSE Müller", "Sara Ahmadi"]),
    ("\u0632\u0647\u0631\u0627", ["\u0632\u0647\u0631\u0627 \u0631\u0636\u0627\u06cc\u06cc"]),
    ("straße", ["STRASSE Müller"]), ("MÜLLER", ["STRASSE Müller"]), ("nobody", []),
    ("'; DROP TABLE cases; --", []), ("%", []), ("_", []),
])
def test_search_by_patient_id_and_name(store, cases, text, expected):
    assert names(store.list_cases(text)) == sorted(expected)


def test_search_by_date_range_inclusive(store, cases):
    assert names(store.list_cases(date_from=date(2026, 1, 10), date_to=date(2026, 2, 27))) == [
        "Reza Karimi", "Sara Ahmadi"]
    assert names(store.list_cases("sara", date_to=date(2026, 2, 1))) == []
    # no collection date: the creation date (2026-03-01 by the test clock) counts
    assert names(store.list_cases(date_from=date(2026, 3, 1))) == ["STRASSE Müller"]


def test_list_shows_image_count_sign_off_and_limit(store, analysed_case, people):
    case_id, _ = analysed_case
    sign(store, case_id, people.dr_a)
    (row,) = store.list_cases("P-100")
    assert (row.image_count, row.signed, row.signed_by, row.collection_date) == (2, True, "Dr. A", "2026-02-27")
    store.create_case({"patient_id": "P-101"}, user=people.tech)
    assert len(store.list_cases("p-10", limit=1)) == 1
