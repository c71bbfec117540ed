"""Write a rendered report to disk atomically, with a clear message when that is impossible."""

from __future__ import annotations

import os
from pathlib import Path

from ...errors import ReportError
from ..atomic import atomic_write_bytes
from ..cases.private import PRIVATE_FILE
from .renderer import CaseReportRenderer
from .snapshot import ReportData


def write_report(data: ReportData, destination: os.PathLike | str,
                 renderer: CaseReportRenderer | None = None) -> Path:
    """Render ``data`` and write it to ``destination`` (temporary file, then rename).

    The document is rendered in memory first, so a rendering failure never touches the destination; a write
    failure leaves any existing file there as it was.

    Raises
    ------
    ReportError
        When the report cannot be rendered or the destination cannot be written (the message says why).
    """
    destination = Path(destination)
    if destination.is_dir():
        raise ReportError(f"cannot write the report to {destination}: it is a folder; choose a file name")
    try:
        pdf = (renderer or CaseReportRenderer()).render(data)
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(f"the report could not be rendered: {type(exc).__name__}: {exc}") from exc
    try:
        atomic_write_bytes(destination, pdf, PRIVATE_FILE)  # patient data: readable by its owner only
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ReportError(f"cannot write the report to {destination}: {reason}") from exc
    return destination
