"""The report's own wording in the languages the app ships (core never imports Qt, so not Qt's translator): the
title, the section headings, the class names, the 'not assessable' heading and the disclaimer. Anything not in the
table stays English. Persian text goes through the renderer's ``TextStyler`` (reshaping, bidi, fonts) like any
other text. That shaping orders each line on its own, before reportlab wraps: a Persian text longer than a line
is therefore given here as short lines joined by newlines, so that its lines never print in the wrong order."""

from __future__ import annotations

RIGHT_TO_LEFT = {"fa"}

PERSIAN = {
    "Case report: leukemia subtype decision support": "گزارش مورد: پشتیبان تصمیم برای زیرگروه لوسمی",
    "Patient and specimen": "بیمار و نمونه",
    "Case-level suggestion": "پیشنهاد در سطح مورد",
    "Images": "تصاویر",
    "Images that could not be analysed": "تصاویری که تحلیل نشدند",
    "Images not analysed": "تصاویر تحلیل‌نشده",
    "Method": "روش",
    "Reviewer's conclusion": "نتیجه‌گیری بازبین",
    "Comments": "توضیحات",
    "Review and signature": "بازبینی و امضا",
    "Not assessable: unlike the training images": "قابل ارزیابی نیست: شبیه تصاویر آموزشی نیست",
    "Not assessable: scale unknown": "قابل ارزیابی نیست: مقیاس نامعلوم",
    "Not assessable: the class depends on the magnification": "قابل ارزیابی نیست: رده به بزرگ‌نمایی بستگی دارد",
    "Not assessable: magnified field read with too little confidence":
        "قابل ارزیابی نیست: میدان بزرگ‌نمایی‌شده\nبا اطمینان ناکافی خوانده شد",
    "Decision support only: these results are suggestions from a computer model and must be confirmed by a "
    "qualified hematologist before any clinical decision.":
        "فقط پشتیبان تصمیم: این نتایج پیشنهادهای یک مدل رایانه‌ای‌اند\n"
        "و پیش از هر تصمیم بالینی باید به دست متخصص خون‌شناسی تأیید شوند.",
    # class descriptions (config.CLASS_DESCRIPTIONS); no brackets or Latin words, which the line-by-line shaping
    # cannot order inside a left-to-right table cell (the class code, e.g. "Pre", is printed beside them anyway)
    "Benign (hematogones)": "خوش‌خیم، هماتوگون‌ها",
    "Early Pre-B ALL": "لوسمی پیش‌ساز بی زودرس",
    "Pre-B ALL": "لوسمی پیش‌ساز بی",
    "Pro-B ALL": "لوسمی پرو بی",
}

TABLES = {"en": {}, "fa": PERSIAN}


def words(language: str):
    """``translate(text)`` for ``language``: its table's text, else the English ``text``."""
    table = TABLES.get(language, {})
    return lambda text: table.get(text, text)


def is_right_to_left(language: str) -> bool:
    return language in RIGHT_TO_LEFT
