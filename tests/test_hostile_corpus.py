"""A folder of what clinics leave lying around: every real image is analysed, everything else refused by name."""

import csv
import io

import pytest

from tests.hostile_corpus import SKIPPED, make_corpus
from xincept_desktop.cli import main
from xincept_desktop.core.pipeline import analyse


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path)


def test_cli_analyses_good_files_and_names_bad_ones(corpus, tiny_bundle, capsys):
    root, good, bad = corpus
    code = main(["predict", str(root), "--model", str(tiny_bundle)])
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    by_name = {row["path"].split(str(root) + "/", 1)[1]: row for row in rows}
    assert code == 1
    assert "Traceback" not in captured.err
    for name in good:
        assert by_name[name]["error"] == "" and by_name[name]["label"], name
    for name, reason in bad.items():
        assert reason in by_name[name]["error"], (name, by_name[name]["error"])
        assert name in captured.err
    assert not set(SKIPPED) & set(by_name)
    assert len(rows) == len(good) + len(bad)


def test_a_failing_batch_fails_alone(tiny_model, smear_like):
    paths = [smear_like(f"i{i}.png", seed=i) for i in range(6)]

    class Flaky:
        def __init__(self, model):
            self.model, self.calls = model, 0

        def __getattr__(self, name):
            return getattr(self.model, name)

        def predict_batch(self, images):
            self.calls += 1
            if self.calls == 2:
                raise MemoryError("simulated out of memory")
            return self.model.predict_batch(images)

    results = list(analyse(paths, Flaky(tiny_model), batch_size=2))
    assert [r.ok for r in results] == [True, True, False, False, True, True]
    assert "MemoryError" in results[2].error
