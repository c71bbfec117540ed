"""Write a study's two files, each atomically: ``verification.json`` (the figures, every image's row) and
``verification.pdf`` (the record a lab files)."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import atomic_write_bytes, atomic_write_text
from .pdf import render_study_pdf
from .study import Study

JSON_NAME = "verification.json"
PDF_NAME = "verification.pdf"


def save_study(study: Study, folder: Path) -> tuple[Path, Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pdf = render_study_pdf(study)
    atomic_write_text(folder / JSON_NAME, json.dumps(study.record, indent=2) + "\n")
    atomic_write_bytes(folder / PDF_NAME, pdf)
    return folder / JSON_NAME, folder / PDF_NAME


def summary_line(record: dict) -> str:
    accuracy, ci = record["accuracy"], record["accuracy_ci"]
    verdict = "PASS" if record["passed"] else "FAIL"
    figures = (f"agreement {accuracy:.1%} (95 % CI {ci[0]:.1%}-{ci[1]:.1%})" if accuracy is not None
               else "no image analysed")
    kappa = f", kappa {record['kappa']:.3f}" if record["kappa"] is not None else ""
    return (f"{verdict}: {figures}{kappa}, out of domain {record['ood_rate'] or 0:.1%}, n = {record['n']} "
            f"(criterion {record['acceptance']['min_agreement']:.1%}); model {record['model']['label']}")
