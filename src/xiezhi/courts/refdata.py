"""Load the versioned reference data in ``courts/data/`` into the database (rules as data).

Every loader is idempotent: rows are upserted by their natural key (court code; case-type
version+code; cause kind+version+code; procedure code; calendar date; province+key+year),
so running ``load_refdata`` again after a release only adds or corrects what the files say.
Rows an administrator added in the admin are never touched; for seeded rows the fields that
come from the files are reset to the file's values, while the ``active`` flag the
administrator set is kept. To change a seeded fact for good, change the CSV (see
``data/README.md``).

Bulk statements (``bulk_create(update_conflicts=True)`` + ``bulk_update`` for the
self-referencing parents) keep the 3,526 courts to a few statements on SQLite and
PostgreSQL alike.
"""
from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from xiezhi.law.fees import FEE_RULES
from xiezhi.law.timelimits import TRIAL_LIMITS

from .models import CalendarDay, CaseType, Cause, Court, Courtroom, Division, Procedure, ProvinceSetting

DATA_DIR = Path(__file__).resolve().parent / "data"
BATCH = 500

COURT_VERSION = "2018"
COURT_VALID_FROM = datetime.date(2018, 7, 24)
COURT_SOURCE = "YB/T 51202—2016 (2018-07-24)"
CASE_TYPE_VERSION = "2018"
CASE_TYPE_SOURCE = "《人民法院案件类型及其代字标准》(2015，2018修订)；公开数据 xy-daniel/autodeploy"


class RefDataError(ValueError):
    """A reference-data file is inconsistent (unknown parent, duplicate key, bad value)."""


# ---------------------------------------------------------------------------------------
# file helpers


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file; lines starting with ``#`` before the header are comments."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _upsert(model, objs: list, unique_fields: list[str], update_fields: list[str]) -> None:
    for i in range(0, len(objs), BATCH):
        model.objects.bulk_create(objs[i:i + BATCH], update_conflicts=True,
                                  unique_fields=unique_fields, update_fields=update_fields)


def _link_parents(model, wanted: dict[tuple, tuple | None], key_fields: tuple[str, ...]) -> int:
    """Set ``parent`` for the rows keyed in ``wanted`` (key -> parent key or None).
    Only rows whose parent changes are written; returns how many were."""
    ids = {tuple(row[1:]): row[0] for row in model.objects.values_list("id", *key_fields)}
    current = dict(model.objects.values_list("id", "parent_id"))
    changed = []
    for key, parent_key in wanted.items():
        obj_id = ids[key]
        parent_id = ids[parent_key] if parent_key is not None else None
        if current.get(obj_id) != parent_id:
            changed.append(model(id=obj_id, parent_id=parent_id))
    model.objects.bulk_update(changed, ["parent"], batch_size=BATCH)
    return len(changed)


# ---------------------------------------------------------------------------------------
# courts

_NOTE = re.compile(r"[（(]([^）)]*)[）)]\s*$")


def load_courts(path: Path | None = None) -> int:
    """法院代码 (YB/T 51202—2016, 2018-07-24 update): 3,526 courts linked to their parent.

    The source file repeats two high courts (宁, 新) with a padded level code; they are
    loaded once. Two basic courts carry the remark "（代字尚未修改）" after their case code
    (赣0721, 赣1029): the remark is kept in ``source`` and the code itself in ``case_code``.
    """
    rows = read_csv(path or DATA_DIR / "courts-2018.csv")
    by_code: dict[str, dict] = {}
    for row in rows:
        code = row["id"]
        if code in by_code:
            if by_code[code]["name"] != row["name"]:
                raise RefDataError(f"法院代码 {code} 重复且名称不同：{by_code[code]['name']} / {row['name']}")
            continue
        by_code[code] = row
    objs, wanted = [], {}
    for code, row in by_code.items():
        case_code, source = row["case_code"], COURT_SOURCE
        note = _NOTE.search(case_code)
        if note:
            case_code = case_code[:note.start()].strip()
            source = f"{COURT_SOURCE}；原注：{note.group(1)}"
        objs.append(Court(code=code, level_code=row["level_code"], name=row["name"], case_code=case_code,
                          version=COURT_VERSION, valid_from=COURT_VALID_FROM, source=source))
        parent = row["parent_id"]
        if parent in ("", "-1"):
            wanted[(code,)] = None
        elif parent in by_code:
            wanted[(code,)] = (parent,)
        else:
            raise RefDataError(f"法院 {row['name']}（{code}）的上级代码 {parent} 不存在")
    with transaction.atomic():
        _upsert(Court, objs, ["code"], ["level_code", "name", "case_code", "version", "valid_from", "source"])
        _link_parents(Court, wanted, ("code",))
    return len(objs)


# ---------------------------------------------------------------------------------------
# case types


def load_case_types(paths: Iterable[Path] | None = None) -> int:
    """《人民法院案件类型及其代字标准》 (2018 state, 215 rows) plus ``case-types-extra.csv``
    (民诉前调, 诉前调确, 诉前调书 — newer SPC codes, see domain §1.3)."""
    objs: dict[tuple[str, str], CaseType] = {}
    for path in paths or [DATA_DIR / "case-types-2018.csv", DATA_DIR / "case-types-extra.csv"]:
        for row in read_csv(path):
            version = row.get("version") or CASE_TYPE_VERSION
            code = row["code"]
            if not re.fullmatch(r"\d{4}", code):
                raise RefDataError(f"{path.name}: 案件类型代码 {code!r} 应为4位数字")
            key = (version, code)
            if key in objs:
                raise RefDataError(f"{path.name}: 案件类型 {version}/{code} 重复")
            objs[key] = CaseType(version=version, code=code, name=row["name"], type_code=row["type_code"],
                                 category=code[:2] + "00", valid_from=_date(row.get("valid_from", "")),
                                 source=row.get("source") or CASE_TYPE_SOURCE)
    with transaction.atomic():
        _upsert(CaseType, list(objs.values()), ["version", "code"],
                ["name", "type_code", "category", "valid_from", "source"])
    return len(objs)


# ---------------------------------------------------------------------------------------
# causes of action / charges

#: xiezhi.law.fees.LITIGATION_KINDS that a cause can imply; "" = not determined by the cause
#: (criminal charges, non-contentious applications), the filing clerk chooses.
FEE_KINDS = {"", "property", "divorce", "personality", "labor", "ip", "other_non_property",
             "administrative", "administrative_special"}


def load_causes(paths: Iterable[Path] | None = None) -> int:
    """民事案由 (2020 and 2025 versions), 刑事罪名 and 行政案由 from ``causes-*.csv``.
    Columns: kind,version,code,level,name,parent_code,fee_kind,valid_from,source."""
    paths = list(paths) if paths is not None else sorted(DATA_DIR.glob("causes-*.csv"))
    objs: dict[tuple, Cause] = {}
    wanted: dict[tuple, tuple | None] = {}
    levels: dict[tuple, int] = {}
    for path in paths:
        for row in read_csv(path):
            key = (row["kind"], row["version"], row["code"])
            if key in objs:
                raise RefDataError(f"{path.name}: 编码 {key} 重复")
            if row["kind"] not in Cause.Kind.values:
                raise RefDataError(f"{path.name}: 未知类别 {row['kind']!r}")
            if row["fee_kind"] not in FEE_KINDS:
                raise RefDataError(f"{path.name}: {row['name']} 的诉讼费类别 {row['fee_kind']!r} 无效")
            level = int(row["level"])
            parent_key = (row["kind"], row["version"], row["parent_code"]) if row["parent_code"] else None
            if parent_key is not None:
                if parent_key not in objs:
                    raise RefDataError(f"{path.name}: {row['name']} 的上级 {row['parent_code']} 须在其前出现")
                if levels[parent_key] != level - 1:
                    raise RefDataError(f"{path.name}: {row['name']} 的级别与上级不衔接")
            elif level != 1:
                raise RefDataError(f"{path.name}: {row['name']} 无上级但级别为 {level}")
            levels[key] = level
            wanted[key] = parent_key
            objs[key] = Cause(kind=row["kind"], version=row["version"], code=row["code"], name=row["name"],
                              level=level, fee_kind=row["fee_kind"], valid_from=_date(row["valid_from"]),
                              source=row["source"])
    with transaction.atomic():
        _upsert(Cause, list(objs.values()), ["kind", "version", "code"],
                ["name", "level", "fee_kind", "valid_from", "source"])
        _link_parents(Cause, wanted, ("kind", "version", "code"))
    return len(objs)


# ---------------------------------------------------------------------------------------
# procedures

# every time-limit rule and every fee rule of xiezhi.law is named by at least one procedure (tests/courts)
LIMIT_CODES = set(TRIAL_LIMITS)
FEE_PROCEDURES = set(FEE_RULES)


def load_procedures(path: Path | None = None) -> int:
    """审理程序 with the time-limit rule (``limit_code``) and fee procedure they use."""
    objs = []
    for row in read_csv(path or DATA_DIR / "procedures.csv"):
        if row["limit_code"] not in LIMIT_CODES:
            raise RefDataError(f"程序 {row['code']} 的审限规则 {row['limit_code']!r} 无效")
        if row["fee_procedure"] not in FEE_PROCEDURES:
            raise RefDataError(f"程序 {row['code']} 的收费程序 {row['fee_procedure']!r} 无效")
        objs.append(Procedure(code=row["code"], name=row["name"], case_kind=row["case_kind"],
                              limit_code=row["limit_code"], fee_procedure=row["fee_procedure"],
                              version=row["version"], valid_from=_date(row["valid_from"]), source=row["source"]))
    with transaction.atomic():
        _upsert(Procedure, objs, ["code"],
                ["name", "case_kind", "limit_code", "fee_procedure", "version", "valid_from", "source"])
    return len(objs)


# ---------------------------------------------------------------------------------------
# province settings


def load_province_settings(path: Path | None = None) -> int:
    """Per-province figures (average wage for small claims, fee figures within the statutory
    ranges). The shipped rows are examples marked ⚠ in ``source``; an administrator enters
    the province's published figures. Rows with an empty year are standing figures."""
    rows = read_csv(path or DATA_DIR / "province-settings.csv")
    with transaction.atomic():
        for row in rows:
            ProvinceSetting.objects.update_or_create(
                province=row["province"], key=row["key"], year=int(row["year"]) if row["year"] else None,
                defaults={"value": Decimal(row["value"]), "source": row["source"]})
    return len(rows)


# ---------------------------------------------------------------------------------------
# working calendar

HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
MAKEUP_WORKDAY = "调休上班"


def _holiday_cn(name: str) -> str:
    if name in HOLIDAY_NAMES:
        return HOLIDAY_NAMES[name]
    from chinese_calendar.constants import Holiday

    for holiday in Holiday:
        if holiday.value == name:
            return holiday.chinese
    return name


def calendar_days_from_package() -> tuple[dict[datetime.date, tuple[bool, str]], set[int], str]:
    """Every public holiday (rest) and make-up working day (work) known to the installed
    ``chinese_calendar`` package, the years it covers, and its version."""
    import chinese_calendar
    from chinese_calendar import constants

    days: dict[datetime.date, tuple[bool, str]] = {}
    for day, name in constants.holidays.items():
        days[day] = (True, _holiday_cn(name))
    for day, name in constants.workdays.items():
        if day in days:
            raise RefDataError(f"chinese_calendar 中 {day} 既是假日又是调休工作日")
        days[day] = (False, f"{MAKEUP_WORKDAY}（{_holiday_cn(name)}）")
    years = {d.year for d in days}
    covered = set(range(min(years), max(years) + 1)) if years else set()
    return days, covered, chinese_calendar.__version__


def load_calendar(years: Iterable[int] | None = None) -> int:
    """Import holidays and make-up working days (国务院办公厅放假通知, via ``chinese_calendar``)
    into CalendarDay. Weekends need no rows: the calendar treats an unlisted Saturday or
    Sunday as a rest day. A year counts as covered once it has any row, so each covered year
    is guaranteed one (1 January is always 元旦). Rows an administrator adds for years the
    package does not know yet (next year's notice) are left alone."""
    days, covered, version = calendar_days_from_package()
    wanted_years = set(years) if years is not None else covered
    missing = sorted(wanted_years - covered)
    if missing:
        raise RefDataError(
            f"chinese_calendar {version} 不含 {'、'.join(map(str, missing))} 年的节假日安排；"
            "请升级该软件包，或由管理员按国务院办公厅通知在后台录入。")
    for year in wanted_years:
        if not any(d.year == year for d in days):
            days[datetime.date(year, 1, 1)] = (True, "元旦")
    source = f"chinese_calendar {version} (国务院办公厅放假通知)"
    objs = [CalendarDay(date=day, is_rest_day=rest, name=name, version=version, source=source)
            for day, (rest, name) in sorted(days.items()) if day.year in wanted_years]
    with transaction.atomic():
        _upsert(CalendarDay, objs, ["date"], ["is_rest_day", "name", "version", "source"])
    _invalidate_calendar_cache()
    from . import calendar

    transaction.on_commit(lambda: calendar.year_loaded(wanted_years))  # provisional deadlines become final
    return len(objs)


def _invalidate_calendar_cache() -> None:
    # bulk_create sends no post_save, so the cached DatabaseCalendar must be dropped here.
    from . import calendar

    calendar.invalidate()


# ---------------------------------------------------------------------------------------
# everything

LOADERS = {
    "courts": load_courts,
    "case_types": load_case_types,
    "causes": load_causes,
    "procedures": load_procedures,
    "province_settings": load_province_settings,
    "calendar": load_calendar,
}


def load_all() -> dict[str, int]:
    """Run every loader; returns the number of rows each one loaded."""
    return {name: loader() for name, loader in LOADERS.items()}


# ---------------------------------------------------------------------------------------
# organisation of a basic court

STANDARD_DIVISIONS = [
    (Division.Kind.FILING, "立案庭"),
    (Division.Kind.CIVIL, "民事审判庭"),
    (Division.Kind.CRIMINAL, "刑事审判庭"),
    (Division.Kind.ADMINISTRATIVE, "行政审判庭"),
    (Division.Kind.ENFORCEMENT, "执行局"),
    (Division.Kind.SERVICE, "诉讼服务中心"),
    (Division.Kind.MANAGEMENT, "审判管理办公室"),
    (Division.Kind.TRIBUNAL, "人民法庭"),
]
STANDARD_COURTROOMS = [
    # name, seats, supports_online
    ("第一审判庭", 60, False),
    ("第二审判庭", 40, False),
    ("第三审判庭", 40, False),
    ("科技法庭", 30, True),
]


@transaction.atomic
def divisions_for_basic_court(court: Court) -> list[Division]:
    """Create the standard divisions and four courtrooms of a basic court, idempotently.

    A division is looked up by kind, so one an administrator renamed (e.g. 人民法庭 →
    某某人民法庭) is kept rather than duplicated. Courtrooms are looked up by name.
    Returns the court's division of each standard kind, in the order above."""
    divisions = []
    for kind, name in STANDARD_DIVISIONS:
        division = Division.objects.filter(court=court, kind=kind).order_by("id").first()
        if division is None:
            division, _ = Division.objects.get_or_create(court=court, name=name, defaults={"kind": kind})
        divisions.append(division)
    for name, seats, online in STANDARD_COURTROOMS:
        Courtroom.objects.get_or_create(court=court, name=name,
                                        defaults={"seats": seats, "supports_online": online})
    return divisions
