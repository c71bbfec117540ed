"""The frozen snapshot of a case that a report is rendered from.

A :class:`ReportData` holds only plain values (strings, numbers, booleans, tuples) and PNG bytes, so a stored
snapshot renders to the same document years later, whatever happened to the image files or the model since.
:func:`build_report_data` makes one from the pipeline's ``ImageResult`` objects, with the reviewers' classes
(:class:`ImageReview`) and the sign-off (:class:`SignOffInfo`) of a stored case when there are any
(``core.report.case_link`` turns a case-store record into those).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable, Mapping

from ...config import CLASS_DESCRIPTIONS, CLASS_NAMES
from ..model.bundle import adaptation_mark
from .images import ThumbnailMaker

DEFAULT_EXPLANATION = "gradcam"
EXPLANATION_NAMES = {"gradcam": "Grad-CAM", "gradcam++": "Grad-CAM++"}


@dataclass(frozen=True)
class PatientInfo:
    """Who the specimen came from; every field is free text printed as typed."""

    name: str = ""
    patient_id: str = ""
    date_of_birth: str = ""
    sex: str = ""


@dataclass(frozen=True)
class SpecimenInfo:
    """The specimen and who asked for the analysis."""

    specimen_id: str = ""
    specimen_type: str = ""
    collection_date: str = ""
    physician: str = ""


@dataclass(frozen=True)
class ReviewInfo:
    """The reviewing hematologist's name, conclusion and comments (empty until someone reviews the case)."""

    reviewer: str = ""
    conclusion: str = ""
    comments: str = ""


@dataclass(frozen=True)
class ImageReview:
    """A reviewer's class for an image where it differs from the model's, and why."""

    reviewed_class: str
    reason: str = ""
    comment: str = ""
    reviewer: str = ""
    reviewed_at: str = ""  # ISO 8601 UTC


@dataclass(frozen=True)
class SignOffInfo:
    """Who signed the case off in the case store, and when (ISO 8601 UTC); ``earlier`` describes sign-offs that
    were re-opened before (the report is then marked amended)."""

    signed_by: str
    signed_at: str
    earlier: tuple[str, ...] = ()
    # the electronic signature (empty for sign-offs made before signatures were kept)
    username: str = ""
    role: str = ""
    meaning: str = ""
    content_sha256: str = ""

    @property
    def amended(self) -> bool:
        return bool(self.earlier)


@dataclass(frozen=True)
class StoredAnalysis:
    """What the case store knows of an image's analysis: the model that made it and the file's hash then."""

    model_version: str
    model_hash: str
    sha256: str


@dataclass(frozen=True)
class ModelInfo:
    """Which model produced the results and how the explanations were drawn."""

    name: str = "XIncept-ALL"
    version: str = ""
    hash_prefix: str = ""
    explanation_method: str = DEFAULT_EXPLANATION
    colormap: str = "jet"
    opacity: float = 0.4
    device: str = ""  # what ran the model, e.g. "CPU (openvino 2026.4.1)"; not part of the report id

    @property
    def explanation_name(self) -> str:
        """Human name of the explanation method, e.g. ``Grad-CAM``."""
        return EXPLANATION_NAMES.get(self.explanation_method, self.explanation_method)


@dataclass(frozen=True)
class ImageEntry:
    """One analysed (or failed) image: the model's verdict, the reviewer's class if it differs, small PNGs.

    ``label`` and ``confidence`` are the model's; :attr:`final_label` is the class the case goes by.
    """

    index: int
    file_name: str
    label: str | None = None
    confidence: float | None = None
    probabilities: tuple[tuple[str, float], ...] = ()
    in_domain: bool | None = None
    needs_review: bool = False
    error: str | None = None
    thumbnail_png: bytes | None = None
    overlay_png: bytes | None = None
    image_note: str = ""
    review: ImageReview | None = None
    model_version: str = ""  # the model that analysed this image (stored cases)
    model_hash: str = ""
    file_warning: str = ""  # the file changed or is gone since the analysis: the picture is left out
    scale_note: str = ""  # the scale the image was read at and what was done with it
    scale_unknown: bool = False
    tiles: int = 1
    explained_class: str | None = None  # the class its heat map explains (the network's head)
    reading_notes: tuple[str, ...] = ()  # what the file reader said (e.g. page 1 of 3)
    ood_reason: str = ""  # why the image is (or is not) like the training images

    @property
    def excluded(self) -> bool:
        from ..case_summary import EXCLUDED

        return self.review is not None and self.review.reviewed_class == EXCLUDED

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def overridden(self) -> bool:
        """Whether a reviewer put the image in another class than the model."""
        return self.review is not None and self.review.reviewed_class != self.label

    @property
    def reviewed_label(self) -> str | None:
        """The reviewer's class where it differs from the model's, else ``None``."""
        return self.review.reviewed_class if self.overridden else None

    @property
    def final_label(self) -> str | None:
        """The reviewer's class where there is one, else the model's."""
        return self.reviewed_label or self.label

    @property
    def path(self) -> Path:
        """The file name as a path (what ``core.case_summary`` reads)."""
        return Path(self.file_name)

    @property
    def label_long(self) -> str:
        return CLASS_DESCRIPTIONS.get(self.label or "", self.label or "")


@dataclass(frozen=True)
class CaseSummary:
    """Counts per class over the analysed images and the case-level suggestion in words."""

    counts: tuple[tuple[str, int], ...]
    analysed: int
    failed: int
    needs_review: int
    suggestion: str
    confident_counts: tuple[tuple[str, int], ...] = ()
    rule: str = ""
    excluded: int = 0  # images the reviewer excluded (not a lymphoblast / unusable): outside counts and suggestion


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, frozen at the moment the report was asked for."""

    report_id: str
    created: datetime
    institution: str
    patient: PatientInfo
    specimen: SpecimenInfo
    review: ReviewInfo
    model: ModelInfo
    summary: CaseSummary
    images: tuple[ImageEntry, ...]
    app_version: str = ""
    sign_off: SignOffInfo | None = None
    not_analysed: tuple[str, ...] = ()  # file names listed in the case but never analysed (analysis stopped)
    void_signatures: tuple[str, ...] = ()  # signatures voided by re-opening (printed while the case is unsigned)
    language: str = "en"  # the report's own wording (core.report.language): headings, class names, disclaimer

    @property
    def failed_images(self) -> tuple[ImageEntry, ...]:
        return tuple(entry for entry in self.images if not entry.ok)

    @property
    def analysed_images(self) -> tuple[ImageEntry, ...]:
        return tuple(entry for entry in self.images if entry.ok)


def report_id_for(state: dict) -> str:
    """The report id of a case state: ``XR-`` and 12 hex digits of the SHA-256 of its canonical JSON, so the same
    case state (fields, results, reviews, sign-off, report settings) always gets the same id."""
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, default=_jsonable)
    return f"XR-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12].upper()}"


def _jsonable(value):
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    return str(value)


def summarise(entries: Iterable[ImageEntry], classes: Iterable[str] = CLASS_NAMES) -> CaseSummary:
    """Counts per class and the case-level suggestion, by the same rule as the GUI (``core.case_summary``):
    reviewers' classes replace the model's."""
    from ..case_summary import SUGGESTION_RULE, summarise_case

    entries = tuple(entries)
    case = summarise_case(entries, tuple(classes), reviewed_class=lambda entry: entry.reviewed_label,
                          excluded_reason=lambda entry: entry.review.reason if entry.review else "")
    counts = tuple((name, int(n)) for name, n in case.counts.items())
    confident = tuple((name, int(n)) for name, n in case.confident_counts.items())
    review = sum(1 for entry in entries if entry.ok and entry.needs_review and not entry.overridden)
    return CaseSummary(counts, case.analysed, case.failed, review,
                       suggestion_text(case.suggestion, confident, case.analysed, review), confident,
                       SUGGESTION_RULE, excluded=len(case.excluded))


def suggestion_text(suggestion: str, confident: tuple[tuple[str, int], ...], analysed: int,
                    needs_review: int) -> str:
    """The case-level suggestion in a sentence, from ``core.case_summary``'s class name or indeterminate."""
    from ..case_summary import INDETERMINATE

    if analysed == 0:
        return "No image could be analysed; no suggestion can be made for this case."
    counted = dict(confident)
    basis = sum(counted.values())
    if suggestion == INDETERMINATE:
        text = (f"Indeterminate \u2014 review: no class has strictly the most confident, in-domain images "
                f"({basis} of {analysed} analysed images were confident and in domain).")
    else:
        text = (f"Suggested class: {CLASS_DESCRIPTIONS.get(suggestion, suggestion)} ({counted.get(suggestion, 0)} "
                f"of {basis} confident, in-domain images; {analysed} analysed).")
    if needs_review:
        text += f" {needs_review} image(s) have low confidence or look unlike the training images: review them."
    return text


def model_info_from(model, explanation_method: str = DEFAULT_EXPLANATION, colormap: str = "jet",
                    opacity: float = 0.4) -> ModelInfo:
    """A :class:`ModelInfo` from a loaded ``XInceptModel`` (or None when no model is known)."""
    manifest = getattr(model, "manifest", None)
    # a site-adapted bundle is named as such, with its parent
    version = str(getattr(manifest, "version", "") or "") + adaptation_mark(manifest)
    return ModelInfo(
        name=str(getattr(manifest, "name", "") or "XIncept-ALL"),
        version=version,
        hash_prefix=str(getattr(manifest, "short_hash", "") or ""),
        explanation_method=explanation_method,
        colormap=colormap,
        opacity=float(opacity),
        device=str(getattr(model, "device_label", "") or ""),
    )


def file_warning(path, stored: StoredAnalysis | None) -> str:
    """Why the image file may not be shown beside a stored result ("" when it is the analysed file)."""
    if stored is None or not stored.sha256:
        return ""
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError:
        return "The image file is gone; the stored result is printed without the picture."
    except OSError as exc:
        return f"The image file cannot be read ({exc.strerror or exc}); the stored result is printed without it."
    if digest.hexdigest() != stored.sha256:
        return ("The image file changed since it was analysed (SHA-256 differs); the stored result is printed "
                "without the picture.")
    return ""


def image_entry(index: int, result, model_info: ModelInfo, maker: ThumbnailMaker,
                review: ImageReview | None = None, stored: StoredAnalysis | None = None) -> ImageEntry:
    """Freeze one ``ImageResult`` (its reviewer's class and stored analysis, if any) into an :class:`ImageEntry`
    with PNGs; a file that no longer matches its stored hash gets no pictures and a warning."""
    name = getattr(result.path, "name", str(result.path))
    if not result.ok:
        return ImageEntry(index=index, file_name=name, error=str(result.error), review=review)
    warning = file_warning(result.path, stored)
    pictures = maker.pictures(result, model_info.explanation_method, model_info.opacity, model_info.colormap) \
        if not warning else None
    return ImageEntry(
        index=index,
        file_name=name,
        label=result.label,
        confidence=float(result.confidence),
        probabilities=tuple((str(k), float(v)) for k, v in result.probabilities.items()),
        in_domain=bool(result.in_domain),
        needs_review=bool(result.needs_review),
        thumbnail_png=pictures.thumbnail_png if pictures else None,
        overlay_png=pictures.overlay_png if pictures else None,
        image_note=pictures.note if pictures else "",
        review=review,
        model_version=stored.model_version if stored else model_info.version,
        model_hash=stored.model_hash if stored else model_info.hash_prefix,
        file_warning=warning,
        **_reading(result),
    )


def _reading(result) -> dict:
    """How the image was read: scale, tiles, the heat maps' class and the reader's notes (results made before
    the ruler have none)."""
    scale = getattr(result, "scale", None)
    return {"scale_note": scale.note if scale is not None else "",
            "scale_unknown": bool(getattr(result, "scale_unknown", False)),
            "tiles": max(1, len(getattr(result, "tile_boxes", []) or [])),
            "explained_class": getattr(result, "explained_class", None),
            "reading_notes": tuple(getattr(result, "notes", []) or ()),
            "ood_reason": str(getattr(result, "ood_reason", "") or "")}


def build_report_data(
    results: Iterable,
    model_info: ModelInfo,
    patient: PatientInfo = PatientInfo(),
    specimen: SpecimenInfo = SpecimenInfo(),
    review: ReviewInfo = ReviewInfo(),
    institution: str = "",
    created: datetime | None = None,
    report_id: str | None = None,
    classes: Iterable[str] = CLASS_NAMES,
    thumbnail_px: int = 240,
    reviews: Mapping[Path, ImageReview] | None = None,
    sign_off: SignOffInfo | None = None,
    stored: Mapping[Path, StoredAnalysis] | None = None,
    case_id: int | None = None,
    not_analysed: Iterable = (),
    void_signatures: Iterable[str] = (),
    language: str = "en",
) -> ReportData:
    """Freeze analysed ``ImageResult`` objects and the case's fields into a :class:`ReportData`.

    Parameters
    ----------
    results : iterable of ImageResult
        What :func:`xincept_desktop.core.pipeline.analyse` yielded (failed files included).
    model_info : ModelInfo
        See :func:`model_info_from`; carries the explanation method, colormap and opacity.
    created : datetime, optional
        When the report was made (default: now, local time with its UTC offset).
    reviews : mapping of Path to ImageReview, optional
        The reviewer's class of each image (by its result's path) where a reviewer overrode the model.
    sign_off : SignOffInfo, optional
        The case's sign-off in the case store, printed with the signature block.
    stored : mapping of Path to StoredAnalysis, optional
        The model and file hash of each stored analysis: printed per image, and the file is checked against it.
    report_id : str, optional
        Default: :func:`report_id_for` the case state, so the same state gives the same id.
    """
    from ... import __version__

    created = created or datetime.now().astimezone()
    maker = ThumbnailMaker(thumbnail_px)
    reviews = {Path(path): review for path, review in (reviews or {}).items()}
    stored = {Path(path): info for path, info in (stored or {}).items()}
    entries = tuple(image_entry(i + 1, result, model_info, maker, reviews.get(Path(result.path)),
                                stored.get(Path(result.path))) for i, result in enumerate(results))
    state = {"case_id": case_id, "institution": institution, "patient": asdict(patient),
             "specimen": asdict(specimen), "review": asdict(review),
             "model": {k: v for k, v in asdict(model_info).items() if k != "device"},
             "images": [asdict(entry) for entry in entries],
             "sign_off": asdict(sign_off) if sign_off is not None else None,
             "not_analysed": [Path(p).name for p in not_analysed], "void_signatures": list(void_signatures)}
    if language != "en":  # another wording is another document; English keeps the ids it always had
        state["language"] = language
    return ReportData(
        report_id=report_id or report_id_for(state),
        created=created,
        institution=institution,
        patient=patient,
        specimen=specimen,
        review=review,
        model=model_info,
        summary=summarise(entries, classes),
        images=entries,
        app_version=__version__,
        sign_off=sign_off,
        not_analysed=tuple(state["not_analysed"]),
        void_signatures=tuple(state["void_signatures"]),
        language=language,
    )


def fields_from_mapping(values: Mapping[str, str]) -> tuple[PatientInfo, SpecimenInfo, ReviewInfo]:
    """Patient, specimen and review records from a flat mapping (dialog or CLI); unknown keys are ignored."""
    def get(key: str) -> str:
        return str(values.get(key) or "")

    return (
        PatientInfo(get("patient_name"), get("patient_id"), get("dob"), get("sex")),
        SpecimenInfo(get("specimen_id"), get("specimen_type"), get("collection_date"), get("physician")),
        ReviewInfo(get("reviewer"), get("conclusion"), get("comments")),
    )
