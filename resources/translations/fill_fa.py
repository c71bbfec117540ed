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
    "Export Case as CS&V\u2026": "خروجی مورد به صورت CS&V\u2026", "Write the stored case as CSV": "نوشتن مورد ذخیره‌شده به صورت CSV",
    "Export Case as &JSON\u2026": "خروجی مورد به صورت &JSON\u2026", "Write the stored case as JSON": "نوشتن مورد ذخیره‌شده به صورت JSON",
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

FA.update({
    # accounts, locking, signatures (issue 19)
    "&Users\u2026": "&کاربران\u2026", "Add, disable and reset user accounts (administrators)":
        "افزودن، غیرفعال کردن و بازنشانی حساب‌های کاربری (مدیران)",
    "&Lock": "&قفل", "Lock the window until you or another user signs in": "قفل کردن پنجره تا شما یا کاربر دیگری وارد شود",
    "&Verify Signatures\u2026": "&بررسی امضاها\u2026",
    "Check that every signed case still holds exactly what was signed": "بررسی اینکه هر مورد امضاشده هنوز دقیقاً همان چیزی است که امضا شد",
    "&Tools": "&ابزارها", "&Verification Study\u2026": "&مطالعهٔ صحه‌گذاری\u2026",
    "Measure the model on your lab's labelled images and write the study (PDF, JSON)":
        "سنجش مدل روی تصاویر برچسب‌دار آزمایشگاه شما و نوشتن مطالعه (PDF، JSON)",
    "&Adapt to This Laboratory\u2026": "&سازگاری با این آزمایشگاه\u2026",
    "Refit the model's last stages on your lab's labelled images (a new model)":
        "برازش دوبارهٔ مراحل پایانی مدل روی تصاویر برچسب‌دار آزمایشگاه شما (یک مدل تازه)",
    "Propose a class for the selected image (a hematologist decides)": "پیشنهاد رده برای تصویر انتخاب‌شده (متخصص خون‌شناسی تصمیم می‌گیرد)",
    "&Propose Class\u2026": "&پیشنهاد رده\u2026", "Signed in: %1 (%2)": "واردشده: %1 (%2)",
    "User name %1; File \u25b8 Lock (Ctrl+L) locks the window": "نام کاربری %1؛ پرونده \u25b8 قفل (Ctrl+L) پنجره را قفل می‌کند",
    "Users": "کاربران", "Checking the signatures of every signed case\u2026": "در حال بررسی امضای همهٔ موارد امضاشده\u2026",
    "Verify signatures": "بررسی امضاها", "The check could not run: %1": "بررسی انجام نشد: %1",
    "No case is signed at present.": "در حال حاضر هیچ موردی امضا نشده است.",
    "%1 of them were signed before electronic signatures were kept and have no hash to compare.":
        "%1 مورد از آن‌ها پیش از نگه‌داری امضای الکترونیکی امضا شده‌اند و چکیده‌ای برای مقایسه ندارند.",
    "All %1 electronically signed case(s) still hold exactly what was signed.":
        "همهٔ %1 مورد امضاشدهٔ الکترونیکی هنوز دقیقاً همان چیزی‌اند که امضا شد.",
    "%1 of %2 signed case(s) no longer match their signature:": "%1 از %2 مورد امضاشده دیگر با امضای خود نمی‌خوانند:",
    "The database was changed outside the program; keep the file as it is and tell the administrator.":
        "پایگاه داده بیرون از برنامه تغییر کرده است؛ فایل را همان‌گونه نگه دارید و به مدیر اطلاع دهید.",
    "Add user": "افزودن کاربر", "e.g. s.rahimi": "مثلاً s.rahimi",
    "e.g. Dr. Sara Rahimi (printed on signed reports)": "مثلاً دکتر سارا رحیمی (روی گزارش‌های امضاشده چاپ می‌شود)",
    "User name": "نام کاربری", "Printed name": "نام چاپی", "Role": "نقش", "Add User": "افزودن کاربر",
    "a user name is required": "نام کاربری لازم است", "a printed name is required": "نام چاپی لازم است",
    "at least 10 characters": "دست‌کم ۱۰ نویسه", "the same password again": "همان گذرواژه دوباره",
    "Password": "گذرواژه", "Repeat password": "تکرار گذرواژه", "type the password twice": "گذرواژه را دو بار بنویسید",
    "the two passwords differ": "دو گذرواژه یکسان نیستند",
    "Reset the password of %1": "بازنشانی گذرواژهٔ %1",
    "A new password for %1 (tell it to them in person; it also lifts a lockout).":
        "گذرواژهٔ تازه برای %1 (حضوری به او بگویید؛ قفل حساب را هم برمی‌دارد).",
    "Reset Password": "بازنشانی گذرواژه", "State": "وضعیت", "Created": "ایجاد", "disabled": "غیرفعال",
    "locked until %1 UTC (or a password reset)": "قفل تا %1 UTC (یا تا بازنشانی گذرواژه)", "enabled": "فعال",
    "Accounts of this case database. Accounts are disabled, never deleted: their names stay in the audit trail.":
        "حساب‌های این پایگاه دادهٔ موارد. حساب‌ها غیرفعال می‌شوند و هرگز حذف نمی‌شوند: نامشان در سابقهٔ ممیزی می‌ماند.",
    "Add User\u2026": "افزودن کاربر\u2026", "Disable": "غیرفعال کردن", "Reset Password\u2026": "بازنشانی گذرواژه\u2026",
    "Close": "بستن", "%1 by %2": "%1 به دست %2", "Enable": "فعال کردن", "Reset password": "بازنشانی گذرواژه",
    "technologist": "کارشناس آزمایشگاه", "hematologist": "متخصص خون‌شناسی", "administrator": "مدیر",
    "Sign-in": "ورود", " min": " دقیقه",
    "The window locks after this long without keyboard or mouse input; the same user unlocks it with their password, "
    "or another user signs in": "پنجره پس از این مدت بدون ورودی صفحه‌کلید یا ماوس قفل می‌شود؛ همان کاربر با گذرواژهٔ خود "
    "آن را باز می‌کند، یا کاربر دیگری وارد می‌شود",
    "Lock the window after": "قفل پنجره پس از",
    # progress
    "Analysing %1/%2 (%3/s, ETA %4)": "در حال تحلیل %1/%2 (%3 در ثانیه، زمان باقی‌مانده %4)",
    "%1h%2m": "%1 ساعت و %2 دقیقه", "%1m%2s": "%1 دقیقه و %2 ثانیه", "%1s": "%1 ثانیه",
    # case actions and guards
    "CSV files (*.csv)": "فایل‌های CSV (*.csv)", "JSON files (*.json)": "فایل‌های JSON (*.json)",
    "the case database is not available: %1": "پایگاه دادهٔ موارد در دسترس نیست: %1", "Open case": "باز کردن مورد",
    "Details of case %1 saved": "مشخصات مورد %1 ذخیره شد",
    "select an analysed image of a saved case first": "نخست یک تصویر تحلیل‌شده از یک مورد ذخیره‌شده را انتخاب کنید",
    "Class %1 proposed for %2; a hematologist decides": "ردهٔ %1 برای %2 پیشنهاد شد؛ متخصص خون‌شناسی تصمیم می‌گیرد",
    "Sign off": "امضای مورد", "Case signed off electronically by %1": "مورد به صورت الکترونیکی به دست %1 امضا شد",
    "Re-open case": "بازگشایی مورد", "Case re-opened; it needs a new sign-off": "مورد بازگشایی شد؛ به امضای تازه نیاز دارد",
    "Remove image": "حذف تصویر", "Why is %1 taken out of the case?": "چرا %1 از مورد خارج می‌شود؟",
    "a reason is required to remove an image from a stored case": "برای حذف تصویر از یک مورد ذخیره‌شده دلیل لازم است",
    "Export case": "خروجی مورد", "no stored case: analyse images or open a case first":
        "مورد ذخیره‌شده‌ای نیست: نخست تصاویر را تحلیل کنید یا یک مورد را باز کنید",
    "Export case as %1": "خروجی مورد به صورت %1", "Case exported to %1": "مورد در %1 ذخیره شد",
    "Case is signed": "مورد امضا شده است",
    "Case %1 is signed off by %2 and is read-only. The %3 image(s) cannot be added to it.":
        "مورد %1 به دست %2 امضا شده و فقط خواندنی است. %3 تصویر را نمی‌توان به آن افزود.",
    "Start a new case with these images, or re-open this case (the reason is kept in its audit trail, and it will "
    "need a new sign-off).": "با این تصاویر مورد تازه‌ای آغاز کنید، یا این مورد را بازگشایی کنید (دلیل در سابقهٔ ممیزی "
    "آن می‌ماند و به امضای تازه نیاز خواهد داشت).",
    "Start a New Case": "آغاز مورد تازه", "Re-open This Case\u2026": "بازگشایی این مورد\u2026",
    "Why is the signed case re-opened? (kept in the audit trail)": "چرا مورد امضاشده بازگشایی می‌شود؟ (در سابقهٔ ممیزی می‌ماند)",
    "A reason is required to re-open a signed case:": "برای بازگشایی مورد امضاشده دلیل لازم است:",
    "%1: analysis running": "%1: تحلیل در جریان است", "%1 image(s) are still being analysed.": "%1 تصویر هنوز در حال تحلیل است.",
    "Results of finished batches are already stored in the case. Wait for the rest, or stop now and keep what is "
    "done (the case will list the images not analysed)?": "نتایج دسته‌های پایان‌یافته در مورد ذخیره شده‌اند. منتظر بقیه "
    "می‌مانید، یا اکنون متوقف می‌کنید و آنچه انجام شده را نگه می‌دارید (مورد، تصاویر تحلیل‌نشده را فهرست خواهد کرد)؟",
    "Wait, then %1": "صبر، سپس %1", "Stop and Keep What Is Done": "توقف و نگه‌داشتن انجام‌شده‌ها", "Stay": "ماندن",
    "someone": "کسی", "Not recorded in the case: %1": "در مورد ثبت نشد: %1",
    "%1 once the analysis has stopped\u2026": "%1 پس از توقف تحلیل\u2026",
    "%1 once the analysis has finished\u2026": "%1 پس از پایان تحلیل\u2026",
    "Images sent while the window was locked were not opened; open them again after signing in":
        "تصاویری که هنگام قفل بودن پنجره فرستاده شدند باز نشدند؛ پس از ورود دوباره آن‌ها را باز کنید",
    "re-opened by %1: %2; its signature is void and it needs a new sign-off":
        "بازگشایی‌شده به دست %1: %2؛ امضای آن باطل است و به امضای تازه نیاز دارد",
    "New Case": "مورد تازه", "Quit": "خروج", "Images (%1)": "تصاویر (%1)", "All files (*)": "همهٔ فایل‌ها (*)",
    "\u26a0 %1 image file(s) moved or changed since analysis; their stored results are not current":
        "\u26a0 %1 فایل تصویر پس از تحلیل جابه‌جا یا تغییر داده شده‌اند؛ نتایج ذخیره‌شدهٔ آن‌ها به‌روز نیست",
    # case browser
    "Specimen": "نمونه", "Status": "وضعیت", "Last change": "آخرین تغییر",
    "SIGNATURE MISMATCH \u2014 ": "ناهمخوانی امضا \u2014 ", "signed by %1": "امضاشده به دست %1", "open": "باز",
    "Check Signatures": "بررسی امضاها",
    "Recompute every signed case's content hash and mark those that no longer match their signature":
        "محاسبهٔ دوبارهٔ چکیدهٔ محتوای هر مورد امضاشده و علامت‌گذاری مواردی که دیگر با امضای خود نمی‌خوانند",
    "Patient ID or name": "شناسه یا نام بیمار", "Collection date from": "تاریخ نمونه‌گیری از", "to": "تا",
    "Cannot list cases: %1": "فهرست موارد ممکن نیست: %1", "1 case": "۱ مورد", "%1 cases": "%1 مورد",
    "No case matches.": "هیچ موردی مطابقت ندارد.", " (first %1 shown)": " (%1 مورد نخست نمایش داده شده)",
    "Cannot check the signatures: %1": "بررسی امضاها ممکن نیست: %1",
    "%1 no longer match their signature (marked)": "%1 مورد دیگر با امضای خود نمی‌خوانند (علامت‌گذاری شد)",
    "all match their signature": "همه با امضای خود می‌خوانند", "%1 signed case(s) checked: %2": "%1 مورد امضاشده بررسی شد: %2",
    # device, model chooser
    "Auto (a GPU the runtime can use, else the CPU)": "خودکار (GPU قابل استفاده برای موتور اجرا، وگرنه CPU)",
    "Takes effect the next time XIncept starts. The runtime (OpenVINO) uses Intel GPUs; it cannot use NVIDIA GPUs, "
    "which leave the analysis on the CPU. The status bar names the device in use.": "از اجرای بعدی XIncept اعمال "
    "می‌شود. موتور اجرا (OpenVINO) از GPUهای Intel استفاده می‌کند؛ از GPUهای NVIDIA نمی‌تواند، و با آن‌ها تحلیل روی CPU "
    "می‌ماند. نوار وضعیت دستگاه در حال استفاده را نام می‌برد.",
    "Device": "دستگاه", "model: %1": "مدل: %1",
    "Adapted models are marked with their laboratory and the model they came from. Switching is recorded in the "
    "audit log; every analysis and report names the model that made it.": "مدل‌های سازگارشده با نام آزمایشگاه و مدلی "
    "که از آن آمده‌اند مشخص شده‌اند. تعویض مدل در سابقهٔ ممیزی ثبت می‌شود؛ هر تحلیل و گزارش مدلی را که آن را ساخته نام می‌برد.",
    "  (active)": "  (فعال)", "Wait for the analysis to finish (or stop it), then switch.":
        "صبر کنید تا تحلیل پایان یابد (یا آن را متوقف کنید)، سپس مدل را عوض کنید.",
    "Model switched, but the audit line could not be written: %1": "مدل عوض شد، ولی سطر ممیزی نوشته نشد: %1",
    # laboratory tasks
    "%1: starting\u2026": "%1: در حال آغاز\u2026", "Stop": "توقف", "%1: %2 of %3 images": "%1: %2 از %3 تصویر",
    "%1 stopped; nothing was written": "%1 متوقف شد؛ چیزی نوشته نشد", "%1 could not be done:": "%1 انجام نشد:",
    "Nothing was written.": "چیزی نوشته نشد.",
    "A folder with one sub-folder per class (Benign, Early, Pre, Pro), or a CSV file with the columns path,label "
    "(and optionally case).": "پوشه‌ای با یک زیرپوشه برای هر رده (Benign، Early، Pre، Pro)، یا فایل CSV با ستون‌های "
    "path,label (و در صورت نیاز case).",
    "Verification study": "مطالعهٔ صحه‌گذاری",
    "Measure the model on your laboratory's own labelled images before using it (CLSI EP12, ISO 15189). The study is "
    "written as verification.pdf (to file) and verification.json.": "پیش از به‌کارگیری مدل، آن را روی تصاویر "
    "برچسب‌دار آزمایشگاه خودتان بسنجید (CLSI EP12، ISO 15189). مطالعه به صورت verification.pdf (برای بایگانی) و "
    "verification.json نوشته می‌شود.",
    "Labelled images": "تصاویر برچسب‌دار", "Write the study to": "محل نوشتن مطالعه", "Operator": "اجراکننده",
    "Pass when agreement is at least": "قبول اگر توافق دست‌کم این باشد",
    "Choose the folder or CSV of labelled images.": "پوشه یا فایل CSV تصاویر برچسب‌دار را انتخاب کنید.",
    "Choose the folder to write the study to.": "پوشه‌ای را که مطالعه در آن نوشته شود انتخاب کنید.",
    "Adapt to this laboratory": "سازگاری با این آزمایشگاه",
    "Refit the model's last stages (classifier, confidence calibration, out-of-domain check) on your laboratory's "
    "labelled images. The network itself is kept; part of your images is held back to measure the result. The "
    "current model stays installed; the adapted one is a new model you choose in Preferences. Each class needs at "
    "least 20 images.": "مراحل پایانی مدل (رده‌بند، کالیبراسیون اطمینان، بررسی خارج از دامنه) روی تصاویر برچسب‌دار "
    "آزمایشگاه شما دوباره برازش می‌شوند. خود شبکه دست نمی‌خورد؛ بخشی از تصاویر شما برای سنجش نتیجه کنار گذاشته می‌شود. "
    "مدل کنونی نصب‌شده می‌ماند؛ مدل سازگارشده مدل تازه‌ای است که در تنظیمات انتخاب می‌کنید. هر رده دست‌کم ۲۰ تصویر لازم دارد.",
    "e.g. Central Lab Zeiss": "مثلاً Central Lab Zeiss", "Name of the adapted model": "نام مدل سازگارشده",
    "Written to": "محل نوشتن", "Adapt": "سازگاری",
    "Give the adapted model a name (your laboratory's).": "به مدل سازگارشده نامی بدهید (نام آزمایشگاه شما).",
    "%1 already exists: choose another name.": "%1 از پیش وجود دارد: نام دیگری انتخاب کنید.",
    "Written to %1": "نوشته شد در %1", "Open the PDF": "باز کردن PDF",
    "The adapted model was written to %1.\n\nOn the %2 held-back images: agreement %3 before, %4 after; flagged out "
    "of domain %5 before, %6 after.\n\nRun a verification study on images not used here before using it on "
    "patients.\n\nUse the adapted model now?": "مدل سازگارشده در %1 نوشته شد.\n\nروی %2 تصویر کنارگذاشته: توافق پیش "
    "از سازگاری %3 و پس از آن %4؛ نشانه‌گذاری خارج از دامنه پیش %5 و پس %6.\n\nپیش از به‌کارگیری برای بیماران، یک "
    "مطالعهٔ صحه‌گذاری روی تصاویری که اینجا به کار نرفته‌اند انجام دهید.\n\nهم‌اکنون از مدل سازگارشده استفاده شود؟",
    "Adapted model written": "مدل سازگارشده نوشته شد", "Site adaptation": "سازگاری با آزمایشگاه",
    "Folder\u2026": "پوشه\u2026", "CSV\u2026": "CSV\u2026", "Choose a folder": "انتخاب پوشه",
    "Choose a CSV file": "انتخاب فایل CSV",
    # reports
    "cannot write the report to %1: %2": "نوشتن گزارش در %1 ممکن نیست: %2", "Export PDF report": "خروجی گزارش PDF",
    "Save report": "ذخیرهٔ گزارش", "PDF files (*.pdf)": "فایل‌های PDF (*.pdf)",
    "%1 is a folder; choose a file name": "%1 یک پوشه است؛ نام فایلی انتخاب کنید", "Print report": "چاپ گزارش",
    "Print report %1": "چاپ گزارش %1", "Case report": "گزارش مورد",
    "Patient and specimen details come from case %1; change them with Case \u25b8 Case Details.":
        "مشخصات بیمار و نمونه از مورد %1 می‌آیند؛ آن‌ها را با مورد \u25b8 مشخصات مورد تغییر دهید.",
    "Overlay opacity (report)": "شفافیت لایهٔ رویی (گزارش)", "Overlay colour map (report)": "نقشهٔ رنگ لایهٔ رویی (گزارش)",
    "Preparing the report\u2026": "در حال آماده‌سازی گزارش\u2026", "The report could not be made": "گزارش ساخته نشد",
    "Report %1 written to %2": "گزارش %1 در %2 نوشته شد",
    " (not recorded in the case's audit log: %1)": " (در سابقهٔ ممیزی مورد ثبت نشد: %1)",
    "cannot write %1: %2": "نوشتن %1 ممکن نیست: %2",
    "this system has no PDF print spooler (lp) and no QtPdf to rasterise the report: use Export PDF and print the "
    "file from a PDF viewer": "این سیستم صف چاپ PDF (lp) و QtPdf برای تبدیل گزارش به تصویر ندارد: از خروجی PDF استفاده "
    "کنید و فایل را از یک نمایشگر PDF چاپ کنید",
    "the printer refused the report: %1": "چاپگر گزارش را نپذیرفت: %1",
    "report module not available": "بخش گزارش در دسترس نیست", "Reports": "گزارش‌ها",
    "Analyse at least one image first.": "نخست دست‌کم یک تصویر را تحلیل کنید.",
    # sign-off dialog
    "Analyse them (Analysis \u25b8 Analyse), exclude them (Case \u25b8 Override Class \u25b8 Exclude, with a reason) "
    "or remove those never analysed (Case \u25b8 Remove Image, with a reason) before signing.": "پیش از امضا آن‌ها را "
    "تحلیل کنید (تحلیل \u25b8 تحلیل)، کنار بگذارید (مورد \u25b8 تغییر رده \u25b8 کنار گذاشتن، با ذکر دلیل) یا آن‌هایی را "
    "که هرگز تحلیل نشده‌اند حذف کنید (مورد \u25b8 حذف تصویر، با ذکر دلیل).",
    "I have seen these warnings and sign the case as it is": "این هشدارها را دیده‌ام و مورد را همان‌گونه که هست امضا می‌کنم",
    "Not signed: the password was not accepted, or your account cannot sign now (locked for a while after repeated "
    "failures). Each wrong password counts towards the lockout.": "امضا نشد: گذرواژه پذیرفته نشد، یا حساب شما اکنون "
    "نمی‌تواند امضا کند (پس از خطاهای پیاپی برای مدتی قفل است). هر گذرواژهٔ نادرست در قفل شدن حساب شمرده می‌شود.",
    "Reviewed and approved": "بازبینی و تأیید شد", "Sign off case %1": "امضای مورد %1", "You are signing:": "آنچه امضا می‌کنید:",
    "Images analysed": "تصاویر تحلیل‌شده", "Excluded by the reviewer": "کنارگذاشته به دست بازبین",
    "Could not be analysed": "تحلیل‌نشدنی", "Electronic signature": "امضای الکترونیکی",
    "nobody is signed in": "کسی وارد نشده است", "Signed by": "امضاکننده", "Meaning": "معنا", "Time": "زمان",
    "now, in UTC, when you press Sign Off": "اکنون، به وقت UTC، هنگام فشردن امضا",
    "your password, to sign": "گذرواژهٔ شما، برای امضا",
    "Your signature is linked to exactly what is shown in this case now (a SHA-256 of its images, results, reviews "
    "and details); re-opening the case voids it.": "امضای شما دقیقاً به آنچه اکنون در این مورد نمایش داده می‌شود پیوند "
    "دارد (چکیدهٔ SHA-256 تصاویر، نتایج، بازبینی‌ها و مشخصات آن)؛ بازگشایی مورد آن را باطل می‌کند.",
    "Sign Off": "امضا", "; and %1 more": "؛ و %1 مورد دیگر",
    "%1 image(s) not analysed: %2": "%1 تصویر تحلیل نشده: %2",
    "%1 image(s) could not be analysed: %2": "%1 تصویر تحلیل‌نشدنی: %2",
    "%1 out-of-domain or low-confidence image(s) not reviewed: %2": "%1 تصویر خارج از دامنه یا با اطمینان کم بازبینی نشده: %2",
    "patient name": "نام بیمار", "patient ID": "شناسهٔ بیمار", " and ": " و ", "missing %1": "%1 وارد نشده است",
    # the analysis worker's messages (shown in the window's banner)
    "No model found in %1 (manifest.json is missing). Start with --model DIR or set XINCEPT_MODEL_DIR.":
        "مدلی در %1 یافت نشد (manifest.json وجود ندارد). با --model DIR اجرا کنید یا XINCEPT_MODEL_DIR را تنظیم کنید.",
    "The model is not loaded yet.": "مدل هنوز بارگذاری نشده است.",
    "The model loaded but could not run: %1": "مدل بارگذاری شد ولی اجرا نشد: %1",
    "The model could not be loaded: %1": "مدل بارگذاری نشد: %1",
    "The model in %1 could not be loaded (%2)": "مدل در %1 بارگذاری نشد (%2)",
    # why a role may not (tooltips of greyed-out actions, refusals); the actions as Persian subjunctive phrases
    "open and view cases": "موارد را باز کند و ببیند", "analyse images": "تصاویر را تحلیل کند",
    "enter case details": "مشخصات مورد را وارد کند", "propose a class": "رده پیشنهاد کند",
    "export cases and reports": "از موارد و گزارش‌ها خروجی بگیرد", "override the model's class": "ردهٔ مدل را تغییر دهد",
    "sign off cases": "موارد را امضا کند", "re-open signed cases": "موارد امضاشده را بازگشایی کند",
    "manage users": "کاربران را مدیریت کند", "change the model": "مدل را عوض کند",
    "change the settings": "تنظیمات را تغییر دهد", "a %1": "%1", "an %1": "%1", " or ": " یا ",
    "Sign in first: only %1 may %2.": "نخست وارد شوید: فقط %1 می‌تواند %2.",
    "Only %1 may %2; you are signed in as %3.": "فقط %1 می‌تواند %2؛ شما با نقش %3 وارد شده‌اید.",
    "a user name has 2 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or "
    "digit": "نام کاربری ۲ تا ۳۲ نویسه دارد: حروف کوچک لاتین، رقم، «.»، «_» یا «-»، و با حرف یا رقم آغاز می‌شود",
    "the password must not start or end with a space": "گذرواژه نباید با فاصله آغاز یا تمام شود",
    "the password must not be the user name": "گذرواژه نباید همان نام کاربری باشد",
    "the password needs at least %1 characters": "گذرواژه دست‌کم %1 نویسه لازم دارد",
    # background password checks, drafts kept at a user switch (helper G)
    "Case Details": "مشخصات مورد", "Override Class": "تغییر رده", "Unsaved changes": "تغییرات ذخیره‌نشده",
    "You had unsaved changes in {0} when another user signed in: restore them?":
        "هنگامی که کاربر دیگری وارد شد، در {0} تغییرات ذخیره‌نشده داشتید: بازگردانده شوند؟",
    "Case {0} is no longer the open case": "مورد {0} دیگر مورد باز نیست",
    "Case {0} was signed off meanwhile": "مورد {0} در این میان امضا شده است",
    "{0}, so the changes cannot be put back into {1}. What you had typed:\n\n{2}":
        "{0}، پس تغییرات را نمی‌توان به {1} بازگرداند. آنچه نوشته بودید:\n\n{2}",
    "Creating the account\u2026": "در حال ساختن حساب\u2026",
    "{0} open window(s) of {1} are kept behind this screen as they are; if someone else signs in, they are closed "
    "without saving, and what was typed in Case Details or Override Class is offered back to {1} at the next "
    "sign-in.": "{0} پنجرهٔ باز {1} همان‌گونه پشت این صفحه نگه داشته می‌شوند؛ اگر کس دیگری وارد شود، بی‌ذخیره بسته "
    "می‌شوند و آنچه در مشخصات مورد یا تغییر رده نوشته شده بود در ورود بعدی {1} به او پیشنهاد می‌شود.",
    "Checking\u2026": "در حال بررسی\u2026",
    "The case database cannot be used: {0}": "پایگاه دادهٔ موارد قابل استفاده نیست: {0}",
    "Checking the password and signing\u2026": "در حال بررسی گذرواژه و امضا\u2026",
    "%1 (%2, %3)": "%1 (%2، %3)", "+ / - / mouse wheel": "+ / - / چرخ ماوس", "Drag": "کشیدن",
    # sign-in, first start and lock screen
    "Sign in \u2014 %1 Desktop": "ورود \u2014 %1 Desktop",
    "Sign in with your own account. What you do is recorded under your name; signatures need your password again.":
        "با حساب خودتان وارد شوید. هر کاری که می‌کنید به نام شما ثبت می‌شود؛ امضا دوباره گذرواژهٔ شما را می‌خواهد.",
    "user name": "نام کاربری", "password": "گذرواژه", "Sign In": "ورود",
    "First start \u2014 %1 Desktop": "نخستین اجرا \u2014 %1 Desktop",
    "Welcome to %1 Desktop": "به %1 Desktop خوش آمدید",
    "This case database has no user accounts yet. Create the administrator account now. The administrator then "
    "adds the people who use the program: technologists (open and analyse cases, enter details, propose a class) "
    "and hematologists (also override classes, sign off and re-open cases). An administrator account manages "
    "users, models and settings; it does not analyse or sign cases.":
        "این پایگاه دادهٔ موارد هنوز هیچ حساب کاربری ندارد. اکنون حساب مدیر را بسازید. سپس مدیر کسانی را که با "
        "برنامه کار می‌کنند می‌افزاید: کاردان‌های آزمایشگاه (باز کردن و تحلیل موارد، وارد کردن مشخصات، پیشنهاد رده) و "
        "متخصصان خون‌شناسی (همچنین تغییر رده، امضا و بازگشایی موارد). حساب مدیر کاربران، مدل‌ها و تنظیمات را "
        "اداره می‌کند؛ موردی را تحلیل یا امضا نمی‌کند.",
    "Case database: %1": "پایگاه دادهٔ موارد: %1",
    "e.g. admin": "مثلاً admin", "the name printed where this account acts": "نامی که هر جا این حساب کاری کند چاپ می‌شود",
    "at least 10 characters": "دست‌کم ۱۰ نویسه", "the same password again": "همان گذرواژه، دوباره",
    "Create Administrator": "ساختن حساب مدیر",
    "The case database cannot be opened, so no one can sign in:":
        "پایگاه دادهٔ موارد باز نمی‌شود، پس هیچ‌کس نمی‌تواند وارد شود:",
    "%1 Desktop": "%1 Desktop", "Locked \u2014 %1 Desktop": "قفل \u2014 %1 Desktop", "Locked": "قفل است",
    "%1 (%2) is signed in. Enter the password to unlock.": "%1 (%2) وارد شده است. برای باز کردن قفل گذرواژه را وارد کنید.",
    "Sign in as someone else": "ورود با حساب دیگری", "Unlock": "باز کردن قفل",
    "This installation runs the model on the CPU only: its inference runtime carries no GPU plugin (the "
    "standalone app leaves it out).": "این نصب مدل را فقط روی CPU اجرا می‌کند: موتور استنتاج آن افزونهٔ GPU ندارد "
    "(برنامهٔ مستقل آن را کنار می‌گذارد).",
    "Saving the account\u2026": "در حال ذخیرهٔ حساب\u2026",
})


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
    text = TS.read_text(encoding="utf-8")  # keep lupdate's header, so a refresh changes only the messages
    TS.write_text(text.replace("<?xml version='1.0' encoding='utf-8'?>\n",
                               '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n', 1), encoding="utf-8")
    for source in missing:
        print("untranslated:", source)


if __name__ == "__main__":
    main()
