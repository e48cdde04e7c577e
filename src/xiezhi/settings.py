"""Settings, read from environment variables — the only module that reads them.

Every setting the code reads is declared here with its default; other modules import
`django.conf.settings` and read its attributes, never `os.environ`. A project setting NAME comes
from the environment variable XIEZHI_NAME (e.g. DEADLINE_WARN_DAYS ← XIEZHI_DEADLINE_WARN_DAYS);
Django's own settings keep their names (SECRET_KEY ← XIEZHI_SECRET_KEY, EMAIL_HOST ← XIEZHI_SMTP_HOST).
docs/deploy.md lists every variable, its default and what production requires.

XIEZHI_PROFILE=production refuses to start on SQLite, without Redis, without a long secret key or
with DEBUG on (one ImproperlyConfigured naming every variable to set).
"""
from pathlib import Path
import os

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("XIEZHI_VAR_DIR", REPO_DIR / "var"))

PROFILE = os.environ.get("XIEZHI_PROFILE", "embedded")
PRODUCTION = PROFILE == "production"



def _embedded_secret_key(var_dir: Path) -> str:
    """The embedded profile's key: random, made on first run and kept in VAR_DIR/secret_key
    (mode 600), so no two installations share it. A fixed public key let anyone forge the SMS
    service links and open a sealed judgment as the party (security review F2). Two processes
    starting at once agree: the file is created exclusively and the loser reads the winner's."""
    import secrets

    path = var_dir / "secret_key"
    try:
        key = path.read_text().strip()
        if len(key) >= 50:
            return key
    except FileNotFoundError:
        pass
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it a moment ago (and may still be writing it)
        import time

        for _attempt in range(50):
            existing = path.read_text().strip()
            if len(existing) >= 50:
                return existing
            time.sleep(0.02)
        path.unlink()  # a short or empty key left on disk: replace it
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key + "\n")
    return key


SECRET_KEY = os.environ.get("XIEZHI_SECRET_KEY", "") or ("" if PRODUCTION else _embedded_secret_key(VAR_DIR))

DEBUG = os.environ.get("XIEZHI_DEBUG", "0") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("XIEZHI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "xiezhi.accounts.apps.CourtAdminConfig",  # django.contrib.admin with the throttled, audited login
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from the platform itself (no CDN)
    "xiezhi.accounts",
    "xiezhi.courts",
    "xiezhi.cases",
    "xiezhi.filing",
    "xiezhi.trial",
    "xiezhi.hearings",
    "xiezhi.documents",
    "xiezhi.dossier",
    "xiezhi.delivery",
    "xiezhi.enforcement",
    "xiezhi.mediation",
    "xiezhi.servicecentre",
    "xiezhi.assistance",
    "xiezhi.confirmation",
    "xiezhi.complaints",
    "xiezhi.audit",
    "xiezhi.site",
    "xiezhi.demo",
    "xiezhi.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "xiezhi.site.middleware.CourtLanguageMiddleware",
    "xiezhi.cases.middleware.CaseVisibilityMemoMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "xiezhi.accounts.middleware.SessionRenewalMiddleware",  # idle expiry without a write per request
    "django.contrib.messages.middleware.MessageMiddleware",
    "xiezhi.audit.middleware.DeniedAuditMiddleware",  # every 403 leaves a DENIED audit row
    "xiezhi.site.middleware.MethodNotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "xiezhi.site.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "xiezhi.urls"
WSGI_APPLICATION = "xiezhi.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],  # every template lives in its app: <app>/templates/<app>/ (site/templates/ for the base ones)
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "xiezhi.site.context.site",
                "xiezhi.courts.context.public_court",  # the court's address and telephone (地址与电话)
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("XIEZHI_DATABASE_URL", f"sqlite:///{VAR_DIR / 'xiezhi.sqlite3'}"),
        conn_max_age=int(os.environ.get("XIEZHI_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No JIT compilation: the platform's queries are short, but a judge's visibility filter
    # (own cases OR a team row) is estimated at ~500,000 cost units at a province's size, which
    # switched the JIT on and added 150–500 ms of compiling to queries that run in 20 ms
    # (bench/results/search-2026-12-02-1000000.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
if os.environ.get("XIEZHI_FAST_HASHER") == "1":
    # Only for the benchmark data generator: a million seeded accounts cannot each
    # cost 0.3 s of PBKDF2. Never set in the product.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("XIEZHI_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
                    if PRODUCTION else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Uploads: evidence files (content-checked in xiezhi.filing.uploads)
UPLOAD_MAX_BYTES = int(os.environ.get("XIEZHI_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REDIS_URL = os.environ.get("XIEZHI_REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
# A broker that hangs (rather than refusing) must not hold a clerk's request open: publishing gives
# up after a few seconds, run_after_commit logs it and the periodic sweeps send the work later.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 3, "socket_timeout": 10}
CELERY_TIMEZONE = TIME_ZONE
# The one table of periodic jobs: Celery beat runs it in production; the embedded demo runs the same
# table in-process (xiezhi.celery.start_in_process_beat). Every job is idempotent.
CELERY_BEAT_SCHEDULE = {
    "deadline-warnings": {"task": "xiezhi.cases.tasks.mark_deadlines", "schedule": crontab(minute=15, hour="*/1")},
    "delivery-public-notices": {"task": "xiezhi.delivery.tasks.settle_public_notices",
                                "schedule": crontab(minute=5, hour="*/1")},
    "delivery-postal-abroad": {"task": "xiezhi.delivery.tasks.settle_postal_abroad",
                               "schedule": crontab(minute=10, hour=1)},
    "delivery-sms-reports": {"task": "xiezhi.delivery.tasks.poll_sms_reports", "schedule": crontab(minute="*/5")},
    # electronic services never sent (broker down at commit) or left SENDING by a dead worker
    "delivery-sweep": {"task": "xiezhi.delivery.tasks.sweep_pending_services", "schedule": crontab(minute="*/5")},
    # e-file pages never processed (broker down at upload, worker died): dossier_backfill's OCR part
    "dossier-pending-pages": {"task": "xiezhi.dossier.tasks.process_pending", "schedule": crontab(minute="*/10")},
    # generated documents whose PDF was never made (broker down at generate, worker died)
    "documents-missing-pdfs": {"task": "xiezhi.documents.tasks.make_missing_pdfs",
                               "schedule": crontab(minute="*/10")},
    # 失信规定 第十条第二款: fixed-term entries of the dishonest-debtor list deleted when the term ends
    "enforcement-dishonest-expired": {"task": "xiezhi.enforcement.tasks.delete_expired_dishonest",
                                      "schedule": crontab(minute=20, hour=0)},
    # 网络查控: answers of the bodies, follow-up deadlines (timed-out orders sent again), unsent orders
    "enforcement-linkage-poll": {"task": "xiezhi.enforcement.tasks.poll_linkage", "schedule": crontab(minute="*/2")},
    # 终本规定 第九条: the 终本 cases' re-searches due today (claim, then search; answered ones settled)
    "enforcement-zhongben-rescans": {"task": "xiezhi.enforcement.tasks.run_due_rescans",
                                     "schedule": crontab(minute=40, hour=1)},
}

# Payment and real-name verification adapters (see docs/adapters.md)
PAYMENT_ADAPTER = os.environ.get("XIEZHI_PAYMENT_ADAPTER", "xiezhi.filing.adapters.DemoPaymentAdapter")
IDENTITY_ADAPTER = os.environ.get("XIEZHI_IDENTITY_ADAPTER", "xiezhi.accounts.adapters.LocalChecksumIdentityAdapter")
DEMO_PAYMENT_ADAPTER = "xiezhi.filing.adapters.DemoPaymentAdapter"
DEMO_IDENTITY_ADAPTER = "xiezhi.accounts.adapters.LocalChecksumIdentityAdapter"
# `make serve` rehearses production on one machine with the demo adapters: it alone sets this
DEMO_ADAPTERS_IN_PRODUCTION = os.environ.get("XIEZHI_DEMO_ADAPTERS_IN_PRODUCTION", "0") == "1"

# How to pay the court fee, printed in the 受理案件通知书 and 交纳诉讼费用通知书 (诉讼费用交纳办法 第二十二条):
# a court states its own bank account or online payment channel here
FEE_PAYMENT_TEXT = os.environ.get(
    "XIEZHI_FEE_PAYMENT_TEXT",
    "可以通过本院网上诉讼服务平台在线交纳，或者持本通知书到本院诉讼服务中心交纳；交纳后请保留交费凭证。")

# Production refuses unsafe defaults: every problem in one message, before anything starts
if PRODUCTION:
    _unsafe = []
    if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
        _unsafe.append("XIEZHI_DATABASE_URL: set a PostgreSQL URL (postgres://user:password@host:5432/xiezhi); "
                       "SQLite is for the embedded demo only (one writer at a time, no row locks)")
    if not REDIS_URL:
        _unsafe.append("XIEZHI_REDIS_URL: set a Redis URL (redis://host:6379/0); without it the login limit "
                       "counts per process and no scheduled job (deadline warnings, notices, SMS reports) runs")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        _unsafe.append("XIEZHI_SECRET_KEY: set a random string of at least 50 characters "
                       "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')")
    if DEBUG:
        _unsafe.append("XIEZHI_DEBUG: unset it (or 0); debug pages show settings and code to anyone")
    if PAYMENT_ADAPTER == DEMO_PAYMENT_ADAPTER and not DEMO_ADAPTERS_IN_PRODUCTION:
        _unsafe.append("XIEZHI_PAYMENT_ADAPTER: name the court's payment adapter; the demo one records every "
                       "payment as made without collecting anything (docs/adapters.md)")
    if IDENTITY_ADAPTER == DEMO_IDENTITY_ADAPTER and not DEMO_ADAPTERS_IN_PRODUCTION:
        _unsafe.append("XIEZHI_IDENTITY_ADAPTER: name the court's real-name verification adapter; the demo one "
                       "checks only the check digit of the ID number (docs/adapters.md)")
    if _unsafe:
        raise ImproperlyConfigured("XIEZHI_PROFILE=production refuses to start until these are fixed:\n"
                                   + "".join(f"  - {problem}\n" for problem in _unsafe) + "See docs/deploy.md.")

# Security defaults
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("XIEZHI_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
# Failed logins per account and client address before a lock of 5 minutes, doubled by every
# further failure (accounts/ratelimit.py explains why per address and not per account alone)
LOGIN_RATE_LIMIT = (int(os.environ.get("XIEZHI_LOGIN_ATTEMPTS", "5")), 300)
# Public enforcement-information searches (执行信息公开) per client address per minute: enough for a
# person, too few to walk the dishonest list name by name
PUBLIC_SEARCH_RATE_LIMIT = (int(os.environ.get("XIEZHI_PUBLIC_SEARCH_PER_MINUTE", "30")), 60)
# Sessions: staff sign out after a working day without activity; the portal keeps 3 days (a filing
# typed on a phone is not lost); every request renews the inactivity clock
STAFF_SESSION_IDLE = int(os.environ.get("XIEZHI_STAFF_SESSION_IDLE", str(8 * 3600)))
SESSION_COOKIE_AGE = int(os.environ.get("XIEZHI_PORTAL_SESSION_AGE", str(3 * 24 * 3600)))
# The session is renewed (saved with a fresh expiry) at most once a minute by
# accounts.middleware.SessionRenewalMiddleware, not on every request.
SESSION_RENEW_EVERY = 60

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("XIEZHI_API_ANON_RATE", "600/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "xiezhi 公共接口",
    "DESCRIPTION": "诉讼费用与期间计算等公开接口",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# 统一社会信用代码严格模式: also check the embedded organisation code (GB 32100-2015 第 4.4 条; GB 11714-1997)
USCC_STRICT = os.environ.get("XIEZHI_USCC_STRICT", "0") == "1"

# Deadline warnings (审限预警): days before the limit at which a case turns "near" (⚠ configurable)
# The court this platform serves, as the public home shows it to litigants (and the hotline 12368,
# the people's courts' litigation-service number). Set them for each deployment.
COURT_NAME = os.environ.get("XIEZHI_COURT_NAME", "河南省通许县人民法院")
COURT_ADDRESS = os.environ.get("XIEZHI_COURT_ADDRESS", "河南省开封市通许县")
COURT_HOURS = os.environ.get("XIEZHI_COURT_HOURS", "周一至周五 8:30—12:00，14:30—17:30（法定节假日除外）")
COURT_HOTLINE = os.environ.get("XIEZHI_COURT_HOTLINE", "12368")
# the court the public site presents (法院代字); empty: the court whose full name is COURT_NAME.
# Its address and telephone come from the court's own settings (地址与电话), COURT_ADDRESS until set.
COURT_CASE_CODE = os.environ.get("XIEZHI_COURT_CASE_CODE", "")
DEADLINE_WARN_DAYS = int(os.environ.get("XIEZHI_DEADLINE_WARN_DAYS", "15"))
# A party domiciled in Hong Kong, Macao or Taiwan appeals within the 30 days of a party with no domicile in
# the PRC (民事诉讼法 第二百八十六条), by the court's reading of 民诉解释 第五百四十九条 (参照涉外程序); 0: 15/10 days
APPEAL_HMT_AS_FOREIGN = os.environ.get("XIEZHI_APPEAL_HMT_AS_FOREIGN", "1") == "1"
# Filing review period (CPL art. 126; 登记立案规定 art. 2, 8): statutory, so not an environment variable
FILING_REVIEW_DAYS = 7
# 信访事项 handled within 60 days of acceptance (信访工作条例 第三十二条; ⚠ kept configurable)
COMPLAINT_PETITION_DAYS = int(os.environ.get("XIEZHI_COMPLAINT_PETITION_DAYS", "60"))
# 判后答疑: the judge answers within this many working days (no national text, domain §7.6 ⚠: court policy)
POST_JUDGMENT_ANSWER_WORKING_DAYS = int(os.environ.get("XIEZHI_POST_JUDGMENT_ANSWER_WORKING_DAYS", "5"))
# 结案 by judgment / ruling / mediation waits until the sealed document has reached every party and is
# in the e-file (审限规定 第十条; ⚠ a court may close first and serve after: set to 0)
CLOSING_REQUIRES_SERVICE = os.environ.get("XIEZHI_CLOSING_REQUIRES_SERVICE", "1") == "1"
# Freeze the e-file automatically at 结案 (off: receipts of the judgment often come back later; the clerk
# archives with the 归档 button once the file is complete)
DOSSIER_ARCHIVE_ON_CLOSE = os.environ.get("XIEZHI_DOSSIER_ARCHIVE_ON_CLOSE", "0") == "1"

# E-file (电子卷宗): upload limits, archive number format, OCR (tesseract unless an engine class is named)
DOSSIER_MAX_UPLOAD_BYTES = int(os.environ.get("XIEZHI_DOSSIER_MAX_UPLOAD_BYTES", str(100 * 1024 * 1024)))
DOSSIER_MAX_PAGES = int(os.environ.get("XIEZHI_DOSSIER_MAX_PAGES", "2000"))
DOSSIER_ARCHIVE_NUMBER_FORMAT = os.environ.get("XIEZHI_DOSSIER_ARCHIVE_NUMBER_FORMAT", "（{year}）{court}{type}档{serial}号")
DOSSIER_OCR_ENGINE = os.environ.get("XIEZHI_DOSSIER_OCR_ENGINE", "")  # dotted path of a class with recognise()
DOSSIER_OCR_LANG = os.environ.get("XIEZHI_DOSSIER_OCR_LANG", "chi_sim")
DOSSIER_OCR_TIMEOUT = int(os.environ.get("XIEZHI_DOSSIER_OCR_TIMEOUT", "180"))  # seconds per page and tool

# 签发: which final documents need a second sign-off after the presiding judge's, and by whom
# (kind:role, role division_head or president), e.g. "judgment:division_head,ruling:president".
# Default none: 司法责任制意见（法发〔2015〕13号）第六条 — the trial bench signs its own judgments.
SIGNOFF_SECOND_KINDS = {
    kind.strip(): role.strip()
    for kind, _sep, role in (item.partition(":") for item in os.environ.get("XIEZHI_SIGNOFF_SECOND", "").split(","))
    if kind.strip() and role.strip() in ("division_head", "president")
}

# Documents: LibreOffice conversion time limit (seconds) and the CJK font drawn in the seal
SOFFICE_TIMEOUT = int(os.environ.get("XIEZHI_SOFFICE_TIMEOUT", "120"))
SEAL_FONT = os.environ.get("XIEZHI_SEAL_FONT", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
# The faces that stand in for 方正小标宋简体 (court name, title) and 仿宋_GB2312 (body) in a PDF when the
# server does not have them (documents.convert, docs/deploy.md "Fonts"); an installed font of the name wins.
PDF_TITLE_FONT = os.environ.get("XIEZHI_PDF_TITLE_FONT", "Noto Serif CJK SC")
PDF_BODY_FONT = os.environ.get("XIEZHI_PDF_BODY_FONT", "Noto Serif CJK SC")
PDF_SANS_FONT = os.environ.get("XIEZHI_PDF_SANS_FONT", "Noto Sans CJK SC")

# Hearings: online room base URL (default: https:// first allowed host), audio upload limit, speech-to-text
HEARING_ONLINE_BASE = os.environ.get("XIEZHI_HEARING_ONLINE_BASE", "")
HEARING_AUDIO_MAX_BYTES = int(os.environ.get("XIEZHI_HEARING_AUDIO_MAX_BYTES", str(500 * 1024 * 1024)))
STT_ENGINE = os.environ.get("XIEZHI_STT_ENGINE", "")  # whisper | vosk | simulator | none; empty: whisper if installed
STT_MODEL_DIR = os.environ.get("XIEZHI_STT_MODEL_DIR", "")
STT_COMPUTE_TYPE = os.environ.get("XIEZHI_STT_COMPUTE_TYPE", "int8")
STT_THREADS = int(os.environ.get("XIEZHI_STT_THREADS", "0") or 0)  # 0: CTranslate2 decides
STT_SIMULATED_TEXT = os.environ.get("XIEZHI_STT_SIMULATED_TEXT", "模拟转写文本")

# Electronic service (送达): the portal address used in SMS links, the SMS gateway, the court's mail relay
PUBLIC_URL = os.environ.get("XIEZHI_PUBLIC_URL", "http://127.0.0.1:8000")
SMS_GATEWAY_URL = os.environ.get("XIEZHI_SMS_GATEWAY_URL", "")  # HTTP JSON; xiezhi.delivery.sms_simulator speaks it
SMS_ADAPTER = os.environ.get("XIEZHI_SMS_ADAPTER", "")  # dotted path of an adapter class instead of the gateway
# 网络查控 (enforcement linkage): the bodies' gateway (HTTP JSON; xiezhi.enforcement.linkage_simulator speaks it)
LINKAGE_URL = os.environ.get("XIEZHI_LINKAGE_URL", "")
LINKAGE_ADAPTER = os.environ.get("XIEZHI_LINKAGE_ADAPTER", "")  # dotted path of an adapter class instead of HTTP
LINKAGE_FOLLOW_UP_HOURS = float(os.environ.get("XIEZHI_LINKAGE_FOLLOW_UP_HOURS", "48"))  # answer deadline
LINKAGE_MAX_ATTEMPTS = int(os.environ.get("XIEZHI_LINKAGE_MAX_ATTEMPTS", "5"))  # sendings before FAILED
LINKAGE_CLAIM_MINUTES = int(os.environ.get("XIEZHI_LINKAGE_CLAIM_MINUTES", "10"))  # a claim left by a dead worker
# 视频会议 (online mediation sessions, online hearings): HTTP JSON; xiezhi.mediation.video_simulator speaks it
VIDEO_URL = os.environ.get("XIEZHI_VIDEO_URL", "")
VIDEO_ADAPTER = os.environ.get("XIEZHI_VIDEO_ADAPTER", "")  # dotted path of an adapter class instead of HTTP
# 诉讼服务中心 (issue 12 item 5): the kiosk's ID-card reader and receipt printer behind one HTTP bridge
# (servicecentre.devices; empty: the demo starts servicecentre.device_simulator in-process)
KIOSK_DEVICE_URL = os.environ.get("XIEZHI_KIOSK_DEVICE_URL", "")
CENTRE_SLOT_CAPACITY = int(os.environ.get("XIEZHI_CENTRE_SLOT_CAPACITY", "4"))  # appointments per half hour
# 12368: working days to answer, per kind (⚠ a court's own rule; e.g. 咨询 1, 投诉 5)
HOTLINE_ANSWER_DAYS = {k: int(v) for k, v in (x.split("=") for x in os.environ.get(
    "XIEZHI_HOTLINE_ANSWER_DAYS", "consult=1,query=1,complaint=5,suggestion=5,booking=1").split(","))}
KIOSK_LOOKUP_LIMIT = int(os.environ.get("XIEZHI_KIOSK_LOOKUP_LIMIT", "5"))  # case look-ups per terminal per 10 minutes
EMAIL_HOST = os.environ.get("XIEZHI_SMTP_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("XIEZHI_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("XIEZHI_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("XIEZHI_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("XIEZHI_SMTP_TLS", "0") == "1"  # STARTTLS
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("XIEZHI_MAIL_FROM", "songda@xiezhi.court")

# Background work runs on the worker; tests set this to run a task in the calling process
CELERY_TASK_ALWAYS_EAGER = False


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("XIEZHI_LOG_LEVEL", "WARNING")},
}

# --- Behind a reverse proxy (issue 8 §6; docs/deploy.md "Serving behind nginx") ---------------
# XIEZHI_TRUSTED_PROXIES: comma-separated addresses or networks (CIDR) of the proxies in front
# of gunicorn (nginx: 127.0.0.1,::1). Only a request whose immediate peer is one of them may
# tell the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto); from anyone else
# those headers are ignored. Default: none, i.e. the app is reached directly.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("XIEZHI_TRUSTED_PROXIES", "").split(",") if p.strip()]
# XIEZHI_PUBLIC_PORT: the port the proxy serves https on, when it is not 443 (make serve: 8443)
PUBLIC_PORT = os.environ.get("XIEZHI_PUBLIC_PORT", "443").strip() or "443"
# First in the chain: SecurityMiddleware's HTTPS redirect must already see the proxy's scheme
# (and never a scheme header sent by an untrusted client).
MIDDLEWARE = ["xiezhi.site.proxy.TrustedProxyMiddleware",
              *[m for m in MIDDLEWARE if m != "xiezhi.site.proxy.TrustedProxyMiddleware"]]
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The CSRF check compares the browser's Origin with https://<host>[:port] as the proxy serves it.
    _port = "" if PUBLIC_PORT == "443" else f":{PUBLIC_PORT}"
    CSRF_TRUSTED_ORIGINS = [*globals().get("CSRF_TRUSTED_ORIGINS", []),
                            *(f"https://{'*' if h.startswith('.') else ''}{h}{_port}"
                              for h in ALLOWED_HOSTS if h != "*")]
# XIEZHI_SERVER_TIMING=1: a Server-Timing header with the request's time in Django and in SQL, for
# the HTTP load bench only (bench.http_load sets it on the stack it starts). Off in the product.
SERVER_TIMING = os.environ.get("XIEZHI_SERVER_TIMING", "0") == "1"
if SERVER_TIMING:
    MIDDLEWARE = ["xiezhi.site.timing.ServerTimingMiddleware", *MIDDLEWARE]
