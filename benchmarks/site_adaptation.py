"""Verification and site adaptation at full size on a simulated other laboratory (``tests/site_lab.py``).

    PYTHONPATH=. .venv/bin/python benchmarks/site_adaptation.py OUT_DIR [--adapt-per-class 100]

Lab B = the shared images under one fixed stain/camera change. The first ``--adapt-per-class`` images of each
class (in number order, so whole blocks) are the lab's adaptation set; every other image is its verification set.
Writes OUT_DIR/lab-b-*/ (images), before/ and after/ (verification studies), adapted/ (the bundle) and
figures.json (before and after on the verification set, and the out-of-domain rate of lab C, another lab, under
both models). Takes ~15 min on 2 cores (TensorFlow inference ~10 images/s).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.site_lab import lab_b, lab_c, make_lab  # noqa: E402
from xincept_desktop.config import default_model_dir  # noqa: E402
from xincept_desktop.core.adaptation.adapt import AdaptRequest, adapt  # noqa: E402
from xincept_desktop.core.model.predictor import XInceptModel  # noqa: E402
from xincept_desktop.core.verification.data import read_lab_data  # noqa: E402
from xincept_desktop.core.verification.files import save_study, summary_line  # noqa: E402
from xincept_desktop.core.verification.study import StudySettings, run_study  # noqa: E402

SOURCE = REPO.parent / "shared" / "data" / "taleqani-all" / "Original"


def study(model, data: Path, out: Path) -> dict:
    began = time.monotonic()
    result = run_study(model, read_lab_data(data, model.classes), StudySettings(str(data), "benchmark", 0.95))
    save_study(result, out)
    print(f"{out.name}: {summary_line(result.record)} ({time.monotonic() - began:.0f} s)", flush=True)
    return {key: result.record[key] for key in ("n", "accuracy", "accuracy_ci", "kappa", "kappa_ci", "ece",
                                                "ood_rate", "passed", "per_class", "confusion")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--adapt-per-class", type=int, default=100)
    parser.add_argument("--other-lab-per-class", type=int, default=50)
    args = parser.parse_args()
    out, k = args.out, args.adapt_per_class
    adapt_set = make_lab(SOURCE, out / "lab-b-adapt", lab_b, lambda files: files[:k])
    verify_set = make_lab(SOURCE, out / "lab-b-verify", lab_b, lambda files: files[k:])
    other = make_lab(SOURCE, out / "lab-c", lab_c, lambda files: files[k:][::len(files[k:]) // args.other_lab_per_class])
    parent = XInceptModel.load(default_model_dir())
    figures = {"adapt_images": 4 * k, "before": study(parent, verify_set, out / "before"),
               "lab_c_before": study(parent, other, out / "lab-c-before")}
    began = time.monotonic()
    outcome = adapt(parent, AdaptRequest(adapt_set, out / "adapted", "Lab B"), log=print)
    figures["adapt_seconds"] = round(time.monotonic() - began)
    figures["adapt_held_out"] = outcome.provenance["held_out"]
    adapted = XInceptModel.load(out / "adapted")
    figures["after"] = study(adapted, verify_set, out / "after")
    figures["lab_c_after"] = study(adapted, other, out / "lab-c-after")
    (out / "figures.json").write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
