"""Case reports: a frozen :class:`ReportData` snapshot and a reportlab renderer that turns it into a PDF."""

from .renderer import CaseReportRenderer, render_pdf
from .snapshot import (CaseSummary, ImageEntry, ImageReview, ModelInfo, PatientInfo, ReportData, ReviewInfo,
                       SignOffInfo, SpecimenInfo, StoredAnalysis, build_report_data, fields_from_mapping,
                       model_info_from, report_id_for)
from .writer import write_report

__all__ = ["CaseReportRenderer", "CaseSummary", "ImageEntry", "ImageReview", "ModelInfo", "PatientInfo",
           "ReportData", "ReviewInfo", "SignOffInfo", "SpecimenInfo", "StoredAnalysis", "build_report_data",
           "fields_from_mapping", "model_info_from", "render_pdf", "report_id_for", "write_report"]
