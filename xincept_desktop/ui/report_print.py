"""Printing a report: the very PDF that Export writes (one renderer, reportlab), never a second drawing of it.

The PDF is rendered once in a background job (``report_dialog``). Then, on the UI thread:

* the job has also rasterised its pages at :data:`PRINT_DPI` with pdfium (pypdfium2, a dependency) or QtPdf;
* the system print dialog asks where to print: "Print to file (PDF)" writes the same PDF bytes to the chosen file;
  a printer gets those page images (any platform), or, where neither rasteriser is installed, the PDF itself
  through CUPS (``lp``) in a background job.

Usage::

    pages = rasterise(pdf_bytes)                       # in the background job: QImages, or None without QtPdf
    print_pdf(parent, pdf_bytes, pages, title, on_printed)   # on_printed(target) once printed or spooled
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QDialog, QMessageBox

from .background import BackgroundJob, describe_error

translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads

PRINT_DPI = 300  # page images for printing are never finer than this


def can_rasterise() -> bool:
    """True when pdfium or QtPdf can turn the report's pages into images for printing."""
    import importlib.util

    return any(importlib.util.find_spec(name) is not None for name in ("pypdfium2", "PySide6.QtPdf"))


def rasterise(pdf: bytes, dpi: int = PRINT_DPI) -> list[QImage] | None:
    """The PDF's pages as images at ``dpi`` (at most :data:`PRINT_DPI`) with pdfium (pypdfium2) or QtPdf; None
    when neither is installed. Safe off the UI thread (no widgets)."""
    dpi = min(int(dpi), PRINT_DPI)
    try:
        import pypdfium2
    except ImportError:
        return _rasterise_with_qtpdf(pdf, dpi)
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [_qimage(document[index].render(scale=dpi / 72.0).to_pil()) for index in range(len(document))]
    finally:
        document.close()


def _qimage(picture) -> QImage:
    """A QImage that owns a copy of a PIL image's RGB pixels."""
    rgb = picture.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()


def _rasterise_with_qtpdf(pdf: bytes, dpi: int) -> list[QImage] | None:
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    buffer = QBuffer(QByteArray(pdf))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    images = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        images.append(document.render(page, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))))
    return images


def paint_pages(printer, pages: list[QImage]) -> None:
    """Draw page images on ``printer``, one per sheet, scaled to the printable area."""
    painter = QPainter(printer)
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            target = QRectF(painter.viewport())
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()


def print_pdf(parent, pdf: bytes, pages: list[QImage] | None, title: str, on_printed=None) -> None:
    """Print ``pdf`` through the system print dialog: "Print to file (PDF)" writes the very same PDF bytes; a
    printer gets its pages rasterised by pdfium (any platform), or, without page images, the PDF through CUPS."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        _write_copy(parent, pdf, Path(printer.outputFileName()), on_printed)
    elif pages is not None:
        paint_pages(printer, pages)
        if on_printed is not None:
            on_printed(printer.printerName() or "printer")
    else:
        _spool(parent, pdf, printer.printerName(), on_printed)


def _write_copy(parent, pdf: bytes, path: Path, on_printed) -> None:
    from ..core.atomic import atomic_write_bytes
    from ..core.cases.private import PRIVATE_FILE

    try:
        atomic_write_bytes(path, pdf, PRIVATE_FILE)  # patient data: owner only
    except OSError as exc:
        QMessageBox.warning(parent, translate("ReportDialog", "Print report"),
                            translate("ReportPrint", "cannot write %1: %2").replace("%1", str(path))
                            .replace("%2", str(exc.strerror or exc)))
        return
    if on_printed is not None:
        on_printed(str(path))


def send_to_cups(pdf: bytes, printer_name: str) -> str:
    """Spool ``pdf`` to ``printer_name`` with ``lp`` (CUPS prints PDF itself); the printer's name."""
    from ..errors import ReportError

    lp = shutil.which("lp")
    if lp is None:
        raise ReportError(translate("ReportPrint", "this system has no PDF print spooler (lp) and no QtPdf to "
                                                   "rasterise the report: use Export PDF and print the file from a "
                                                   "PDF viewer"))
    command = [lp, "-d", printer_name, "-"] if printer_name else [lp, "-"]
    done = subprocess.run(command, input=pdf, capture_output=True, timeout=60)
    if done.returncode != 0:
        raise ReportError(translate("ReportPrint", "the printer refused the report: %1")
                          .replace("%1", done.stderr.decode(errors="replace").strip()))
    return printer_name or "default printer"


def _spool(parent, pdf: bytes, printer_name: str, on_printed) -> BackgroundJob:
    def done(target, error) -> None:  # called by the job's own slot, on the UI thread
        if error is not None:
            QMessageBox.warning(parent, translate("ReportDialog", "Print report"), describe_error(error))
        elif on_printed is not None:
            on_printed(target)

    job = BackgroundJob(lambda: send_to_cups(pdf, printer_name), parent, on_done=done)
    job.start()
    return job
