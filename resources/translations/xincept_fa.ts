<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AccountRules</name>
    <message>
        <source>a user name has 2 to 32 characters: lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <extracomment>sentences of ``core.accounts`` shown as they come (a user name or password rule), marked for pyside6-lupdate</extracomment>
        <translation>نام کاربری ۲ تا ۳۲ نویسه دارد: حروف کوچک لاتین، رقم، «.»، «_» یا «-»، و با حرف یا رقم آغاز می‌شود</translation>
    </message>
    <message>
        <source>the password must not start or end with a space</source>
        <translation>گذرواژه نباید با فاصله آغاز یا تمام شود</translation>
    </message>
    <message>
        <source>the password must not be the user name</source>
        <translation>گذرواژه نباید همان نام کاربری باشد</translation>
    </message>
    <message>
        <source>the password needs at least %1 characters</source>
        <translation>گذرواژه دست‌کم %1 نویسه لازم دارد</translation>
    </message>
</context>
<context>
    <name>AccountsMixin</name>
    <message>
        <source>Propose a class for the selected image (a hematologist decides)</source>
        <translation>پیشنهاد رده برای تصویر انتخاب‌شده (متخصص خون‌شناسی تصمیم می‌گیرد)</translation>
    </message>
    <message>
        <source>&amp;Propose Class…</source>
        <translation>&amp;پیشنهاد رده…</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <extracomment>actions whose state nothing else sets (``analyse``: the model is ready): enabled again when a role allows them (after a user switch); the others are set by the case state first (``_update_case_actions``) and only disabled here</extracomment>
        <translation>واردشده: %1 (%2)</translation>
    </message>
    <message>
        <source>User name %1; File ▸ Lock (Ctrl+L) locks the window</source>
        <translation>نام کاربری %1؛ پرونده ▸ قفل (Ctrl+L) پنجره را قفل می‌کند</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>Checking the signatures of every signed case…</source>
        <translation>در حال بررسی امضای همهٔ موارد امضاشده…</translation>
    </message>
    <message>
        <source>Verify signatures</source>
        <translation>بررسی امضاها</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>بررسی انجام نشد: %1</translation>
    </message>
    <message>
        <source>No case is signed at present.</source>
        <translation>در حال حاضر هیچ موردی امضا نشده است.</translation>
    </message>
    <message>
        <source>%1 of them were signed before electronic signatures were kept and have no hash to compare.</source>
        <translation>%1 مورد از آن‌ها پیش از نگه‌داری امضای الکترونیکی امضا شده‌اند و چکیده‌ای برای مقایسه ندارند.</translation>
    </message>
    <message>
        <source>All %1 electronically signed case(s) still hold exactly what was signed.</source>
        <translation>همهٔ %1 مورد امضاشدهٔ الکترونیکی هنوز دقیقاً همان چیزی‌اند که امضا شد.</translation>
    </message>
    <message>
        <source>%1 of %2 signed case(s) no longer match their signature:</source>
        <translation>%1 از %2 مورد امضاشده دیگر با امضای خود نمی‌خوانند:</translation>
    </message>
    <message>
        <source>The database was changed outside the program; keep the file as it is and tell the administrator.</source>
        <translation>پایگاه داده بیرون از برنامه تغییر کرده است؛ فایل را همان‌گونه نگه دارید و به مدیر اطلاع دهید.</translation>
    </message>
</context>
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
        <translation>خروجی مورد به صورت CS&amp;V…</translation>
    </message>
    <message>
        <source>Write the stored case as CSV</source>
        <translation>نوشتن مورد ذخیره‌شده به صورت CSV</translation>
    </message>
    <message>
        <source>Export Case as &amp;JSON…</source>
        <translation>خروجی مورد به صورت &amp;JSON…</translation>
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
        <source>&amp;Users…</source>
        <translation>&amp;کاربران…</translation>
    </message>
    <message>
        <source>Add, disable and reset user accounts (administrators)</source>
        <translation>افزودن، غیرفعال کردن و بازنشانی حساب‌های کاربری (مدیران)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;قفل</translation>
    </message>
    <message>
        <source>Lock the window until you or another user signs in</source>
        <translation>قفل کردن پنجره تا شما یا کاربر دیگری وارد شود</translation>
    </message>
    <message>
        <source>&amp;Verify Signatures…</source>
        <translation>&amp;بررسی امضاها…</translation>
    </message>
    <message>
        <source>Check that every signed case still holds exactly what was signed</source>
        <translation>بررسی اینکه هر مورد امضاشده هنوز دقیقاً همان چیزی است که امضا شد</translation>
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
        <source>&amp;Verification Study…</source>
        <translation>&amp;مطالعهٔ صحه‌گذاری…</translation>
    </message>
    <message>
        <source>Measure the model on your lab&apos;s labelled images and write the study (PDF, JSON)</source>
        <translation>سنجش مدل روی تصاویر برچسب‌دار آزمایشگاه شما و نوشتن مطالعه (PDF، JSON)</translation>
    </message>
    <message>
        <source>&amp;Adapt to This Laboratory…</source>
        <translation>&amp;سازگاری با این آزمایشگاه…</translation>
    </message>
    <message>
        <source>Refit the model&apos;s last stages on your lab&apos;s labelled images (a new model)</source>
        <translation>برازش دوبارهٔ مراحل پایانی مدل روی تصاویر برچسب‌دار آزمایشگاه شما (یک مدل تازه)</translation>
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
        <source>&amp;Tools</source>
        <translation>&amp;ابزارها</translation>
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
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>افزودن کاربر</translation>
    </message>
    <message>
        <source>e.g. s.rahimi</source>
        <translation>مثلاً s.rahimi</translation>
    </message>
    <message>
        <source>e.g. Dr. Sara Rahimi (printed on signed reports)</source>
        <translation>مثلاً دکتر سارا رحیمی (روی گزارش‌های امضاشده چاپ می‌شود)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>نام چاپی</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Add User</source>
        <translation>افزودن کاربر</translation>
    </message>
    <message>
        <source>a user name is required</source>
        <translation>نام کاربری لازم است</translation>
    </message>
    <message>
        <source>a printed name is required</source>
        <translation>نام چاپی لازم است</translation>
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
    <message>
        <source>Analysing %1/%2 (%3/s, ETA %4)</source>
        <translation>در حال تحلیل %1/%2 (%3 در ثانیه، زمان باقی‌مانده %4)</translation>
    </message>
    <message>
        <source>%1h%2m</source>
        <translation>%1 ساعت و %2 دقیقه</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <translation>%1 دقیقه و %2 ثانیه</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 ثانیه</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>فایل‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>فایل‌های JSON (*.json)</translation>
    </message>
    <message>
        <source>the case database is not available: %1</source>
        <translation>پایگاه دادهٔ موارد در دسترس نیست: %1</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>باز کردن مورد</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>مشخصات مورد</translation>
    </message>
    <message>
        <source>Details of case %1 saved</source>
        <translation>مشخصات مورد %1 ذخیره شد</translation>
    </message>
    <message>
        <source>Override class</source>
        <translation>تغییر رده</translation>
    </message>
    <message>
        <source>select an analysed image of a saved case first</source>
        <translation>نخست یک تصویر تحلیل‌شده از یک مورد ذخیره‌شده را انتخاب کنید</translation>
    </message>
    <message>
        <source>Class %1 proposed for %2; a hematologist decides</source>
        <translation>ردهٔ %1 برای %2 پیشنهاد شد؛ متخصص خون‌شناسی تصمیم می‌گیرد</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>امضای مورد</translation>
    </message>
    <message>
        <source>Case signed off electronically by %1</source>
        <translation>مورد به صورت الکترونیکی به دست %1 امضا شد</translation>
    </message>
    <message>
        <source>Re-open case</source>
        <translation>بازگشایی مورد</translation>
    </message>
    <message>
        <source>Case re-opened; it needs a new sign-off</source>
        <translation>مورد بازگشایی شد؛ به امضای تازه نیاز دارد</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>حذف تصویر</translation>
    </message>
    <message>
        <source>Why is %1 taken out of the case?</source>
        <translation>چرا %1 از مورد خارج می‌شود؟</translation>
    </message>
    <message>
        <source>a reason is required to remove an image from a stored case</source>
        <translation>برای حذف تصویر از یک مورد ذخیره‌شده دلیل لازم است</translation>
    </message>
    <message>
        <source>Export case</source>
        <translation>خروجی مورد</translation>
    </message>
    <message>
        <source>no stored case: analyse images or open a case first</source>
        <translation>مورد ذخیره‌شده‌ای نیست: نخست تصاویر را تحلیل کنید یا یک مورد را باز کنید</translation>
    </message>
    <message>
        <source>Export case as %1</source>
        <translation>خروجی مورد به صورت %1</translation>
    </message>
    <message>
        <source>Case exported to %1</source>
        <translation>مورد در %1 ذخیره شد</translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message>
        <source>Patient ID</source>
        <translation>شناسهٔ بیمار</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>نام بیمار</translation>
    </message>
    <message>
        <source>Collection date</source>
        <translation>تاریخ نمونه‌گیری</translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation>نمونه</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>تصاویر</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>آخرین تغییر</translation>
    </message>
    <message>
        <source>SIGNATURE MISMATCH — </source>
        <translation>ناهمخوانی امضا — </translation>
    </message>
    <message>
        <source>signed by %1</source>
        <translation>امضاشده به دست %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>باز کردن مورد</translation>
    </message>
    <message>
        <source>Check Signatures</source>
        <translation>بررسی امضاها</translation>
    </message>
    <message>
        <source>Recompute every signed case&apos;s content hash and mark those that no longer match their signature</source>
        <translation>محاسبهٔ دوبارهٔ چکیدهٔ محتوای هر مورد امضاشده و علامت‌گذاری مواردی که دیگر با امضای خود نمی‌خوانند</translation>
    </message>
    <message>
        <source>Patient ID or name</source>
        <translation>شناسه یا نام بیمار</translation>
    </message>
    <message>
        <source>Collection date from</source>
        <translation>تاریخ نمونه‌گیری از</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Cannot list cases: %1</source>
        <translation>فهرست موارد ممکن نیست: %1</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>۱ مورد</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 مورد</translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation>هیچ موردی مطابقت ندارد.</translation>
    </message>
    <message>
        <source> (first %1 shown)</source>
        <translation> (%1 مورد نخست نمایش داده شده)</translation>
    </message>
    <message>
        <source>Cannot check the signatures: %1</source>
        <translation>بررسی امضاها ممکن نیست: %1</translation>
    </message>
    <message>
        <source>%1 no longer match their signature (marked)</source>
        <translation>%1 مورد دیگر با امضای خود نمی‌خوانند (علامت‌گذاری شد)</translation>
    </message>
    <message>
        <source>all match their signature</source>
        <translation>همه با امضای خود می‌خوانند</translation>
    </message>
    <message>
        <source>%1 signed case(s) checked: %2</source>
        <translation>%1 مورد امضاشده بررسی شد: %2</translation>
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
    <name>CaseGuard</name>
    <message>
        <source>Case is signed</source>
        <translation>مورد امضا شده است</translation>
    </message>
    <message>
        <source>Case %1 is signed off by %2 and is read-only. The %3 image(s) cannot be added to it.</source>
        <translation>مورد %1 به دست %2 امضا شده و فقط خواندنی است. %3 تصویر را نمی‌توان به آن افزود.</translation>
    </message>
    <message>
        <source>Start a new case with these images, or re-open this case (the reason is kept in its audit trail, and it will need a new sign-off).</source>
        <translation>با این تصاویر مورد تازه‌ای آغاز کنید، یا این مورد را بازگشایی کنید (دلیل در سابقهٔ ممیزی آن می‌ماند و به امضای تازه نیاز خواهد داشت).</translation>
    </message>
    <message>
        <source>Start a New Case</source>
        <translation>آغاز مورد تازه</translation>
    </message>
    <message>
        <source>Re-open This Case…</source>
        <translation>بازگشایی این مورد…</translation>
    </message>
    <message>
        <source>Why is the signed case re-opened? (kept in the audit trail)</source>
        <translation>چرا مورد امضاشده بازگشایی می‌شود؟ (در سابقهٔ ممیزی می‌ماند)</translation>
    </message>
    <message>
        <source>Re-open case</source>
        <translation>بازگشایی مورد</translation>
    </message>
    <message>
        <source>A reason is required to re-open a signed case:</source>
        <translation>برای بازگشایی مورد امضاشده دلیل لازم است:</translation>
    </message>
    <message>
        <source>%1: analysis running</source>
        <translation>%1: تحلیل در جریان است</translation>
    </message>
    <message>
        <source>%1 image(s) are still being analysed.</source>
        <translation>%1 تصویر هنوز در حال تحلیل است.</translation>
    </message>
    <message>
        <source>Results of finished batches are already stored in the case. Wait for the rest, or stop now and keep what is done (the case will list the images not analysed)?</source>
        <translation>نتایج دسته‌های پایان‌یافته در مورد ذخیره شده‌اند. منتظر بقیه می‌مانید، یا اکنون متوقف می‌کنید و آنچه انجام شده را نگه می‌دارید (مورد، تصاویر تحلیل‌نشده را فهرست خواهد کرد)؟</translation>
    </message>
    <message>
        <source>Wait, then %1</source>
        <translation>صبر، سپس %1</translation>
    </message>
    <message>
        <source>Stop and Keep What Is Done</source>
        <translation>توقف و نگه‌داشتن انجام‌شده‌ها</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>ماندن</translation>
    </message>
</context>
<context>
    <name>CaseGuardMixin</name>
    <message>
        <source>someone</source>
        <translation>کسی</translation>
    </message>
    <message>
        <source>Not recorded in the case: %1</source>
        <translation>در مورد ثبت نشد: %1</translation>
    </message>
    <message>
        <source>%1 once the analysis has stopped…</source>
        <translation>%1 پس از توقف تحلیل…</translation>
    </message>
    <message>
        <source>%1 once the analysis has finished…</source>
        <translation>%1 پس از پایان تحلیل…</translation>
    </message>
    <message>
        <source>Images sent while the window was locked were not opened; open them again after signing in</source>
        <translation>تصاویری که هنگام قفل بودن پنجره فرستاده شدند باز نشدند؛ پس از ورود دوباره آن‌ها را باز کنید</translation>
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
        <source>re-opened by %1: %2; its signature is void and it needs a new sign-off</source>
        <translation>بازگشایی‌شده به دست %1: %2؛ امضای آن باطل است و به امضای تازه نیاز دارد</translation>
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
    <name>DevicePreference</name>
    <message>
        <source>Auto (a GPU the runtime can use, else the CPU)</source>
        <translation>خودکار (GPU قابل استفاده برای موتور اجرا، وگرنه CPU)</translation>
    </message>
    <message>
        <source>Takes effect the next time XIncept starts. Intel GPUs run the model through OpenVINO; NVIDIA GPUs through ONNX Runtime with CUDA, where set-up installed it, and only after agreeing with the CPU on a test batch. The status bar names the device in use.</source>
        <translation>از اجرای بعدی XIncept اعمال می‌شود. GPUهای Intel مدل را با OpenVINO اجرا می‌کنند؛ GPUهای NVIDIA با ONNX Runtime و CUDA، در جایی که راه‌اندازی آن را نصب کرده باشد، و تنها پس از هم‌خوانی با CPU روی یک دستهٔ آزمایشی. نوار وضعیت دستگاه در حال استفاده را نام می‌برد.</translation>
    </message>
    <message>
        <source>This installation runs the model on the CPU only: its inference runtime carries no GPU plugin (the standalone app leaves it out).</source>
        <extracomment>core.model.device_support.CPU_ONLY_NOTE, marked for translation</extracomment>
        <translation>این نصب مدل را فقط روی CPU اجرا می‌کند: موتور استنتاج آن افزونهٔ GPU ندارد (برنامهٔ مستقل آن را کنار می‌گذارد).</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>دستگاه</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Case Details</source>
        <translation>مشخصات مورد</translation>
    </message>
    <message>
        <source>Override Class</source>
        <translation>تغییر رده</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>You had unsaved changes in {0} when another user signed in: restore them?</source>
        <translation>هنگامی که کاربر دیگری وارد شد، در {0} تغییرات ذخیره‌نشده داشتید: بازگردانده شوند؟</translation>
    </message>
    <message>
        <source>Case {0} is no longer the open case</source>
        <translation>مورد {0} دیگر مورد باز نیست</translation>
    </message>
    <message>
        <source>Case {0} was signed off meanwhile</source>
        <translation>مورد {0} در این میان امضا شده است</translation>
    </message>
    <message>
        <source>{0}, so the changes cannot be put back into {1}. What you had typed:

{2}</source>
        <translation>{0}، پس تغییرات را نمی‌توان به {1} بازگرداند. آنچه نوشته بودید:

{2}</translation>
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
    <name>FirstRunDialog</name>
    <message>
        <source>First start — %1 Desktop</source>
        <translation>نخستین اجرا — %1 Desktop</translation>
    </message>
    <message>
        <source>Welcome to %1 Desktop</source>
        <translation>به %1 Desktop خوش آمدید</translation>
    </message>
    <message>
        <source>This case database has no user accounts yet. Create the administrator account now. The administrator then adds the people who use the program: technologists (open and analyse cases, enter details, propose a class) and hematologists (also override classes, sign off and re-open cases). An administrator account manages users, models and settings; it does not analyse or sign cases.</source>
        <translation>این پایگاه دادهٔ موارد هنوز هیچ حساب کاربری ندارد. اکنون حساب مدیر را بسازید. سپس مدیر کسانی را که با برنامه کار می‌کنند می‌افزاید: کاردان‌های آزمایشگاه (باز کردن و تحلیل موارد، وارد کردن مشخصات، پیشنهاد رده) و متخصصان خون‌شناسی (همچنین تغییر رده، امضا و بازگشایی موارد). حساب مدیر کاربران، مدل‌ها و تنظیمات را اداره می‌کند؛ موردی را تحلیل یا امضا نمی‌کند.</translation>
    </message>
    <message>
        <source>Case database: %1</source>
        <translation>پایگاه دادهٔ موارد: %1</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>مثلاً admin</translation>
    </message>
    <message>
        <source>the name printed where this account acts</source>
        <translation>نامی که هر جا این حساب کاری کند چاپ می‌شود</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>دست‌کم ۱۰ نویسه</translation>
    </message>
    <message>
        <source>the same password again</source>
        <translation>همان گذرواژه، دوباره</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>نام چاپی</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>تکرار گذرواژه</translation>
    </message>
    <message>
        <source>Create Administrator</source>
        <translation>ساختن حساب مدیر</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>در حال ساختن حساب…</translation>
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
        <source>+ / - / mouse wheel</source>
        <translation>+ / - / چرخ ماوس</translation>
    </message>
    <message>
        <source>Move the image</source>
        <translation>جابه‌جا کردن تصویر</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>کشیدن</translation>
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
    <message>
        <source>model: %1</source>
        <translation>مدل: %1</translation>
    </message>
</context>
<context>
    <name>LabTaskRunner</name>
    <message>
        <source>%1: starting…</source>
        <translation>%1: در حال آغاز…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>%1: %2 of %3 images</source>
        <translation>%1: %2 از %3 تصویر</translation>
    </message>
    <message>
        <source>%1 stopped; nothing was written</source>
        <translation>%1 متوقف شد؛ چیزی نوشته نشد</translation>
    </message>
    <message>
        <source>%1 could not be done:</source>
        <translation>%1 انجام نشد:</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>چیزی نوشته نشد.</translation>
    </message>
</context>
<context>
    <name>LabTasks</name>
    <message>
        <source>A folder with one sub-folder per class (Benign, Early, Pre, Pro), or a CSV file with the columns path,label (and optionally case).</source>
        <translation>پوشه‌ای با یک زیرپوشه برای هر رده (Benign، Early، Pre، Pro)، یا فایل CSV با ستون‌های path,label (و در صورت نیاز case).</translation>
    </message>
    <message>
        <source>Verification study</source>
        <translation>مطالعهٔ صحه‌گذاری</translation>
    </message>
    <message>
        <source>Measure the model on your laboratory&apos;s own labelled images before using it (CLSI EP12, ISO 15189). The study is written as verification.pdf (to file) and verification.json.</source>
        <translation>پیش از به‌کارگیری مدل، آن را روی تصاویر برچسب‌دار آزمایشگاه خودتان بسنجید (CLSI EP12، ISO 15189). مطالعه به صورت verification.pdf (برای بایگانی) و verification.json نوشته می‌شود.</translation>
    </message>
    <message>
        <source>Labelled images</source>
        <translation>تصاویر برچسب‌دار</translation>
    </message>
    <message>
        <source>Write the study to</source>
        <translation>محل نوشتن مطالعه</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>اجراکننده</translation>
    </message>
    <message>
        <source>Pass when agreement is at least</source>
        <translation>قبول اگر توافق دست‌کم این باشد</translation>
    </message>
    <message>
        <source>Choose the folder or CSV of labelled images.</source>
        <translation>پوشه یا فایل CSV تصاویر برچسب‌دار را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose the folder to write the study to.</source>
        <translation>پوشه‌ای را که مطالعه در آن نوشته شود انتخاب کنید.</translation>
    </message>
    <message>
        <source>Adapt to this laboratory</source>
        <translation>سازگاری با این آزمایشگاه</translation>
    </message>
    <message>
        <source>Refit the model&apos;s last stages (classifier, confidence calibration, out-of-domain check) on your laboratory&apos;s labelled images. The network itself is kept; part of your images is held back to measure the result. The current model stays installed; the adapted one is a new model you choose in Preferences. Each class needs at least 20 images.</source>
        <translation>مراحل پایانی مدل (رده‌بند، کالیبراسیون اطمینان، بررسی خارج از دامنه) روی تصاویر برچسب‌دار آزمایشگاه شما دوباره برازش می‌شوند. خود شبکه دست نمی‌خورد؛ بخشی از تصاویر شما برای سنجش نتیجه کنار گذاشته می‌شود. مدل کنونی نصب‌شده می‌ماند؛ مدل سازگارشده مدل تازه‌ای است که در تنظیمات انتخاب می‌کنید. هر رده دست‌کم ۲۰ تصویر لازم دارد.</translation>
    </message>
    <message>
        <source>e.g. Central Lab Zeiss</source>
        <translation>مثلاً Central Lab Zeiss</translation>
    </message>
    <message>
        <source>Name of the adapted model</source>
        <translation>نام مدل سازگارشده</translation>
    </message>
    <message>
        <source>Written to</source>
        <translation>محل نوشتن</translation>
    </message>
    <message>
        <source>Adapt</source>
        <translation>سازگاری</translation>
    </message>
    <message>
        <source>Give the adapted model a name (your laboratory&apos;s).</source>
        <translation>به مدل سازگارشده نامی بدهید (نام آزمایشگاه شما).</translation>
    </message>
    <message>
        <source>%1 already exists: choose another name.</source>
        <translation>%1 از پیش وجود دارد: نام دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>نوشته شد در %1</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>باز کردن PDF</translation>
    </message>
    <message>
        <source>The adapted model was written to %1.

On the %2 held-back images: agreement %3 before, %4 after; flagged out of domain %5 before, %6 after.

Run a verification study on images not used here before using it on patients.

Use the adapted model now?</source>
        <translation>مدل سازگارشده در %1 نوشته شد.

روی %2 تصویر کنارگذاشته: توافق پیش از سازگاری %3 و پس از آن %4؛ نشانه‌گذاری خارج از دامنه پیش %5 و پس %6.

پیش از به‌کارگیری برای بیماران، یک مطالعهٔ صحه‌گذاری روی تصاویری که اینجا به کار نرفته‌اند انجام دهید.

هم‌اکنون از مدل سازگارشده استفاده شود؟</translation>
    </message>
    <message>
        <source>Adapted model written</source>
        <translation>مدل سازگارشده نوشته شد</translation>
    </message>
    <message>
        <source>Site adaptation</source>
        <translation>سازگاری با آزمایشگاه</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked — %1 Desktop</source>
        <translation>قفل — %1 Desktop</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>قفل است</translation>
    </message>
    <message>
        <source>%1 (%2) is signed in. Enter the password to unlock.</source>
        <translation>%1 (%2) وارد شده است. برای باز کردن قفل گذرواژه را وارد کنید.</translation>
    </message>
    <message>
        <source>{0} open window(s) of {1} are kept behind this screen as they are; if someone else signs in, they are closed without saving, and what was typed in Case Details or Override Class is offered back to {1} at the next sign-in.</source>
        <translation>{0} پنجرهٔ باز {1} همان‌گونه پشت این صفحه نگه داشته می‌شوند؛ اگر کس دیگری وارد شود، بی‌ذخیره بسته می‌شوند و آنچه در مشخصات مورد یا تغییر رده نوشته شده بود در ورود بعدی {1} به او پیشنهاد می‌شود.</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>ورود با حساب دیگری</translation>
    </message>
    <message>
        <source>password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>در حال بررسی…</translation>
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
        <source>Images (%1)</source>
        <translation>تصاویر (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همهٔ فایل‌ها (*)</translation>
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
        <source>New Case</source>
        <translation>مورد تازه</translation>
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
    <message>
        <source>⚠ %1 image file(s) moved or changed since analysis; their stored results are not current</source>
        <translation>⚠ %1 فایل تصویر پس از تحلیل جابه‌جا یا تغییر داده شده‌اند؛ نتایج ذخیره‌شدهٔ آن‌ها به‌روز نیست</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
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
    <name>ModelChooser</name>
    <message>
        <source>Adapted models are marked with their laboratory and the model they came from. Switching is recorded in the audit log; every analysis and report names the model that made it.</source>
        <translation>مدل‌های سازگارشده با نام آزمایشگاه و مدلی که از آن آمده‌اند مشخص شده‌اند. تعویض مدل در سابقهٔ ممیزی ثبت می‌شود؛ هر تحلیل و گزارش مدلی را که آن را ساخته نام می‌برد.</translation>
    </message>
    <message>
        <source>  (active)</source>
        <translation>  (فعال)</translation>
    </message>
</context>
<context>
    <name>ModelSwitch</name>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>Wait for the analysis to finish (or stop it), then switch.</source>
        <translation>صبر کنید تا تحلیل پایان یابد (یا آن را متوقف کنید)، سپس مدل را عوض کنید.</translation>
    </message>
    <message>
        <source>Model: loading…</source>
        <translation>مدل: در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Loading the model from %1…</source>
        <translation>بارگذاری مدل از %1…</translation>
    </message>
    <message>
        <source>Model switched, but the audit line could not be written: %1</source>
        <translation>مدل عوض شد، ولی سطر ممیزی نوشته نشد: %1</translation>
    </message>
</context>
<context>
    <name>NewPasswordForm</name>
    <message>
        <source>at least 10 characters</source>
        <translation>دست‌کم ۱۰ نویسه</translation>
    </message>
    <message>
        <source>the same password again</source>
        <translation>همان گذرواژه دوباره</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>تکرار گذرواژه</translation>
    </message>
    <message>
        <source>type the password twice</source>
        <translation>گذرواژه را دو بار بنویسید</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>دو گذرواژه یکسان نیستند</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>open and view cases</source>
        <extracomment>``Permission`` values (what a role may do), marked for pyside6-lupdate; translated by :func:`why_not_text`</extracomment>
        <translation>موارد را باز کند و ببیند</translation>
    </message>
    <message>
        <source>analyse images</source>
        <translation>تصاویر را تحلیل کند</translation>
    </message>
    <message>
        <source>enter case details</source>
        <translation>مشخصات مورد را وارد کند</translation>
    </message>
    <message>
        <source>propose a class</source>
        <translation>رده پیشنهاد کند</translation>
    </message>
    <message>
        <source>export cases and reports</source>
        <translation>از موارد و گزارش‌ها خروجی بگیرد</translation>
    </message>
    <message>
        <source>override the model&apos;s class</source>
        <translation>ردهٔ مدل را تغییر دهد</translation>
    </message>
    <message>
        <source>sign off cases</source>
        <translation>موارد را امضا کند</translation>
    </message>
    <message>
        <source>re-open signed cases</source>
        <translation>موارد امضاشده را بازگشایی کند</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>کاربران را مدیریت کند</translation>
    </message>
    <message>
        <source>change the model</source>
        <translation>مدل را عوض کند</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>تنظیمات را تغییر دهد</translation>
    </message>
    <message>
        <source>an %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>a %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> یا </translation>
    </message>
    <message>
        <source>Sign in first: only %1 may %2.</source>
        <translation>نخست وارد شوید: فقط %1 می‌تواند %2.</translation>
    </message>
    <message>
        <source>Only %1 may %2; you are signed in as %3.</source>
        <translation>فقط %1 می‌تواند %2؛ شما با نقش %3 وارد شده‌اید.</translation>
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
        <source>Sign-in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>دستگاه</translation>
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
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <source>The window locks after this long without keyboard or mouse input; the same user unlocks it with their password, or another user signs in</source>
        <translation>پنجره پس از این مدت بدون ورودی صفحه‌کلید یا ماوس قفل می‌شود؛ همان کاربر با گذرواژهٔ خود آن را باز می‌کند، یا کاربر دیگری وارد می‌شود</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>قفل پنجره پس از</translation>
    </message>
    <message>
        <source>Microscope profiles</source>
        <translation>نمایه‌های میکروسکوپ</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>cannot write the report to %1: %2</source>
        <translation>نوشتن گزارش در %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>خروجی گزارش PDF</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>ذخیرهٔ گزارش</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name</source>
        <translation>%1 یک پوشه است؛ نام فایلی انتخاب کنید</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>چاپ گزارش</translation>
    </message>
    <message>
        <source>Print report %1</source>
        <translation>چاپ گزارش %1</translation>
    </message>
</context>
<context>
    <name>ReportFieldsDialog</name>
    <message>
        <source>Patient name</source>
        <translation>نام بیمار</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>شناسهٔ بیمار</translation>
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
        <source>Institution</source>
        <translation>مؤسسه</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>بازبین</translation>
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
        <source>Case report</source>
        <translation>گزارش مورد</translation>
    </message>
    <message>
        <source>Patient and specimen details come from case %1; change them with Case ▸ Case Details.</source>
        <translation>مشخصات بیمار و نمونه از مورد %1 می‌آیند؛ آن‌ها را با مورد ▸ مشخصات مورد تغییر دهید.</translation>
    </message>
    <message>
        <source>Overlay opacity (report)</source>
        <translation>شفافیت لایهٔ رویی (گزارش)</translation>
    </message>
    <message>
        <source>Overlay colour map (report)</source>
        <translation>نقشهٔ رنگ لایهٔ رویی (گزارش)</translation>
    </message>
</context>
<context>
    <name>ReportMixin</name>
    <message>
        <source>Preparing the report…</source>
        <translation>در حال آماده‌سازی گزارش…</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>مشخصات مورد</translation>
    </message>
    <message>
        <source>The report could not be made</source>
        <translation>گزارش ساخته نشد</translation>
    </message>
    <message>
        <source>Report %1 written to %2</source>
        <translation>گزارش %1 در %2 نوشته شد</translation>
    </message>
    <message>
        <source> (not recorded in the case&apos;s audit log: %1)</source>
        <translation> (در سابقهٔ ممیزی مورد ثبت نشد: %1)</translation>
    </message>
</context>
<context>
    <name>ReportPrint</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>this system has no PDF print spooler (lp) and no QtPdf to rasterise the report: use Export PDF and print the file from a PDF viewer</source>
        <translation>این سیستم صف چاپ PDF (lp) و QtPdf برای تبدیل گزارش به تصویر ندارد: از خروجی PDF استفاده کنید و فایل را از یک نمایشگر PDF چاپ کنید</translation>
    </message>
    <message>
        <source>the printer refused the report: %1</source>
        <translation>چاپگر گزارش را نپذیرفت: %1</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>report module not available</source>
        <translation>بخش گزارش در دسترس نیست</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>Analyse at least one image first.</source>
        <translation>نخست دست‌کم یک تصویر را تحلیل کنید.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of %1</source>
        <translation>بازنشانی گذرواژهٔ %1</translation>
    </message>
    <message>
        <source>A new password for %1 (tell it to them in person; it also lifts a lockout).</source>
        <translation>گذرواژهٔ تازه برای %1 (حضوری به او بگویید؛ قفل حساب را هم برمی‌دارد).</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>بازنشانی گذرواژه</translation>
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
        <extracomment>core.assessability&apos;s headings, marked for translation</extracomment>
        <translation>قابل ارزیابی نیست: شبیه تصاویر آموزشی نیست</translation>
    </message>
    <message>
        <source>Not assessable: scale unknown</source>
        <translation>قابل ارزیابی نیست: مقیاس نامعلوم</translation>
    </message>
    <message>
        <source>Not assessable: the class depends on the magnification</source>
        <translation>قابل ارزیابی نیست: رده به بزرگ‌نمایی بستگی دارد</translation>
    </message>
    <message>
        <source>Not assessable: magnified field read with too little confidence</source>
        <translation>قابل ارزیابی نیست: میدان بزرگ‌نمایی‌شده با اطمینان ناکافی خوانده شد</translation>
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
<context>
    <name>Roles</name>
    <message>
        <source>technologist</source>
        <translation>کارشناس آزمایشگاه</translation>
    </message>
    <message>
        <source>hematologist</source>
        <translation>متخصص خون‌شناسی</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>مدیر</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The case database cannot be opened, so no one can sign in:</source>
        <translation>پایگاه دادهٔ موارد باز نمی‌شود، پس هیچ‌کس نمی‌تواند وارد شود:</translation>
    </message>
    <message>
        <source>%1 Desktop</source>
        <translation>%1 Desktop</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — %1 Desktop</source>
        <translation>ورود — %1 Desktop</translation>
    </message>
    <message>
        <source>Sign in with your own account. What you do is recorded under your name; signatures need your password again.</source>
        <translation>با حساب خودتان وارد شوید. هر کاری که می‌کنید به نام شما ثبت می‌شود؛ امضا دوباره گذرواژهٔ شما را می‌خواهد.</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>در حال بررسی…</translation>
    </message>
    <message>
        <source>The case database cannot be used: {0}</source>
        <translation>پایگاه دادهٔ موارد قابل استفاده نیست: {0}</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Analyse them (Analysis ▸ Analyse), exclude them (Case ▸ Override Class ▸ Exclude, with a reason) or remove those never analysed (Case ▸ Remove Image, with a reason) before signing.</source>
        <translation>پیش از امضا آن‌ها را تحلیل کنید (تحلیل ▸ تحلیل)، کنار بگذارید (مورد ▸ تغییر رده ▸ کنار گذاشتن، با ذکر دلیل) یا آن‌هایی را که هرگز تحلیل نشده‌اند حذف کنید (مورد ▸ حذف تصویر، با ذکر دلیل).</translation>
    </message>
    <message>
        <source>I have seen these warnings and sign the case as it is</source>
        <translation>این هشدارها را دیده‌ام و مورد را همان‌گونه که هست امضا می‌کنم</translation>
    </message>
    <message>
        <source>Not signed: the password was not accepted, or your account cannot sign now (locked for a while after repeated failures). Each wrong password counts towards the lockout.</source>
        <translation>امضا نشد: گذرواژه پذیرفته نشد، یا حساب شما اکنون نمی‌تواند امضا کند (پس از خطاهای پیاپی برای مدتی قفل است). هر گذرواژهٔ نادرست در قفل شدن حساب شمرده می‌شود.</translation>
    </message>
    <message>
        <source>Reviewed and approved</source>
        <extracomment>the stored meaning of a signature (English, as recorded) -&gt; its text on screen</extracomment>
        <translation>بازبینی و تأیید شد</translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation>؛ و %1 مورد دیگر</translation>
    </message>
    <message>
        <source>%1 image(s) not analysed: %2</source>
        <translation>%1 تصویر تحلیل نشده: %2</translation>
    </message>
    <message>
        <source>%1 image(s) could not be analysed: %2</source>
        <translation>%1 تصویر تحلیل‌نشدنی: %2</translation>
    </message>
    <message>
        <source>patient name</source>
        <translation>نام بیمار</translation>
    </message>
    <message>
        <source>patient ID</source>
        <translation>شناسهٔ بیمار</translation>
    </message>
    <message>
        <source>%1 out-of-domain or low-confidence image(s) not reviewed: %2</source>
        <translation>%1 تصویر خارج از دامنه یا با اطمینان کم بازبینی نشده: %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> و </translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>%1 وارد نشده است</translation>
    </message>
    <message>
        <source>Sign off case %1</source>
        <translation>امضای مورد %1</translation>
    </message>
    <message>
        <source>You are signing:</source>
        <translation>آنچه امضا می‌کنید:</translation>
    </message>
    <message>
        <source>Images analysed</source>
        <translation>تصاویر تحلیل‌شده</translation>
    </message>
    <message>
        <source>Excluded by the reviewer</source>
        <translation>کنارگذاشته به دست بازبین</translation>
    </message>
    <message>
        <source>Could not be analysed</source>
        <translation>تحلیل‌نشدنی</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>تحلیل نشده</translation>
    </message>
    <message>
        <source>Case suggestion</source>
        <translation>پیشنهاد برای مورد</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>امضای الکترونیکی</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2، %3)</translation>
    </message>
    <message>
        <source>nobody is signed in</source>
        <translation>کسی وارد نشده است</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>امضاکننده</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>معنا</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>now, in UTC, when you press Sign Off</source>
        <translation>اکنون، به وقت UTC، هنگام فشردن امضا</translation>
    </message>
    <message>
        <source>your password, to sign</source>
        <translation>گذرواژهٔ شما، برای امضا</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Your signature is linked to exactly what is shown in this case now (a SHA-256 of its images, results, reviews and details); re-opening the case voids it.</source>
        <translation>امضای شما دقیقاً به آنچه اکنون در این مورد نمایش داده می‌شود پیوند دارد (چکیدهٔ SHA-256 تصاویر، نتایج، بازبینی‌ها و مشخصات آن)؛ بازگشایی مورد آن را باطل می‌کند.</translation>
    </message>
    <message>
        <source>Sign Off</source>
        <translation>امضا</translation>
    </message>
    <message>
        <source>Checking the password and signing…</source>
        <translation>در حال بررسی گذرواژه و امضا…</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>نام چاپی</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ایجاد</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>locked until %1 UTC (or a password reset)</source>
        <translation>قفل تا %1 UTC (یا تا بازنشانی گذرواژه)</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>Accounts of this case database. Accounts are disabled, never deleted: their names stay in the audit trail.</source>
        <translation>حساب‌های این پایگاه دادهٔ موارد. حساب‌ها غیرفعال می‌شوند و هرگز حذف نمی‌شوند: نامشان در سابقهٔ ممیزی می‌ماند.</translation>
    </message>
    <message>
        <source>Add User…</source>
        <translation>افزودن کاربر…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <source>Reset Password…</source>
        <translation>بازنشانی گذرواژه…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 به دست %2</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>فعال کردن</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>افزودن کاربر</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>بازنشانی گذرواژه</translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation>در حال ذخیرهٔ حساب…</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>No model found in %1 (manifest.json is missing). Start with --model DIR or set XINCEPT_MODEL_DIR.</source>
        <translation>مدلی در %1 یافت نشد (manifest.json وجود ندارد). با --model DIR اجرا کنید یا XINCEPT_MODEL_DIR را تنظیم کنید.</translation>
    </message>
    <message>
        <source>The model is not loaded yet.</source>
        <translation>مدل هنوز بارگذاری نشده است.</translation>
    </message>
    <message>
        <source>The model loaded but could not run: %1</source>
        <translation>مدل بارگذاری شد ولی اجرا نشد: %1</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>مدل بارگذاری نشد: %1</translation>
    </message>
    <message>
        <source>The model in %1 could not be loaded (%2)</source>
        <translation>مدل در %1 بارگذاری نشد (%2)</translation>
    </message>
</context>
<context>
    <name>_PathField</name>
    <message>
        <source>Folder…</source>
        <translation>پوشه…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>انتخاب پوشه</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>انتخاب فایل CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>فایل‌های CSV (*.csv)</translation>
    </message>
</context>
</TS>
