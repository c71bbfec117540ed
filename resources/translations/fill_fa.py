"""One-off helper kept for translators: writes the Persian texts below into xincept_fa.ts (entries already
translated in the .ts are kept). Usage: python resources/translations/fill_fa.py"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("xincept_fa.ts")

FA = {
    # menus and actions
    "&File": "&پرونده", "&Analysis": "&تحلیل", "&Case": "&مورد", "&View": "&نما", "&Help": "&راهنما",
    "Main": "اصلی",
    "&Open Images\u2026": "باز کردن &تصاویر\u2026", "Open image files": "باز کردن فایل‌های تصویر",
    "Open &Folder\u2026": "باز کردن &پوشه\u2026", "Open every image in a folder": "باز کردن همهٔ تصاویر یک پوشه",
    "Open &Case\u2026": "باز کردن &مورد\u2026", "Open a stored case with its results": "باز کردن یک مورد ذخیره‌شده با نتایج آن",
    "&New Case": "مورد &جدید", "Close the images of this case": "بستن تصاویر این مورد",
    "&Analyse": "&تحلیل", "Analyse the images that are not done yet": "تحلیل تصاویری که هنوز تحلیل نشده‌اند",
    "&Cancel Analysis": "&لغو تحلیل", "Stop the analysis after the current batch": "توقف تحلیل پس از دستهٔ جاری",
    "&Export PDF\u2026": "&خروجی PDF\u2026", "Write the case report as PDF": "نوشتن گزارش مورد به صورت PDF",
    "Export Case as CS&V\u2026": "خروجی مورد به صورت CSV\u2026", "Write the stored case as CSV": "نوشتن مورد ذخیره‌شده به صورت CSV",
    "Export Case as &JSON\u2026": "خروجی مورد به صورت JSON\u2026", "Write the stored case as JSON": "نوشتن مورد ذخیره‌شده به صورت JSON",
    "Case &Details\u2026": "&مشخصات مورد\u2026",
    "Patient and specimen details of the case (read-only once signed)": "مشخصات بیمار و نمونهٔ این مورد (پس از امضا فقط خواندنی)",
    "Re&move Image\u2026": "&حذف تصویر\u2026",
    "Take an image that was never analysed out of the case, with a reason": "خارج کردن تصویری که هرگز تحلیل نشده از مورد، با ذکر دلیل",
    "&Override Class\u2026": "&تغییر رده\u2026", "Set the reviewer's class of the selected image": "تعیین ردهٔ بازبین برای تصویر انتخاب‌شده",
    "&Sign Off Case": "&امضای مورد", "Sign the case off (read-only until re-opened)": "امضای مورد (تا بازگشایی دوباره فقط خواندنی)",
    "Re-&open Case\u2026": "&بازگشایی مورد\u2026", "Re-open a signed case, with a reason": "بازگشایی یک مورد امضاشده، با ذکر دلیل",
    "&Print\u2026": "&چاپ\u2026", "Print the case report": "چاپ گزارش مورد",
    "Pre&ferences\u2026": "&تنظیمات\u2026", "Default opacity, colormap, names": "شفافیت و نقشهٔ رنگ پیش‌فرض، نام‌ها",
    "&Quit": "&خروج", "Quit XIncept": "خروج از XIncept",
    "Zoom &In": "&بزرگ‌نمایی", "Zoom in (also + and the wheel)": "بزرگ‌نمایی (همچنین + و چرخ ماوس)",
    "Zoom &Out": "&کوچک‌نمایی", "Zoom out (also - and the wheel)": "کوچک‌نمایی (همچنین - و چرخ ماوس)",
    "&Fit to Window": "&اندازهٔ پنجره", "Show the whole image": "نمایش کل تصویر",
    "&Actual Size (1:1)": "اندازهٔ &واقعی (۱:۱)", "One image pixel per screen pixel": "هر پیکسل تصویر یک پیکسل صفحه",
    "&Heat Map": "&نقشهٔ حرارتی", "Show or hide the heat map": "نمایش یا پنهان کردن نقشهٔ حرارتی",
    "&Next Image": "تصویر &بعدی", "Select the next image": "انتخاب تصویر بعدی",
    "P&revious Image": "تصویر &قبلی", "Select the previous image": "انتخاب تصویر قبلی",
    "&User Guide": "&راهنمای کاربر",
    "Reading the results, the heat map, the case suggestion; review and sign-off": "خواندن نتایج، نقشهٔ حرارتی و پیشنهاد مورد؛ بازبینی و امضا",
    "&Keyboard Shortcuts": "&میان‌برهای صفحه‌کلید", "Every key of the window": "همهٔ کلیدهای پنجره",
    "&Model Card": "&شناسنامهٔ مدل", "How the model was made and tested": "مدل چگونه ساخته و آزموده شد",
    "&About XIncept": "&دربارهٔ XIncept",
    "What XIncept is, its version, the model version and the disclaimer": "XIncept چیست، نسخهٔ آن، نسخهٔ مدل و هشدار",
    # progress
    "Cancel": "لغو", "Stop the analysis after the current batch (Esc)": "توقف تحلیل پس از دستهٔ جاری (Esc)",
    "Cancelling\u2026": "در حال لغو\u2026",
    # case panel
    "Decision support only: every result must be reviewed and confirmed by a hematologist. Not a diagnosis.":
        "فقط پشتیبان تصمیم: هر نتیجه باید به دست متخصص خون‌شناسی بازبینی و تأیید شود. این تشخیص نیست.",
    "No images": "بدون تصویر", "Not saved yet": "هنوز ذخیره نشده", "Case suggestion": "پیشنهاد برای مورد",
    "For review (low confidence, out of domain, errors) and excluded": "برای بازبینی (اطمینان کم، خارج از دامنه، خطا) و کنارگذاشته‌ها",
    "%1 analysed of %2": "%1 تحلیل‌شده از %2", ", %1 failed": "، %1 ناموفق", "%1  (%2 confident)": "%1  (%2 با اطمینان)",
    "Conclusion: %1": "نتیجه‌گیری: %1", "Comments: %1": "توضیحات: %1",
    "Case suggestion = the most frequent class among images classified with calibrated confidence \u2265 70 % and "
    "inside the training domain; a reviewer's class replaces the model's and always counts. No such image, or a tie "
    "between classes, gives 'indeterminate \u2014 review'.":
        "پیشنهاد مورد = پرتکرارترین رده در میان تصاویری که با اطمینان کالیبره‌شدهٔ دست‌کم ۷۰٪ و درون دامنهٔ آموزش "
        "رده‌بندی شده‌اند؛ ردهٔ بازبین جای ردهٔ مدل را می‌گیرد و همیشه شمرده می‌شود. نبودن چنین تصویری یا تساوی "
        "میان رده‌ها به «نامعین \u2014 بازبینی» می‌انجامد.",
    "indeterminate \u2014 review": "نامعین \u2014 بازبینی",
    "Exclude: not a lymphoblast / unusable image": "کنار گذاشتن: لنفوبلاست نیست / تصویر قابل استفاده نیست",
    # classes
    "Benign (hematogones)": "خوش‌خیم (هماتوگون‌ها)", "Early Pre-B ALL": "لوسمی پیش‌ساز بی زودرس",
    "Pre-B ALL": "لوسمی پیش‌ساز بی", "Pro-B ALL": "لوسمی پرو بی",
    # empty state
    "Open images or a folder, or drop them here": "تصاویر یا یک پوشه را باز کنید، یا آن‌ها را اینجا رها کنید",
    "Open Images\u2026": "باز کردن تصاویر\u2026", "Open Folder\u2026": "باز کردن پوشه\u2026",
    # heat controls
    "&Heat map": "&نقشهٔ حرارتی",
    "Show the heat map over the image: the network's evidence for the shown class; warm regions are where that "
    "evidence lies (H)": "نمایش نقشهٔ حرارتی روی تصویر: شواهد شبکه برای ردهٔ نمایش‌داده‌شده؛ نواحی گرم جای این شواهدند (H)",
    "Heat-map opacity": "شفافیت نقشهٔ حرارتی", " (colour-blind safe)": " (مناسب کوررنگی)",
    "network's class": "ردهٔ شبکه",
    "Which class's evidence the heat map shows; by default the class the network's own head gives, which is what "
    "the heat map explains (the result's class comes from the classifier on top and can differ: the result panel "
    "then says so)": "نقشهٔ حرارتی شواهد کدام رده را نشان دهد؛ به طور پیش‌فرض ردهٔ خروجی خود شبکه، که نقشهٔ حرارتی "
    "همان را توضیح می‌دهد (ردهٔ نتیجه از رده‌بند بالایی می‌آید و ممکن است متفاوت باشد؛ در آن صورت صفحهٔ نتیجه آن را می‌گوید)",
    "Opacity": "شفافیت", "Colours": "رنگ‌ها", "Class": "رده", "Method": "روش",
    # main window
    "%1 Desktop \u2014 ALL subtyping decision support": "%1 Desktop \u2014 پشتیبان تصمیم برای زیرگروه‌بندی ALL",
    "Images": "تصاویر", "Result": "نتیجه", "Case summary": "خلاصهٔ مورد", "Heat map": "نقشهٔ حرارتی",
    "Open &Recent": "باز کردن موارد &اخیر", "Device: %1": "دستگاه: %1", "Model: loading\u2026": "مدل: در حال بارگذاری\u2026",
    "Zoom of the image (100 %: one image pixel per screen pixel)": "بزرگ‌نمایی تصویر (۱۰۰٪: هر پیکسل تصویر یک پیکسل صفحه)",
    "Loading the model from %1\u2026": "بارگذاری مدل از %1\u2026", "Model: %1": "مدل: %1", "Model ready": "مدل آماده است",
    "Zoom: %1": "بزرگ‌نمایی: %1", "Model: not available": "مدل: در دسترس نیست", "not available": "در دسترس نیست",
    "The model could not be loaded; images can be viewed but not analysed": "مدل بارگذاری نشد؛ تصاویر را می‌توان دید ولی نمی‌توان تحلیل کرد",
    "Open images": "باز کردن تصاویر", "Open folder": "باز کردن پوشه", "Analysis cancelled": "تحلیل لغو شد",
    "Analysis finished": "تحلیل پایان یافت", "not loaded": "بارگذاری نشده",
    "Results not saved to the case: %1": "نتایج در مورد ذخیره نشد: %1",
    # preferences
    "Preferences": "تنظیمات", "Report": "گزارش", "Microscopes": "میکروسکوپ‌ها", "Language": "زبان",
    "What a new window starts with. A default you change here also applies to the heat map on screen now; the others "
    "stay as you set them there.": "پنجرهٔ تازه با این مقادیر آغاز می‌شود. پیش‌فرضی که اینجا تغییر دهید هم‌اکنون روی "
    "نقشهٔ حرارتی صفحه هم اعمال می‌شود؛ بقیه همان‌گونه که آنجا تنظیم کرده‌اید می‌مانند.",
    "Default heat-map opacity": "شفافیت پیش‌فرض نقشهٔ حرارتی", "Default colormap": "نقشهٔ رنگ پیش‌فرض",
    "Default heat-map method": "روش پیش‌فرض نقشهٔ حرارتی", "Institution": "مؤسسه", "Reviewer": "بازبین",
    "Microscope profiles are used where the red cells cannot be measured.": "نمایه‌های میکروسکوپ جایی به کار می‌روند که گلبول‌های قرمز را نتوان اندازه گرفت.",
    "Language of the window and the reports": "زبان پنجره و گزارش‌ها",
    "The window changes language when XIncept is started again; reports are written in the chosen language from now "
    "on.": "زبان پنجره با اجرای دوبارهٔ XIncept عوض می‌شود؛ گزارش‌ها از همین حالا به زبان انتخاب‌شده نوشته می‌شوند.",
    "Microscope profiles": "نمایه‌های میکروسکوپ",
    # result panel
    "No image selected": "تصویری انتخاب نشده", "Not analysed": "تحلیل نشده",
    "Reviewer's class, by %1 \u2014 %2\nModel's class: %3": "ردهٔ بازبین، از %1 \u2014 %2\nردهٔ مدل: %3",
    " \u2014 low confidence, review": " \u2014 اطمینان کم، بازبینی کنید", "Calibrated confidence: %1": "اطمینان کالیبره‌شده: %1",
    "\u2713 In domain": "\u2713 درون دامنه", "\u26a0 Out of domain": "\u26a0 خارج از دامنه",
    "Not assessable: unlike the training images": "قابل ارزیابی نیست: شبیه تصاویر آموزشی نیست",
    "Closest class: %1 (%2 %, not a diagnosis)": "نزدیک‌ترین رده: %1 (%2٪، تشخیص نیست)",
    "; %1 tiles (outlined)": "؛ %1 کاشی (با کادر مشخص شده)", "Scale: %1": "مقیاس: %1", "Note: %1": "یادداشت: %1",
    "Heat map shows evidence for %1 (the network's head); the result is %2": "نقشهٔ حرارتی شواهد %1 را نشان می‌دهد (خروجی شبکه)؛ نتیجه %2 است",
    # help
    "_The user guide is not installed (%1)._": "_راهنمای کاربر نصب نشده است (%1)._", "_No model is loaded._": "_مدلی بارگذاری نشده است._",
    "_No model card (%1) in %2._": "_شناسنامهٔ مدل (%1) در %2 نیست._", "Key": "کلید", "Action": "کار",
    "Next image (in the image)": "تصویر بعدی (روی تصویر)", "Previous image (in the image)": "تصویر قبلی (روی تصویر)",
    "Zoom in / out (in the image)": "بزرگ‌نمایی / کوچک‌نمایی (روی تصویر)", "Move the image": "جابه‌جا کردن تصویر",
    "Keyboard shortcuts": "میان‌برهای صفحه‌کلید", "Model": "مدل", "Technical details": "جزئیات فنی", "Model folder": "پوشهٔ مدل",
    "Offline decision support for the subtyping of acute lymphoblastic leukemia (Benign hematogones, Early Pre-B, "
    "Pre-B, Pro-B ALL) from photographs of peripheral blood smears, with heat maps that show where the evidence lies, "
    "a case store with review and sign-off, and PDF reports. No image or result leaves this computer.":
        "پشتیبان تصمیم آفلاین برای زیرگروه‌بندی لوسمی لنفوبلاستیک حاد (هماتوگون‌های خوش‌خیم، Early Pre-B، Pre-B و "
        "Pro-B ALL) از عکس‌های گسترش خون محیطی، با نقشه‌های حرارتی که جای شواهد را نشان می‌دهند، بایگانی موارد با "
        "بازبینی و امضا، و گزارش PDF. هیچ تصویر یا نتیجه‌ای از این رایانه بیرون نمی‌رود.",
    "How the model was made and tested: Help > Model Card.": "مدل چگونه ساخته و آزموده شد: راهنما > شناسنامهٔ مدل.",
    "User Guide": "راهنمای کاربر", "Keyboard Shortcuts": "میان‌برهای صفحه‌کلید", "Model Card": "شناسنامهٔ مدل",
    "About %1": "دربارهٔ %1",
    # case status, image list
    "Case %1%2: %3": "مورد %1%2: %3", "%1 image(s) not analysed: %2": "%1 تصویر تحلیل نشده: %2",
    "open for review": "باز برای بازبینی", "signed (amended) by %1 (%2 UTC), read-only": "امضاشده (اصلاحی) به دست %1 (%2 UTC)، فقط خواندنی",
    "signed by %1 (%2 UTC), read-only": "امضاشده به دست %1 (%2 UTC)، فقط خواندنی",
    "re-opened by %1: %2; needs a new sign-off": "بازگشایی‌شده به دست %1: %2؛ به امضای تازه نیاز دارد",
    "queued": "در صف", "analysing": "در حال تحلیل", "done": "انجام شد", "error": "خطا", "error: %1": "خطا: %1",
    "%1 \u00b7 \u26a0 not assessable (closest %2, %3)": "%1 \u00b7 \u26a0 قابل ارزیابی نیست (نزدیک‌ترین %2، %3)",
    # case details, override class
    "Patient ID": "شناسهٔ بیمار", "Patient name": "نام بیمار", "Date of birth": "تاریخ تولد", "Sex": "جنس",
    "Specimen ID": "شناسهٔ نمونه", "Specimen type": "نوع نمونه", "Collection date": "تاریخ نمونه‌گیری",
    "Requesting physician": "پزشک درخواست‌کننده", "Reviewer's conclusion": "نتیجه‌گیری بازبین", "Comments": "توضیحات",
    "Case details": "مشخصات مورد", " (signed: read-only)": " (امضاشده: فقط خواندنی)",
    "The case is signed off; re-open it (Case \u25b8 Re-open Case) to change these.":
        "این مورد امضا شده است؛ برای تغییر این‌ها آن را بازگشایی کنید (مورد \u25b8 بازگشایی مورد).",
    "Override class": "تغییر رده", "Model's class of %1: %2": "ردهٔ مدل برای %1: %2", "none": "هیچ",
    "Reviewer's class": "ردهٔ بازبین", "required when the class differs from the model's": "اگر رده با ردهٔ مدل فرق کند لازم است",
    "Reason": "دلیل", "Comment": "توضیح", "Excluding an image needs a reason.": "کنار گذاشتن تصویر به دلیل نیاز دارد.",
    "Overriding the model's class needs a reason.": "تغییر ردهٔ مدل به دلیل نیاز دارد.",
    "Name": "نام", "Objective": "عدسی شیئی", "Camera": "دوربین", "\u00b5m per pixel": "میکرومتر در هر پیکسل",
    "None (red-cell ruler only)": "هیچ (فقط خط‌کش گلبول قرمز)", "Add": "افزودن", "Remove": "حذف", "Active:": "فعال:",
    "low confidence": "اطمینان کم", "%1 image": "%1 تصویر", "%1 images": "%1 تصویر", "The heat map could not be made: %1": "نقشهٔ حرارتی ساخته نشد: %1",
}


REVISED = {"Benign (hematogones)", "Early Pre-B ALL", "Pre-B ALL", "Pro-B ALL"}  # retranslated: written again


def main() -> None:
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.text and translation.get("type") != "unfinished" and source not in REVISED:
            continue
        if source in FA:
            translation.text = FA[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", source)


if __name__ == "__main__":
    main()
