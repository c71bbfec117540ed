<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open Images…</source>
        <translation>باز کردن &amp;تصاویر…</translation>
    </message>
    <message>
        <source>Open image files</source>
        <translation>باز کردن فایل‌های تصویر</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>باز کردن &amp;پوشه…</translation>
    </message>
    <message>
        <source>Open every image in a folder</source>
        <translation>باز کردن همهٔ تصاویر یک پوشه</translation>
    </message>
    <message>
        <source>Open &amp;Case…</source>
        <translation>باز کردن &amp;مورد…</translation>
    </message>
    <message>
        <source>Open a stored case with its results</source>
        <translation>باز کردن یک مورد ذخیره‌شده با نتایج آن</translation>
    </message>
    <message>
        <source>&amp;New Case</source>
        <translation>مورد &amp;جدید</translation>
    </message>
    <message>
        <source>Close the images of this case</source>
        <translation>بستن تصاویر این مورد</translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation>&amp;تحلیل</translation>
    </message>
    <message>
        <source>Analyse the images that are not done yet</source>
        <translation>تحلیل تصاویری که هنوز تحلیل نشده‌اند</translation>
    </message>
    <message>
        <source>&amp;Cancel Analysis</source>
        <translation>&amp;لغو تحلیل</translation>
    </message>
    <message>
        <source>Stop the analysis after the current batch</source>
        <translation>توقف تحلیل پس از دستهٔ جاری</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;خروجی PDF…</translation>
    </message>
    <message>
        <source>Write the case report as PDF</source>
        <translation>نوشتن گزارش مورد به صورت PDF</translation>
    </message>
    <message>
        <source>Export Case as CS&amp;V…</source>
        <translation>خروجی مورد به صورت CSV…</translation>
    </message>
    <message>
        <source>Write the stored case as CSV</source>
        <translation>نوشتن مورد ذخیره‌شده به صورت CSV</translation>
    </message>
    <message>
        <source>Export Case as &amp;JSON…</source>
        <translation>خروجی مورد به صورت JSON…</translation>
    </message>
    <message>
        <source>Write the stored case as JSON</source>
        <translation>نوشتن مورد ذخیره‌شده به صورت JSON</translation>
    </message>
    <message>
        <source>Case &amp;Details…</source>
        <translation>&amp;مشخصات مورد…</translation>
    </message>
    <message>
        <source>Patient and specimen details of the case (read-only once signed)</source>
        <translation>مشخصات بیمار و نمونهٔ این مورد (پس از امضا فقط خواندنی)</translation>
    </message>
    <message>
        <source>Re&amp;move Image…</source>
        <translation>&amp;حذف تصویر…</translation>
    </message>
    <message>
        <source>Take an image that was never analysed out of the case, with a reason</source>
        <translation>خارج کردن تصویری که هرگز تحلیل نشده از مورد، با ذکر دلیل</translation>
    </message>
    <message>
        <source>&amp;Override Class…</source>
        <translation>&amp;تغییر رده…</translation>
    </message>
    <message>
        <source>Set the reviewer&apos;s class of the selected image</source>
        <translation>تعیین ردهٔ بازبین برای تصویر انتخاب‌شده</translation>
    </message>
    <message>
        <source>&amp;Sign Off Case</source>
        <translation>&amp;امضای مورد</translation>
    </message>
    <message>
        <source>Sign the case off (read-only until re-opened)</source>
        <translation>امضای مورد (تا بازگشایی دوباره فقط خواندنی)</translation>
    </message>
    <message>
        <source>Re-&amp;open Case…</source>
        <translation>&amp;بازگشایی مورد…</translation>
    </message>
    <message>
        <source>Re-open a signed case, with a reason</source>
        <translation>بازگشایی یک مورد امضاشده، با ذکر دلیل</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;چاپ…</translation>
    </message>
    <message>
        <source>Print the case report</source>
        <translation>چاپ گزارش مورد</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;تنظیمات…</translation>
    </message>
    <message>
        <source>Default opacity, colormap, names</source>
        <translation>شفافیت و نقشهٔ رنگ پیش‌فرض، نام‌ها</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>Quit XIncept</source>
        <translation>خروج از XIncept</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom in (also + and the wheel)</source>
        <translation>بزرگ‌نمایی (همچنین + و چرخ ماوس)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Zoom out (also - and the wheel)</source>
        <translation>کوچک‌نمایی (همچنین - و چرخ ماوس)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Show the whole image</source>
        <translation>نمایش کل تصویر</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>اندازهٔ &amp;واقعی (۱:۱)</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel</source>
        <translation>هر پیکسل تصویر یک پیکسل صفحه</translation>
    </message>
    <message>
        <source>&amp;Heat Map</source>
        <translation>&amp;نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source>Show or hide the heat map</source>
        <translation>نمایش یا پنهان کردن نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>تصویر &amp;بعدی</translation>
    </message>
    <message>
        <source>Select the next image</source>
        <translation>انتخاب تصویر بعدی</translation>
    </message>
    <message>
        <source>P&amp;revious Image</source>
        <translation>تصویر &amp;قبلی</translation>
    </message>
    <message>
        <source>Select the previous image</source>
        <translation>انتخاب تصویر قبلی</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;راهنمای کاربر</translation>
    </message>
    <message>
        <source>Reading the results, the heat map, the case suggestion; review and sign-off</source>
        <translation>خواندن نتایج، نقشهٔ حرارتی و پیشنهاد مورد؛ بازبینی و امضا</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Every key of the window</source>
        <translation>همهٔ کلیدهای پنجره</translation>
    </message>
    <message>
        <source>&amp;Model Card</source>
        <translation>&amp;شناسنامهٔ مدل</translation>
    </message>
    <message>
        <source>How the model was made and tested</source>
        <translation>مدل چگونه ساخته و آزموده شد</translation>
    </message>
    <message>
        <source>&amp;About XIncept</source>
        <translation>&amp;دربارهٔ XIncept</translation>
    </message>
    <message>
        <source>What XIncept is, its version, the model version and the disclaimer</source>
        <translation>XIncept چیست، نسخهٔ آن، نسخهٔ مدل و هشدار</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;تحلیل</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;مورد</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>اصلی</translation>
    </message>
</context>
<context>
    <name>AnalysisProgress</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Stop the analysis after the current batch (Esc)</source>
        <translation>توقف تحلیل پس از دستهٔ جاری (Esc)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
</context>
<context>
    <name>CaseDetails</name>
    <message>
        <source>Patient ID</source>
        <translation>شناسهٔ بیمار</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>نام بیمار</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Specimen ID</source>
        <translation>شناسهٔ نمونه</translation>
    </message>
    <message>
        <source>Specimen type</source>
        <translation>نوع نمونه</translation>
    </message>
    <message>
        <source>Collection date</source>
        <translation>تاریخ نمونه‌گیری</translation>
    </message>
    <message>
        <source>Requesting physician</source>
        <translation>پزشک درخواست‌کننده</translation>
    </message>
    <message>
        <source>Reviewer&apos;s conclusion</source>
        <translation>نتیجه‌گیری بازبین</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>توضیحات</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>مشخصات مورد</translation>
    </message>
</context>
<context>
    <name>CaseDetailsDialog</name>
    <message>
        <source> (signed: read-only)</source>
        <translation> (امضاشده: فقط خواندنی)</translation>
    </message>
    <message>
        <source>The case is signed off; re-open it (Case ▸ Re-open Case) to change these.</source>
        <translation>این مورد امضا شده است؛ برای تغییر این‌ها آن را بازگشایی کنید (مورد ▸ بازگشایی مورد).</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Decision support only: every result must be reviewed and confirmed by a hematologist. Not a diagnosis.</source>
        <translation>فقط پشتیبان تصمیم: هر نتیجه باید به دست متخصص خون‌شناسی بازبینی و تأیید شود. این تشخیص نیست.</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>بدون تصویر</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>هنوز ذخیره نشده</translation>
    </message>
    <message>
        <source>Case suggestion</source>
        <translation>پیشنهاد برای مورد</translation>
    </message>
    <message>
        <source>For review (low confidence, out of domain, errors) and excluded</source>
        <translation>برای بازبینی (اطمینان کم، خارج از دامنه، خطا) و کنارگذاشته‌ها</translation>
    </message>
    <message>
        <source>%1 image</source>
        <translation>%1 تصویر</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 تصویر</translation>
    </message>
    <message>
        <source>%1 analysed of %2</source>
        <translation>%1 تحلیل‌شده از %2</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>، %1 ناموفق</translation>
    </message>
    <message>
        <source>%1  (%2 confident)</source>
        <translation>%1  (%2 با اطمینان)</translation>
    </message>
    <message>
        <source>Conclusion: %1</source>
        <translation>نتیجه‌گیری: %1</translation>
    </message>
    <message>
        <source>Comments: %1</source>
        <translation>توضیحات: %1</translation>
    </message>
    <message>
        <source>Case suggestion = the most frequent class among images classified with calibrated confidence ≥ 70 % and inside the training domain; a reviewer&apos;s class replaces the model&apos;s and always counts. No such image, or a tie between classes, gives &apos;indeterminate — review&apos;.</source>
        <translation>پیشنهاد مورد = پرتکرارترین رده در میان تصاویری که با اطمینان کالیبره‌شدهٔ دست‌کم ۷۰٪ و درون دامنهٔ آموزش رده‌بندی شده‌اند؛ ردهٔ بازبین جای ردهٔ مدل را می‌گیرد و همیشه شمرده می‌شود. نبودن چنین تصویری یا تساوی میان رده‌ها به «نامعین — بازبینی» می‌انجامد.</translation>
    </message>
    <message>
        <source>indeterminate — review</source>
        <translation>نامعین — بازبینی</translation>
    </message>
    <message>
        <source>Exclude: not a lymphoblast / unusable image</source>
        <translation>کنار گذاشتن: لنفوبلاست نیست / تصویر قابل استفاده نیست</translation>
    </message>
</context>
<context>
    <name>CaseSession</name>
    <message>
        <source>Not saved yet</source>
        <translation>هنوز ذخیره نشده</translation>
    </message>
    <message>
        <source>Case %1%2: %3</source>
        <translation>مورد %1%2: %3</translation>
    </message>
    <message>
        <source>%1 image(s) not analysed: %2</source>
        <translation>%1 تصویر تحلیل نشده: %2</translation>
    </message>
    <message>
        <source>open for review</source>
        <translation>باز برای بازبینی</translation>
    </message>
    <message>
        <source>signed (amended) by %1 (%2 UTC), read-only</source>
        <translation>امضاشده (اصلاحی) به دست %1 (%2 UTC)، فقط خواندنی</translation>
    </message>
    <message>
        <source>signed by %1 (%2 UTC), read-only</source>
        <translation>امضاشده به دست %1 (%2 UTC)، فقط خواندنی</translation>
    </message>
    <message>
        <source>re-opened by %1: %2; needs a new sign-off</source>
        <translation>بازگشایی‌شده به دست %1: %2؛ به امضای تازه نیاز دارد</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Benign (hematogones)</source>
        <translation>خوش‌خیم (هماتوگون‌ها)</translation>
    </message>
    <message>
        <source>Early Pre-B ALL</source>
        <translation>لوسمی پیش‌ساز بی زودرس</translation>
    </message>
    <message>
        <source>Pre-B ALL</source>
        <translation>لوسمی پیش‌ساز بی</translation>
    </message>
    <message>
        <source>Pro-B ALL</source>
        <translation>لوسمی پرو بی</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Open images or a folder, or drop them here</source>
        <translation>تصاویر یا یک پوشه را باز کنید، یا آن‌ها را اینجا رها کنید</translation>
    </message>
    <message>
        <source>Open Images…</source>
        <translation>باز کردن تصاویر…</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>باز کردن پوشه…</translation>
    </message>
</context>
<context>
    <name>HeatControls</name>
    <message>
        <source>&amp;Heat map</source>
        <translation>&amp;نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source>Show the heat map over the image: the network&apos;s evidence for the shown class; warm regions are where that evidence lies (H)</source>
        <translation>نمایش نقشهٔ حرارتی روی تصویر: شواهد شبکه برای ردهٔ نمایش‌داده‌شده؛ نواحی گرم جای این شواهدند (H)</translation>
    </message>
    <message>
        <source>Heat-map opacity</source>
        <translation>شفافیت نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source> (colour-blind safe)</source>
        <translation> (مناسب کوررنگی)</translation>
    </message>
    <message>
        <source>network&apos;s class</source>
        <translation>ردهٔ شبکه</translation>
    </message>
    <message>
        <source>Which class&apos;s evidence the heat map shows; by default the class the network&apos;s own head gives, which is what the heat map explains (the result&apos;s class comes from the classifier on top and can differ: the result panel then says so)</source>
        <translation>نقشهٔ حرارتی شواهد کدام رده را نشان دهد؛ به طور پیش‌فرض ردهٔ خروجی خود شبکه، که نقشهٔ حرارتی همان را توضیح می‌دهد (ردهٔ نتیجه از رده‌بند بالایی می‌آید و ممکن است متفاوت باشد؛ در آن صورت صفحهٔ نتیجه آن را می‌گوید)</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>شفافیت</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>رنگ‌ها</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>رده</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>روش</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>_The user guide is not installed (%1)._</source>
        <translation>_راهنمای کاربر نصب نشده است (%1)._</translation>
    </message>
    <message>
        <source>_No model is loaded._</source>
        <translation>_مدلی بارگذاری نشده است._</translation>
    </message>
    <message>
        <source>_No model card (%1) in %2._</source>
        <translation>_شناسنامهٔ مدل (%1) در %2 نیست._</translation>
    </message>
    <message>
        <source>Next image (in the image)</source>
        <translation>تصویر بعدی (روی تصویر)</translation>
    </message>
    <message>
        <source>Previous image (in the image)</source>
        <translation>تصویر قبلی (روی تصویر)</translation>
    </message>
    <message>
        <source>Zoom in / out (in the image)</source>
        <translation>بزرگ‌نمایی / کوچک‌نمایی (روی تصویر)</translation>
    </message>
    <message>
        <source>Move the image</source>
        <translation>جابه‌جا کردن تصویر</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>جزئیات فنی</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>پوشهٔ مدل</translation>
    </message>
    <message>
        <source>Offline decision support for the subtyping of acute lymphoblastic leukemia (Benign hematogones, Early Pre-B, Pre-B, Pro-B ALL) from photographs of peripheral blood smears, with heat maps that show where the evidence lies, a case store with review and sign-off, and PDF reports. No image or result leaves this computer.</source>
        <translation>پشتیبان تصمیم آفلاین برای زیرگروه‌بندی لوسمی لنفوبلاستیک حاد (هماتوگون‌های خوش‌خیم، Early Pre-B، Pre-B و Pro-B ALL) از عکس‌های گسترش خون محیطی، با نقشه‌های حرارتی که جای شواهد را نشان می‌دهند، بایگانی موارد با بازبینی و امضا، و گزارش PDF. هیچ تصویر یا نتیجه‌ای از این رایانه بیرون نمی‌رود.</translation>
    </message>
    <message>
        <source>How the model was made and tested: Help &gt; Model Card.</source>
        <translation>مدل چگونه ساخته و آزموده شد: راهنما &gt; شناسنامهٔ مدل.</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Model Card</source>
        <translation>شناسنامهٔ مدل</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>دربارهٔ %1</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <source>queued</source>
        <translation>در صف</translation>
    </message>
    <message>
        <source>analysing</source>
        <translation>در حال تحلیل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <source>%1 · ⚠ not assessable (closest %2, %3)</source>
        <translation>%1 · ⚠ قابل ارزیابی نیست (نزدیک‌ترین %2، %3)</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>اطمینان کم</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 Desktop — ALL subtyping decision support</source>
        <translation>%1 Desktop — پشتیبان تصمیم برای زیرگروه‌بندی ALL</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>تصاویر</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>خلاصهٔ مورد</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>باز کردن موارد &amp;اخیر</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>دستگاه: %1</translation>
    </message>
    <message>
        <source>Model: loading…</source>
        <translation>مدل: در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Zoom of the image (100 %: one image pixel per screen pixel)</source>
        <translation>بزرگ‌نمایی تصویر (۱۰۰٪: هر پیکسل تصویر یک پیکسل صفحه)</translation>
    </message>
    <message>
        <source>Loading the model from %1…</source>
        <translation>بارگذاری مدل از %1…</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>مدل: %1</translation>
    </message>
    <message>
        <source>Model ready</source>
        <translation>مدل آماده است</translation>
    </message>
    <message>
        <source>Zoom: %1</source>
        <translation>بزرگ‌نمایی: %1</translation>
    </message>
    <message>
        <source>Model: not available</source>
        <translation>مدل: در دسترس نیست</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>در دسترس نیست</translation>
    </message>
    <message>
        <source>The model could not be loaded; images can be viewed but not analysed</source>
        <translation>مدل بارگذاری نشد؛ تصاویر را می‌توان دید ولی نمی‌توان تحلیل کرد</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>باز کردن تصاویر</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>باز کردن پوشه</translation>
    </message>
    <message>
        <source>Analysis cancelled</source>
        <translation>تحلیل لغو شد</translation>
    </message>
    <message>
        <source>Analysis finished</source>
        <translation>تحلیل پایان یافت</translation>
    </message>
    <message>
        <source>The heat map could not be made: %1</source>
        <translation>نقشهٔ حرارتی ساخته نشد: %1</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>بارگذاری نشده</translation>
    </message>
    <message>
        <source>Results not saved to the case: %1</source>
        <translation>نتایج در مورد ذخیره نشد: %1</translation>
    </message>
</context>
<context>
    <name>MicroscopeProfilesEditor</name>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>عدسی شیئی</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>دوربین</translation>
    </message>
    <message>
        <source>µm per pixel</source>
        <translation>میکرومتر در هر پیکسل</translation>
    </message>
    <message>
        <source>None (red-cell ruler only)</source>
        <translation>هیچ (فقط خط‌کش گلبول قرمز)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>فعال:</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>گزارش</translation>
    </message>
    <message>
        <source>Microscopes</source>
        <translation>میکروسکوپ‌ها</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>What a new window starts with. A default you change here also applies to the heat map on screen now; the others stay as you set them there.</source>
        <translation>پنجرهٔ تازه با این مقادیر آغاز می‌شود. پیش‌فرضی که اینجا تغییر دهید هم‌اکنون روی نقشهٔ حرارتی صفحه هم اعمال می‌شود؛ بقیه همان‌گونه که آنجا تنظیم کرده‌اید می‌مانند.</translation>
    </message>
    <message>
        <source>Default heat-map opacity</source>
        <translation>شفافیت پیش‌فرض نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source>Default colormap</source>
        <translation>نقشهٔ رنگ پیش‌فرض</translation>
    </message>
    <message>
        <source>Default heat-map method</source>
        <translation>روش پیش‌فرض نقشهٔ حرارتی</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>مؤسسه</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>بازبین</translation>
    </message>
    <message>
        <source>Microscope profiles are used where the red cells cannot be measured.</source>
        <translation>نمایه‌های میکروسکوپ جایی به کار می‌روند که گلبول‌های قرمز را نتوان اندازه گرفت.</translation>
    </message>
    <message>
        <source>Language of the window and the reports</source>
        <translation>زبان پنجره و گزارش‌ها</translation>
    </message>
    <message>
        <source>The window changes language when XIncept is started again; reports are written in the chosen language from now on.</source>
        <translation>زبان پنجره با اجرای دوبارهٔ XIncept عوض می‌شود؛ گزارش‌ها از همین حالا به زبان انتخاب‌شده نوشته می‌شوند.</translation>
    </message>
    <message>
        <source>Microscope profiles</source>
        <translation>نمایه‌های میکروسکوپ</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>No image selected</source>
        <translation>تصویری انتخاب نشده</translation>
    </message>
    <message>
        <source>Model: loading…</source>
        <translation>مدل: در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>مدل: %1</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>تحلیل نشده</translation>
    </message>
    <message>
        <source>Reviewer&apos;s class, by %1 — %2
Model&apos;s class: %3</source>
        <translation>ردهٔ بازبین، از %1 — %2
ردهٔ مدل: %3</translation>
    </message>
    <message>
        <source> — low confidence, review</source>
        <translation> — اطمینان کم، بازبینی کنید</translation>
    </message>
    <message>
        <source>Calibrated confidence: %1</source>
        <translation>اطمینان کالیبره‌شده: %1</translation>
    </message>
    <message>
        <source>✓ In domain</source>
        <translation>✓ درون دامنه</translation>
    </message>
    <message>
        <source>⚠ Out of domain</source>
        <translation>⚠ خارج از دامنه</translation>
    </message>
    <message>
        <source>Not assessable: unlike the training images</source>
        <translation>قابل ارزیابی نیست: شبیه تصاویر آموزشی نیست</translation>
    </message>
    <message>
        <source>Closest class: %1 (%2 %, not a diagnosis)</source>
        <translation>نزدیک‌ترین رده: %1 (%2٪، تشخیص نیست)</translation>
    </message>
    <message>
        <source>; %1 tiles (outlined)</source>
        <translation>؛ %1 کاشی (با کادر مشخص شده)</translation>
    </message>
    <message>
        <source>Scale: %1</source>
        <translation>مقیاس: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>یادداشت: %1</translation>
    </message>
    <message>
        <source>Heat map shows evidence for %1 (the network&apos;s head); the result is %2</source>
        <translation>نقشهٔ حرارتی شواهد %1 را نشان می‌دهد (خروجی شبکه)؛ نتیجه %2 است</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Override class</source>
        <translation>تغییر رده</translation>
    </message>
    <message>
        <source>Model&apos;s class of %1: %2</source>
        <translation>ردهٔ مدل برای %1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Reviewer&apos;s class</source>
        <translation>ردهٔ بازبین</translation>
    </message>
    <message>
        <source>required when the class differs from the model&apos;s</source>
        <translation>اگر رده با ردهٔ مدل فرق کند لازم است</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>Excluding an image needs a reason.</source>
        <translation>کنار گذاشتن تصویر به دلیل نیاز دارد.</translation>
    </message>
    <message>
        <source>Overriding the model&apos;s class needs a reason.</source>
        <translation>تغییر ردهٔ مدل به دلیل نیاز دارد.</translation>
    </message>
</context>
</TS>
