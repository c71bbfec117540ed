from pathlib import Path

from xincept_desktop.core.case_summary import INDETERMINATE, SUGGESTION_RULE, summarise_case, suggest
from xincept_desktop.core.pipeline import ImageResult


def result(name, label=None, confidence=0.9, in_domain=True, error=None):
    if error:
        return ImageResult(Path(name), error=error)
    return ImageResult(Path(name), label=label, confidence=confidence, in_domain=in_domain,
                       probabilities={label: confidence})


def test_most_frequent_confident_in_domain_class_wins():
    results = [result("a", "Pre"), result("b", "Pre"), result("c", "Pro"),
               result("d", "Pro", confidence=0.5), result("e", "Pro", in_domain=False)]
    summary = summarise_case(results)
    assert summary.suggestion == "Pre"
    assert summary.counts == {"Benign": 0, "Early": 0, "Pre": 2, "Pro": 3}
    assert summary.confident_counts["Pro"] == 1
    assert [item.path.name for item in summary.review] == ["d", "e"]
    assert "low confidence" in summary.review[0].reason and "out of domain" in summary.review[1].reason


def test_tie_and_empty_are_indeterminate():
    assert summarise_case([result("a", "Pre"), result("b", "Pro")]).suggestion == INDETERMINATE
    assert summarise_case([]).suggestion == INDETERMINATE
    assert summarise_case([result("a", "Pre", confidence=0.2)]).indeterminate
    assert suggest({"Benign": 0}) == INDETERMINATE


def test_errors_are_counted_and_listed_for_review():
    summary = summarise_case([result("bad", error="file is empty (0 bytes)"), result("ok", "Benign")])
    assert (summary.total, summary.analysed, summary.failed) == (2, 1, 1)
    assert summary.suggestion == "Benign"
    assert summary.review[0].reason.startswith("not analysed: file is empty")


def test_rule_text_names_the_threshold_and_fallback():
    assert "70 %" in SUGGESTION_RULE and INDETERMINATE in SUGGESTION_RULE


def test_images_not_yet_analysed_count_toward_the_total_only():
    summary = summarise_case([ImageResult(Path("queued")), result("a", "Early")])
    assert (summary.total, summary.analysed, summary.failed) == (2, 1, 0)
    assert summary.review == []


def test_reviewed_classes_replace_the_models_and_count_as_confirmed():
    results = [result("a", "Pre"), result("b", "Pre"), result("c", "Pro"),
               result("d", "Pro", confidence=0.5), result("e", "Pro", in_domain=False)]
    overridden = {"a": "Pro", "d": "Early"}
    summary = summarise_case(results, reviewed_class=lambda r: overridden.get(r.path.name))
    assert summary.counts == {"Benign": 0, "Early": 1, "Pre": 1, "Pro": 3}
    assert summary.confident_counts == {"Benign": 0, "Early": 1, "Pre": 1, "Pro": 2}
    assert summary.suggestion == "Pro"
    assert [item.path.name for item in summary.review] == ["e"]  # "d" was reviewed
    assert "reviewer" in SUGGESTION_RULE


def test_excluded_images_leave_counts_and_suggestion_but_stay_listed():
    from types import SimpleNamespace

    from xincept_desktop.core.case_summary import EXCLUDED, summarise_case

    def result(name, label):
        return SimpleNamespace(path=Path(name), error=None, label=label, confidence=0.95, in_domain=True)

    results = [result("a.png", "Pre"), result("b.png", "Pro"), result("c.png", "Pro")]
    summary = summarise_case(results, reviewed_class=lambda r: EXCLUDED if r.path.name != "a.png" else None,
                             excluded_reason=lambda r: "not a lymphoblast")
    assert summary.counts["Pro"] == 0 and summary.analysed == 1 and summary.suggestion == "Pre"
    assert [(item.path.name, item.reason) for item in summary.excluded] == [
        ("b.png", "excluded: not a lymphoblast"), ("c.png", "excluded: not a lymphoblast")]


def test_out_of_domain_images_never_count_toward_the_suggestion_however_confident():
    ood = [result(f"ood{i}", "Pro", confidence=0.99, in_domain=False) for i in range(3)]
    summary = summarise_case([result("a", "Pre")] + ood)
    assert summary.suggestion == "Pre"  # three 99 % Pro images from another lab change nothing
    assert summary.confident_counts["Pro"] == 0
    assert summarise_case(ood).suggestion == INDETERMINATE
    assert all("out of domain" in item.reason for item in summary.review)
