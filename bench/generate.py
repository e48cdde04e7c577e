"""Synthetic data for the benchmarks: courts of one province, their staff, and cases with
parties and timelines, written with PostgreSQL COPY (psycopg 3 ``cursor.copy()``).

Rows are built in Python as plain tuples, a chunk of cases at a time; no model instance is
created per row. Column lists come from the models' ``_meta`` so that a column another
engineer adds with a default keeps working (a new required column without a default
stops the generator with a clear message instead of loading bad rows).

What the data looks like (see bench/README.md for the numbers):

- ~20 basic courts (基层人民法院) of one province, picked from the Court table by 法院代字
  (e.g. 豫0222), each with a filing division (立案庭), two civil divisions and two
  people's tribunals (人民法庭), ~50 judges (roles ["judge"]) and a few filing clerks
  (roles ["filing_judge"]).
- Civil first-instance cases (民初) with realistic causes (民间借贷纠纷, 买卖合同纠纷,
  离婚纠纷, 机动车交通事故责任纠纷 …), amounts, two parties (plaintiff, defendant: natural
  persons with valid 18-digit resident ID numbers, or companies with valid unified social
  credit codes) and sometimes a lawyer acting for the plaintiff.
- Case numbers in the real format （2025）豫0222民初1187号: per court and year the serials
  run 1, 2, 3 … in filing order, and NumberCounter ends at the highest serial of each
  sequence, so registrations made after the load continue the numbering.
- A timeline of 3–8 CaseEvent rows per case with consecutive seq (filing_received,
  registered, procedure_set, fee_assessed, notices_issued, organisation_set,
  hearing_scheduled, suspended, closed, archived), and a snapshot (status, limit_end,
  deadline_state) that agrees with it: limit_end is filed_on + 3 months (简易程序) or
  + 6 months (普通程序), rolled past rest days.
"""
from __future__ import annotations

import bisect
import itertools
import json
import math
import queue
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone as dt_timezone
from decimal import Decimal
from typing import Any, Callable, Iterable

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

TZ = dt_timezone(timedelta(hours=8))  # Asia/Shanghai: no DST since 1991
TYPE_CODE = "民初"
LIMIT_MONTHS = {"civil_summary": 3, "civil_ordinary": 6}
PROCEDURE_NAMES = {"civil_summary": "简易程序", "civil_ordinary": "普通程序"}
CAUSE_2025_FROM = date(2026, 1, 1)  # 案由规定 2025 applies to filings from this day (filing.services)
USERNAME_PREFIX = "bench_"

Log = Callable[[str], None]


def _quiet(msg: str) -> None:  # pragma: no cover - trivial
    pass


# ---------------------------------------------------------------------------------------
# identity numbers
# ---------------------------------------------------------------------------------------

_RID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RID_CHECK = "10X98765432"


def resident_id_check(body17: str) -> str:
    """GB 11643-1999 check character for the first 17 digits of a resident ID number."""
    return _RID_CHECK[sum(int(c) * w for c, w in zip(body17, _RID_WEIGHTS)) % 11]


def resident_id(region6: str, birth: date, seq3: int) -> str:
    body = f"{region6}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq3:03d}"
    return body + resident_id_check(body)


def resident_id_valid(idn: str) -> bool:
    return (len(idn) == 18 and idn[:17].isdigit() and resident_id_check(idn[:17]) == idn[17].upper())


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code_check(body8: str) -> str:
    """GB 11714-1997 check character of an organisation code (组织机构代码)."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body8, _ORG_WEIGHTS))
    c = 11 - total % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc_check(body17: str) -> str:
    """GB 32100-2015 check character of a unified social credit code (统一社会信用代码)."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body17, _USCC_WEIGHTS))
    return _USCC_CHARS[(31 - total % 31) % 31]


def uscc(region6: str, org8: str) -> str:
    body = "91" + region6 + org8 + org_code_check(org8)
    return body + uscc_check(body)


def uscc_valid(code: str) -> bool:
    return (len(code) == 18 and all(c in _USCC_CHARS for c in code)
            and uscc_check(code[:17]) == code[17])


PROVINCE_REGION = {
    "京": "11", "津": "12", "冀": "13", "晋": "14", "内": "15", "辽": "21", "吉": "22", "黑": "23",
    "沪": "31", "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36", "鲁": "37", "豫": "41",
    "鄂": "42", "湘": "43", "粤": "44", "桂": "45", "琼": "46", "渝": "50", "川": "51", "黔": "52",
    "云": "53", "藏": "54", "陕": "61", "甘": "62", "青": "63", "宁": "64", "新": "65",
}
PROVINCE_NAME = {
    "京": "北京市", "津": "天津市", "冀": "河北省", "晋": "山西省", "内": "内蒙古自治区", "辽": "辽宁省",
    "吉": "吉林省", "黑": "黑龙江省", "沪": "上海市", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "渝": "重庆市", "川": "四川省", "黔": "贵州省",
    "云": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "青": "青海省", "宁": "宁夏回族自治区",
    "新": "新疆维吾尔自治区",
}

# ---------------------------------------------------------------------------------------
# vocabulary
# ---------------------------------------------------------------------------------------

# roughly in order of frequency (Henan: 王, 李, 张, 刘 lead)
SURNAMES = ("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
            "龚邵万钱严覃武戴莫孔向汤牛常耿司")
SURNAME_WEIGHTS = list(itertools.accumulate(1.0 / (i + 3) ** 1.05 for i in range(len(SURNAMES))))
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰建国志新海东亮晨博文宏振金山红卫庆利永"
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲婷雪慧莉萍红梅琳颖倩洁晶欣悦琴云兰凤秀英佳桂珍玉春花丹璐"
ETHNICITIES = ["汉族"] * 97 + ["回族", "回族", "蒙古族"]
BRAND_WORDS = ("鑫源 恒通 宏达 华瑞 永盛 金鼎 瑞丰 中原 天成 润泽 嘉禾 兴业 博远 豫丰 汇通 信达 盛世 隆基 "
               "东方 佳和 万通 鼎盛 聚鑫 昌盛 锦绣 福瑞 宏图 诚信 新锐 远航").split()
INDUSTRIES = ("商贸有限公司", "建筑工程有限公司", "农业科技有限公司", "汽车销售服务有限公司", "房地产开发有限公司",
              "建材有限公司", "物流有限公司", "食品有限公司", "机械设备有限公司", "餐饮管理有限公司",
              "电子科技有限公司", "装饰工程有限公司")
TOWNS = ("城关镇", "朱砂镇", "长智镇", "竖岗镇", "玉皇庙镇", "孙营乡", "大岗李乡", "邸阁乡", "四所楼镇", "练城乡",
         "厉庄乡", "红庙镇", "葛岗镇", "板桥镇", "五里河镇", "龙曲镇")
VILLAGE_SUFFIX = ("庄村", "营村", "寨村", "屯村", "楼村", "岗村", "集村", "湾村", "店村")
STREETS = ("人民路", "解放路", "建设路", "中山路", "文化路", "和平路", "工业路", "新华路", "光明路", "迎宾大道")
LAW_FIRM_WORDS = ("中原", "豫商", "大河", "正义", "明德", "天基", "鼎德", "英泰", "金博大", "汴京", "九鼎", "华浩")

# name, weight, fee kind, party pattern, median amount (yuan; None = no amount), sigma,
# share tried in summary procedure (简易程序)
CAUSE_SPECS: list[tuple[str, float, str, str, float | None, float, float]] = [
    ("民间借贷纠纷", 18, "property", "nn", 50_000, 1.0, 0.75),
    ("买卖合同纠纷", 13, "property", "cc", 80_000, 1.2, 0.65),
    ("金融借款合同纠纷", 9, "property", "bn", 120_000, 0.9, 0.7),
    ("信用卡纠纷", 7, "property", "bn", 25_000, 0.8, 0.85),
    ("离婚纠纷", 10, "divorce", "div", None, 0.0, 0.8),
    ("机动车交通事故责任纠纷", 9, "property", "ni", 60_000, 1.0, 0.7),
    ("劳务合同纠纷", 5, "property", "nn", 20_000, 0.8, 0.8),
    ("追索劳动报酬纠纷", 3, "property", "nc", 15_000, 0.8, 0.85),
    ("房屋租赁合同纠纷", 4, "property", "nn", 30_000, 1.0, 0.75),
    ("物业服务合同纠纷", 5, "property", "pn", 3_000, 0.7, 0.95),
    ("建设工程施工合同纠纷", 3, "property", "nc", 300_000, 1.2, 0.3),
    ("服务合同纠纷", 2, "property", "nc", 20_000, 1.0, 0.75),
    ("租赁合同纠纷", 2, "property", "cc", 40_000, 1.0, 0.7),
    ("合同纠纷", 2, "property", "nn", 50_000, 1.1, 0.7),
    ("生命权、身体权、健康权纠纷", 3, "property", "nn", 30_000, 1.0, 0.7),
    ("提供劳务者受害责任纠纷", 1, "property", "nn", 80_000, 0.9, 0.5),
    ("抚养纠纷", 1.5, "other_non_property", "nn", None, 0.0, 0.9),
    ("赡养纠纷", 1, "other_non_property", "nn", None, 0.0, 0.9),
    ("继承纠纷", 1, "property", "nn", 150_000, 1.0, 0.5),
    ("排除妨害纠纷", 1, "other_non_property", "nn", None, 0.0, 0.8),
]

CLAIMS = {
    "民间借贷纠纷": "1. 判令被告偿还借款本金{amount}元及逾期利息；2. 本案诉讼费用由被告承担。",
    "买卖合同纠纷": "1. 判令被告支付货款{amount}元及逾期付款损失；2. 本案诉讼费用由被告承担。",
    "金融借款合同纠纷": "1. 判令被告偿还借款本金{amount}元及利息、罚息、复利；2. 本案诉讼费用由被告承担。",
    "信用卡纠纷": "1. 判令被告偿还信用卡透支本金、利息及费用合计{amount}元；2. 本案诉讼费用由被告承担。",
    "离婚纠纷": "1. 判令原、被告离婚；2. 婚生子女由原告抚养；3. 依法分割夫妻共同财产；4. 本案诉讼费用由被告承担。",
    "机动车交通事故责任纠纷": "1. 判令被告赔偿医疗费、误工费、护理费等各项损失共计{amount}元；2. 本案诉讼费用由被告承担。",
    "劳务合同纠纷": "1. 判令被告支付劳务费{amount}元；2. 本案诉讼费用由被告承担。",
    "追索劳动报酬纠纷": "1. 判令被告支付拖欠工资{amount}元；2. 本案诉讼费用由被告承担。",
    "房屋租赁合同纠纷": "1. 判令被告支付拖欠租金{amount}元并腾退房屋；2. 本案诉讼费用由被告承担。",
    "物业服务合同纠纷": "1. 判令被告支付物业服务费{amount}元及违约金；2. 本案诉讼费用由被告承担。",
    "建设工程施工合同纠纷": "1. 判令被告支付工程款{amount}元及利息；2. 本案诉讼费用由被告承担。",
}
FACTS = {
    "民间借贷纠纷": "被告因资金周转向原告借款，原告于{date}通过银行转账交付借款{amount}元，被告出具借条约定还款期限。"
                  "借款到期后，经原告多次催要，被告至今未还。为维护原告合法权益，特诉至贵院。",
    "买卖合同纠纷": "原、被告之间存在长期买卖合同关系。截至{date}，经双方对账，被告尚欠原告货款{amount}元，"
                  "经原告多次催要未果，故诉至法院。",
    "金融借款合同纠纷": "被告于{date}与原告签订个人借款合同，原告依约发放贷款。被告未按约定按期还款，"
                    "截至起诉之日尚欠本金{amount}元。",
    "信用卡纠纷": "被告向原告申领信用卡并使用透支，未按约定还款，截至{date}尚欠透支本息{amount}元。",
    "离婚纠纷": "原、被告经人介绍相识，婚后因性格不合经常发生争吵，自{date}起分居至今，夫妻感情确已破裂。",
    "机动车交通事故责任纠纷": "{date}，被告驾驶小型轿车与原告发生交通事故，致原告受伤。经交警部门认定，被告负事故全部责任。"
                        "原告各项损失共计{amount}元。",
}
GENERIC_CLAIMS = "1. 请求依法判令被告承担相应民事责任（涉案金额{amount}元）；2. 本案诉讼费用由被告承担。"
GENERIC_FACTS = "原、被告因{cause}发生争议，自{date}起经多次协商未果，为维护原告合法权益，特诉至贵院，请依法裁判。"

CLOSE_METHODS = (("判决", 40), ("调解", 25), ("撤诉", 30), ("驳回起诉", 3), ("移送", 2))
COURTROOMS = ("第一审判庭", "第二审判庭", "第三审判庭", "第五审判庭", "科技法庭")
SUSPENSION_REASONS = ("一方当事人死亡，需要等待继承人表明是否参加诉讼",
                      "本案必须以另一案的审理结果为依据，而另一案尚未审结",
                      "一方当事人因不可抗拒的事由，不能参加诉讼")

# Basic courts used when the Court table has none of the province (xiezhi.courts.refdata not
# loaded): YB/T 51202—2016 (2018) codes for 河南 (code, parent, level code, name, 法院代字).
FALLBACK_COURTS = [
    ("2050", "", "G00", "河南省高级人民法院", "豫"),
    ("2051", "2050", "G10", "河南省郑州市中级人民法院", "豫01"),
    ("2065", "2050", "G20", "河南省开封市中级人民法院", "豫02"),
    ("2076", "2050", "G30", "河南省洛阳市中级人民法院", "豫03"),
    ("2072", "2065", "G27", "通许县人民法院", "豫0222"),
    ("2071", "2065", "G26", "杞县人民法院", "豫0221"),
    ("2073", "2065", "G28", "尉氏县人民法院", "豫0223"),
    ("2075", "2065", "G2A", "兰考县人民法院", "豫0225"),
    ("2074", "2065", "G29", "开封市祥符区人民法院", "豫0212"),
    ("2066", "2065", "G21", "开封市龙亭区人民法院", "豫0202"),
    ("2067", "2065", "G22", "开封市顺河回族区人民法院", "豫0203"),
    ("2068", "2065", "G23", "开封市鼓楼区人民法院", "豫0204"),
    ("2069", "2065", "G24", "开封市禹王台区人民法院", "豫0205"),
    ("2052", "2051", "G11", "郑州市中原区人民法院", "豫0102"),
    ("2053", "2051", "G12", "郑州市二七区人民法院", "豫0103"),
    ("2054", "2051", "G13", "郑州市金水区人民法院", "豫0105"),
    ("2057", "2051", "G16", "郑州市管城回族区人民法院", "豫0104"),
    ("2058", "2051", "G17", "巩义市人民法院", "豫0181"),
    ("2059", "2051", "G18", "荥阳市人民法院", "豫0182"),
    ("2060", "2051", "G19", "中牟县人民法院", "豫0122"),
    ("2061", "2051", "G1A", "新郑市人民法院", "豫0184"),
    ("2062", "2051", "G1B", "登封市人民法院", "豫0185"),
    ("2063", "2051", "G1C", "新密市人民法院", "豫0183"),
    ("2077", "2076", "G31", "洛阳市老城区人民法院", "豫0302"),
    ("2078", "2076", "G32", "洛阳市西工区人民法院", "豫0303"),
    ("2080", "2076", "G34", "洛阳市涧西区人民法院", "豫0305"),
    ("2082", "2076", "G36", "洛阳市洛龙区人民法院", "豫0311"),
    ("2083", "2076", "G37", "偃师市人民法院", "豫0381"),
    ("2084", "2076", "G38", "孟津县人民法院", "豫0322"),
    ("2089", "2076", "G3D", "宜阳县人民法院", "豫0327"),
]
PREFERRED_CASE_CODES = [row[4] for row in FALLBACK_COURTS if len(row[4]) == 5]


# ---------------------------------------------------------------------------------------
# configuration and result
# ---------------------------------------------------------------------------------------

@dataclass
class Config:
    cases: int = 100_000
    courts: int = 20
    judges_per_court: int = 50
    clerks_per_court: int = 4
    province: str = "豫"
    seed: int = 20250101
    today: date | None = None
    # filings per judge per year: sets the span of filing dates (clamped to 1–3 years), and
    # so how many cases each judge has open at a time (a busy Henan basic court)
    filings_per_judge_year: int = 800
    chunk: int = 10_000
    # SET LOCAL session_replication_role = replica while loading (superuser only): skips the
    # per-row foreign-key triggers, as pg_restore --disable-triggers does. The smoke test
    # turns it off so that PostgreSQL checks every reference.
    skip_fk_triggers: bool = True
    vacuum: bool = True
    agent_share: float = 0.45
    # drop the secondary indexes of the three big tables during the load and build them
    # afterwards (None: when loading at least DEFER_INDEXES_FROM cases into a smaller table)
    defer_indexes: bool | None = None


@dataclass
class Staff:
    id: int
    name: str
    division_id: int | None


@dataclass
class CourtPlan:
    id: int
    code: str
    case_code: str
    name: str
    region6: str
    address_prefix: str
    city: str
    county_short: str
    judges: list[Staff] = field(default_factory=list)
    clerks: list[Staff] = field(default_factory=list)
    weight: float = 1.0
    judge_cum: list[float] = field(default_factory=list)
    companies: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    cases: int = 0
    parties: int = 0
    events: int = 0
    staff: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0
    build_seconds: float = 0.0  # Python building the rows
    copy_seconds: float = 0.0  # COPY (PostgreSQL ingesting, Python formatting)
    index_seconds: float = 0.0
    finalize_seconds: float = 0.0
    courts: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    first_date: str = ""
    last_date: str = ""

    @property
    def rows(self) -> int:
        return self.cases + self.parties + self.events

    def as_dict(self) -> dict:
        return {"cases": self.cases, "parties": self.parties, "events": self.events, "staff": self.staff,
                "rows": self.rows, "seconds": round(self.seconds, 1), "load_seconds": round(self.load_seconds, 1),
                "finalize_seconds": round(self.finalize_seconds, 1), "build_seconds": round(self.build_seconds, 1),
                "copy_seconds": round(self.copy_seconds, 1), "index_seconds": round(self.index_seconds, 1),
                "rows_per_second": round(self.rows / self.load_seconds) if self.load_seconds else None,
                "filed_between": [self.first_date, self.last_date], "courts": self.courts, "notes": self.notes}


# ---------------------------------------------------------------------------------------
# COPY helper
# ---------------------------------------------------------------------------------------

class CopyTable:
    """COPY into a model's table. `fields` are the names whose values each row supplies,
    in order; every other concrete column gets its model default (a constant), NULL, or
    the database default (identity primary key)."""

    def __init__(self, model: type[models.Model], fields: Iterable[str]):
        opts = model._meta
        self.model = model
        self.table = opts.db_table
        given = list(fields)
        cols = [opts.get_field(f).column for f in given]
        extra_cols: list[str] = []
        extra_vals: list[Any] = []
        names = set(given)
        now = timezone.now()
        for f in opts.concrete_fields:
            if f.name in names or f.attname in names:
                continue
            if f.primary_key:
                continue  # identity default
            if getattr(f, "db_default", models.NOT_PROVIDED) is not models.NOT_PROVIDED:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                extra_cols.append(f.column)
                extra_vals.append(now)
            elif f.has_default():
                value = f.get_default()
                if isinstance(f, models.JSONField):
                    value = json.dumps(value, ensure_ascii=False)
                extra_cols.append(f.column)
                extra_vals.append(value)
            elif f.null:
                continue
            elif f.blank and f.empty_strings_allowed and isinstance(f, (models.CharField, models.TextField)):
                # an optional text field (a party's occupation, a representative's position) is
                # empty in generated data, as Django itself stores it when the form leaves it blank
                extra_cols.append(f.column)
                extra_vals.append("")
            else:
                raise ImproperlyConfigured(
                    f"bench.generate: {opts.label}.{f.name} is required and has no default; "
                    f"teach bench/generate.py what to put there")
        self.columns = cols + extra_cols
        self.extra = tuple(extra_vals)
        # the same defaults as COPY text, appended to each line written with write_text()
        self.suffix = "".join("\t" + _copy_text(v) for v in extra_vals)

    def statement(self) -> str:
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        return f"COPY {connection.ops.quote_name(self.table)} ({cols}) FROM STDIN"

    def write(self, cursor, rows: Iterable[tuple]) -> int:
        n = 0
        extra = self.extra
        with cursor.copy(self.statement()) as cp:
            write_row = cp.write_row
            if extra:
                for row in rows:
                    write_row(row + extra)
                    n += 1
            else:
                for row in rows:
                    write_row(row)
                    n += 1
        return n


    def write_text(self, cursor, lines: list[str]) -> int:
        """COPY lines already in text format (tab-separated, escaped, one row each, no
        trailing newline needed when `self.suffix` is to be added)."""
        if not lines:
            return 0
        suffix = self.suffix
        with cursor.copy(self.statement()) as cp:
            if suffix:
                cp.write("".join(line + suffix + "\n" for line in lines))
            else:
                cp.write("\n".join(lines) + "\n")
        return len(lines)


def reserve_ids(cursor, model: type[models.Model], n: int) -> int:
    """Take `n` consecutive values from the primary-key sequence; returns the first."""
    if n <= 0:
        return 0
    table = model._meta.db_table
    pk = model._meta.pk.column
    cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, pk])
    seq = cursor.fetchone()[0]
    cursor.execute("SELECT setval(%s::regclass, nextval(%s::regclass) + %s - 1)", [seq, seq, n])
    last = cursor.fetchone()[0]
    return last - n + 1


# ---------------------------------------------------------------------------------------
# calendar and time limits
# ---------------------------------------------------------------------------------------

class _Calendar:
    """Rest days from the `chinese_calendar` package (the same source as the CalendarDay
    table); years it does not cover fall back to the weekday rule."""

    def __init__(self):
        try:
            import chinese_calendar

            self._cc = chinese_calendar
            years = [d.year for d in chinese_calendar.holidays]
            self._years = range(min(years), max(years) + 1)
        except Exception:  # pragma: no cover - the package is a dependency
            self._cc = None
            self._years = range(0)
        self._cache: dict[date, bool] = {}

    def is_rest_day(self, d: date) -> bool:
        r = self._cache.get(d)
        if r is None:
            if self._cc is not None and d.year in self._years:
                r = not self._cc.is_workday(d)
            else:
                r = d.weekday() >= 5
            self._cache[d] = r
        return r

    def next_working_day(self, d: date) -> date:
        while self.is_rest_day(d):
            d += timedelta(days=1)
        return d


def _add_months(d: date, n: int) -> date:
    try:
        from xiezhi.law.periods import add_months

        return add_months(d, n)
    except ImportError:  # pragma: no cover
        import calendar as _c

        m = d.month - 1 + n
        y, m = d.year + m // 12, m % 12 + 1
        return date(y, m, min(d.day, _c.monthrange(y, m)[1]))


class _Limits:
    """审限届满日 for civil first instance, as xiezhi.cases.services.refresh_snapshot computes
    it: xiezhi.law.timelimits.compute_time_limit (filed_on + 3 months for 简易程序, 民事诉讼法
    第一百六十四条; + 6 months for 普通程序, 第一百五十二条; corresponding day of the month,
    民法典 第二百零二条; an open suspension adds the days up to today). Without that module:
    the same month arithmetic from xiezhi.law.periods."""

    def __init__(self, today: date):
        self.today = today
        self._cache: dict[tuple[str, date], date] = {}
        try:
            from xiezhi.law.timelimits import Interval, compute_time_limit

            self._law, self._interval = compute_time_limit, Interval
        except ImportError:  # pragma: no cover - the module is part of the product
            self._law = self._interval = None

    @property
    def used_law(self) -> bool:
        return self._law is not None

    def limit_end(self, limit_code: str, filed_on: date) -> date:
        key = (limit_code, filed_on)
        r = self._cache.get(key)
        if r is None:
            if self._law is not None:
                r = self._law(limit_code, filed_on, today=self.today).limit_end
            else:
                r = _add_months(filed_on, LIMIT_MONTHS[limit_code])
            self._cache[key] = r
        return r

    def suspended_limit_end(self, limit_code: str, filed_on: date, since: date) -> date:
        if self._law is not None:
            iv = self._interval(start=since, end=None, kind="suspension", basis="")
            return self._law(limit_code, filed_on, deductions=[iv], today=self.today).limit_end
        return self.limit_end(limit_code, filed_on) + timedelta(days=(self.today - since).days)


# ---------------------------------------------------------------------------------------
# reference data
# ---------------------------------------------------------------------------------------

@dataclass
class Refs:
    case_type_id: int
    procedures: dict[str, int]  # limit_code -> Procedure.id
    procedure_names: dict[str, str]
    # cause version -> list of (cause_id, name, fee_kind, pattern, median, sigma, summary share), cum weights
    causes: dict[str, tuple[list[tuple], list[float]]]
    notes: list[str]


def ensure_reference_data(cfg: Config | None = None, log: Log = _quiet) -> Refs:
    """Make sure the rows the generator and the registration benchmark need exist: basic
    courts of the province, case type 民初, the two civil procedures, civil causes of the
    2020 and 2025 versions, and the holiday calendar. Loads xiezhi.courts.refdata when
    something is missing; creates the minimum itself (and says so in `notes`) when that
    module is not there or does not provide it."""
    from xiezhi.courts.models import CaseType, Cause, Procedure

    cfg = cfg or Config()
    notes: list[str] = []

    def missing() -> list[str]:
        out = []
        if _basic_courts(cfg.province).count() < cfg.courts:
            out.append("courts")
        if not CaseType.objects.filter(type_code=TYPE_CODE, active=True).exists():
            out.append("case type")
        for lc in LIMIT_MONTHS:
            if not Procedure.objects.filter(limit_code=lc, active=True).exists():
                out.append(f"procedure {lc}")
        for version in ("2020", "2025"):
            if not Cause.objects.filter(kind="civil", version=version, active=True).exists():
                out.append(f"causes {version}")
        if not _calendar_covers(timezone.localdate().year):
            out.append("calendar")
        return out

    gaps = missing()
    if gaps:
        try:
            from xiezhi.courts.refdata import load_all
        except ImportError:
            load_all = None
        if load_all is not None:
            log(f"loading reference data (xiezhi.courts.refdata.load_all) for: {', '.join(gaps)}")
            load_all()
            gaps = missing()
        else:
            notes.append("xiezhi.courts.refdata.load_all() is not available: the bench created the minimum "
                         "reference rows itself (Henan courts, 民初, two procedures, 20 causes, holidays).")
    if gaps:
        if not any("load_all() is not available" in n for n in notes):
            notes.append(f"reference data lacked {', '.join(gaps)}: the bench created the minimum rows itself")
        _create_minimum(cfg, gaps)

    case_type = CaseType.objects.filter(type_code=TYPE_CODE, active=True).order_by("-version").first()
    procedures, procedure_names = {}, {}
    for lc in LIMIT_MONTHS:
        p = (Procedure.objects.filter(limit_code=lc, active=True)
             .order_by(models.Case(models.When(case_kind="civil", then=0), default=1), "id").first())
        procedures[lc] = p.pk
        procedure_names[lc] = p.name
    causes = {}
    for version in ("2020", "2025"):
        by_name = {}
        for pk, name, fee_kind in (Cause.objects.filter(kind="civil", version=version, active=True,
                                                        name__in=[c[0] for c in CAUSE_SPECS])
                                   .order_by("-level", "id").values_list("pk", "name", "fee_kind")):
            by_name.setdefault(name, (pk, fee_kind))
        rows, weights = [], []
        for name, weight, fee_kind, pattern, median, sigma, summary in CAUSE_SPECS:
            if name in by_name:
                pk, db_fee_kind = by_name[name]
                rows.append((pk, name, db_fee_kind or fee_kind, pattern, median, sigma, summary))
                weights.append(weight)
        if not rows:
            raise ImproperlyConfigured(f"no civil causes of version {version} match the bench's list")
        if len(rows) < len(CAUSE_SPECS):
            notes.append(f"causes {version}: {len(CAUSE_SPECS) - len(rows)} of the bench's causes are not in the "
                         f"table and are left out")
        causes[version] = (rows, list(itertools.accumulate(weights)))
    return Refs(case_type.pk, procedures, procedure_names, causes, notes)


def _basic_courts(province: str):
    from xiezhi.courts.models import Court

    return Court.objects.filter(case_code__regex=rf"^{province}[0-9]{{4}}$", active=True)


def _calendar_covers(year: int) -> bool:
    from xiezhi.courts.models import CalendarDay

    return CalendarDay.objects.filter(active=True, date__year=year).exists()


def _create_minimum(cfg: Config, gaps: list[str]) -> None:
    from xiezhi.courts.models import CalendarDay, CaseType, Cause, Court, Procedure

    if "courts" in gaps:
        if cfg.province != "豫":
            raise ImproperlyConfigured(f"no basic courts of {cfg.province} in the Court table and no fallback list")
        by_code = {c.code: c for c in Court.objects.filter(code__in=[r[0] for r in FALLBACK_COURTS])}
        for code, parent, level_code, name, case_code in FALLBACK_COURTS:
            if code in by_code:
                continue
            by_code[code] = Court.objects.create(
                code=code, parent=by_code.get(parent), level_code=level_code, name=name, case_code=case_code,
                version="2018", source="YB/T 51202—2016 (2018), bench fallback")
    if "case type" in gaps:
        CaseType.objects.create(code="0301", name="民事一审案件", type_code=TYPE_CODE, category="0300",
                                version="2018", source="bench fallback")
    for lc, months in LIMIT_MONTHS.items():
        if f"procedure {lc}" in gaps:
            Procedure.objects.update_or_create(
                code=lc, defaults=dict(name=PROCEDURE_NAMES[lc], case_kind="civil", limit_code=lc,
                                       fee_procedure="summary" if lc == "civil_summary" else "ordinary",
                                       version="2023", active=True, source="bench fallback"))
    for version in ("2020", "2025"):
        if f"causes {version}" in gaps:
            for i, spec in enumerate(CAUSE_SPECS, 1):
                Cause.objects.get_or_create(
                    kind="civil", version=version, code=f"BENCH-{i:02d}",
                    defaults=dict(name=spec[0], level=4, fee_kind=spec[2], source="bench fallback"))
    if "calendar" in gaps:
        import chinese_calendar

        today = timezone.localdate()
        have = set(CalendarDay.objects.values_list("date", flat=True))
        rows = []
        for d, name in list(chinese_calendar.holidays.items()) + list(chinese_calendar.workdays.items()):
            if today.year - 3 <= d.year <= today.year + 1 and d not in have:
                rows.append(CalendarDay(date=d, is_rest_day=d in chinese_calendar.holidays, name=str(name),
                                        version=str(d.year), source="chinese_calendar (bench fallback)"))
        CalendarDay.objects.bulk_create(rows, ignore_conflicts=True)


# ---------------------------------------------------------------------------------------
# courts and staff
# ---------------------------------------------------------------------------------------

def _pick_courts(cfg: Config) -> list:
    courts = list(_basic_courts(cfg.province).select_related("parent").order_by("case_code", "code"))
    rank = {cc: i for i, cc in enumerate(PREFERRED_CASE_CODES)}
    courts.sort(key=lambda c: (rank.get(c.case_code, len(rank)), c.case_code, c.code))
    seen, picked = set(), []
    for c in courts:
        if c.case_code in seen:
            continue
        seen.add(c.case_code)
        picked.append(c)
        if len(picked) == cfg.courts:
            break
    if len(picked) < cfg.courts:
        raise ImproperlyConfigured(f"only {len(picked)} basic courts of {cfg.province} available")
    return picked


def _court_places(court, province: str) -> tuple[str, str, str, str]:
    """(region6, address prefix, city, county short name) from the court's name and code."""
    region6 = PROVINCE_REGION.get(province, "41") + court.case_code[1:5]
    county = court.name.removesuffix("人民法院")
    city = ""
    if court.parent is not None:
        pname = court.parent.name.removesuffix("中级人民法院")
        pname = pname.removeprefix(PROVINCE_NAME.get(province, ""))
        city = pname
    prov = PROVINCE_NAME.get(province, "")
    prefix = prov + (county if (not city or county.startswith(city)) else city + county)
    short = county.removeprefix(city)
    for suffix in ("回族区", "区", "县", "市"):
        if short.endswith(suffix) and len(short) > len(suffix) + 1:
            short = short[: -len(suffix)]
            break
    return region6, prefix, city or county, short


class Namer:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def person(self, male: bool | None = None) -> tuple[str, bool]:
        rng = self.rng
        if male is None:
            male = rng.random() < 0.5
        chars = MALE_CHARS if male else FEMALE_CHARS
        surname = rng.choices(SURNAMES, cum_weights=SURNAME_WEIGHTS)[0]
        given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.72 else "")
        return surname + given, male

    def phone(self) -> str:
        rng = self.rng
        return f"1{rng.choice('3356789')}{rng.randrange(10)}{rng.randrange(100_000_000):08d}"


def _setup_staff(cfg: Config, courts: list, rng: random.Random, log: Log) -> tuple[list[CourtPlan], int]:
    """Divisions and staff per court: reuse the bench's own rows from an earlier run, create
    the missing ones with COPY."""
    from xiezhi.accounts.models import User
    from xiezhi.courts.models import Division

    namer = Namer(rng)
    plans: list[CourtPlan] = []
    created = 0
    div_table = CopyTable(Division, ["court", "kind", "name"])
    user_table = CopyTable(User, ["id", "password", "is_superuser", "username", "first_name", "last_name", "email",
                                  "is_staff", "is_active", "date_joined", "kind", "real_name", "phone", "court",
                                  "division", "roles", "id_number", "is_lawyer", "lawyer_licence", "law_firm"])
    now = timezone.now()
    with transaction.atomic(), connection.cursor() as cur:
        for court in courts:
            region6, prefix, city, short = _court_places(court, cfg.province)
            plan = CourtPlan(court.pk, court.code, court.case_code, court.name, region6, prefix, city, short,
                             weight=rng.uniform(0.6, 1.6))
            towns = rng.sample(TOWNS[1:], 2)
            wanted = [("filing", "立案庭"), ("civil", "民事审判第一庭"), ("civil", "民事审判第二庭"),
                      ("tribunal", towns[0][:-1] + "人民法庭"), ("tribunal", towns[1][:-1] + "人民法庭")]
            existing = {d.name: d.pk for d in Division.objects.filter(court_id=court.pk)}
            if any(kind == "tribunal" for kind, _ in wanted):
                have_tribunals = [n for n in existing if n.endswith("人民法庭")]
                if len(have_tribunals) >= 2:  # keep the tribunals an earlier run made
                    wanted = wanted[:3] + [("tribunal", n) for n in sorted(have_tribunals)[:2]]
            new = [(court.pk, kind, name) for kind, name in wanted if name not in existing]
            if new:
                div_table.write(cur, new)
                existing = {d.name: d.pk for d in Division.objects.filter(court_id=court.pk)}
            filing_div = existing["立案庭"]
            trial_divs = [existing[name] for kind, name in wanted if kind != "filing"]

            prefix_user = f"{USERNAME_PREFIX}{court.code}_"
            have = {u.username: u for u in User.objects.filter(username__startswith=prefix_user)}
            rows = []
            specs = ([(f"{prefix_user}j{i:03d}", ["judge"], trial_divs[i % len(trial_divs)])
                      for i in range(1, cfg.judges_per_court + 1)]
                     + [(f"{prefix_user}f{i:02d}", ["filing_judge"], filing_div)
                        for i in range(1, cfg.clerks_per_court + 1)])
            missing = [s for s in specs if s[0] not in have]
            first = reserve_ids(cur, User, len(missing))
            ids = {}
            for k, (username, roles, div) in enumerate(missing):
                name, _ = namer.person()
                uid = first + k
                ids[username] = (uid, name)
                rows.append((uid, "!bench-unusable-password", False, username, "", "", "", False, True, now,
                             "staff", name, namer.phone(), court.pk, div, json.dumps(roles), "", False, "", ""))
            if rows:
                user_table.write(cur, rows)
                created += len(rows)
            for username, roles, div in specs:
                if username in have:
                    u = have[username]
                    staff = Staff(u.pk, u.real_name or u.username, u.division_id)
                else:
                    uid, name = ids[username]
                    staff = Staff(uid, name, div)
                (plan.judges if roles == ["judge"] else plan.clerks).append(staff)
            plans.append(plan)
    log(f"courts: {len(plans)} ({', '.join(p.case_code for p in plans)}); staff created: {created}")
    return plans, created


# ---------------------------------------------------------------------------------------
# cases
# ---------------------------------------------------------------------------------------

def _span(cfg: Config, today: date) -> tuple[date, date]:
    judges = max(1, cfg.courts * cfg.judges_per_court)
    years = cfg.cases / judges / max(1, cfg.filings_per_judge_year)
    years = min(3.0, max(1.0, years))
    return today - timedelta(days=int(years * 365)), today


def _split(n: int, weights: list[float]) -> list[int]:
    total = sum(weights)
    raw = [n * w / total for w in weights]
    counts = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)[: n - sum(counts)]:
        counts[i] += 1
    return counts


def _esc(s: str) -> str:
    """COPY text-format escaping (only needed for text that did not come from the bench's
    own vocabulary)."""
    if "\\" in s or "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


def _copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return _esc(str(value))


N = "\\N"
SURNAME_TOTAL = SURNAME_WEIGHTS[-1]
_SEQ_SUMS = [sum(int(c) * w for c, w in zip(f"{i:03d}", _RID_WEIGHTS[14:])) for i in range(1000)]
_BIRTH_FIRST = date(1950, 1, 1)
_BIRTH_DAYS = 365 * 55
_HHMM = [f"{m // 60:02d}:{m % 60:02d}:00+08" for m in range(1440)]


class _CaseFactory:
    """Builds one case as COPY text: the case line, its party lines and its event lines.

    Speed matters here (a million cases): random numbers come from ``random()`` directly,
    identity numbers use precomputed partial checksums, timestamps are minutes since day 0
    formatted from a per-day cache, and JSON payloads are formatted from values that need
    no escaping (numbers, ISO dates, names from the vocabulary above)."""

    def __init__(self, cfg: Config, refs: Refs, cal: _Calendar, limits: _Limits, rng: random.Random,
                 today: date, warn_days: int, public: dict[str, bool] | None = None):
        self.cfg = cfg
        self.refs = refs
        self.cal = cal
        self.limits = limits
        self.rng = rng
        self.r = rng.random
        self.today = today
        self.today_ord = today.toordinal()
        self.warn_days = warn_days
        self.case_type_id = refs.case_type_id
        try:
            from xiezhi.law.fees import property_case_fee

            self._fee = property_case_fee
        except ImportError:  # pragma: no cover
            self._fee = lambda a: Decimal(50)
        self.close_methods = [m for m, _ in CLOSE_METHODS]
        self.close_cum = list(itertools.accumulate(w for _, w in CLOSE_METHODS))
        public = public or {}
        self.pub = {code: ("t" if public.get(code, True) else "f") for code in (
            "filing_received", "registered", "procedure_set", "fee_assessed", "notices_issued", "organisation_set",
            "hearing_scheduled", "suspended", "closed", "archived")}
        self._day_iso: dict[int, str] = {}
        self._region_sums: dict[str, int] = {}
        self._births: dict[int, tuple[str, int]] = {}
        self.province_region = PROVINCE_REGION.get(cfg.province, "41")
        self.other_regions = [self.province_region + c for c in (
            "0102", "0105", "0202", "0221", "0223", "0302", "0305", "0381", "0402", "0502", "0702", "1302")]
        self.proc_payload = {lc: f'{{"procedure":"{refs.procedure_names[lc]}","limit_code":"{lc}"}}'
                             for lc in LIMIT_MONTHS}

    # -- small helpers ------------------------------------------------------------------

    def pick(self, seq):
        return seq[int(self.r() * len(seq))]

    def day_iso(self, ordinal: int) -> str:
        s = self._day_iso.get(ordinal)
        if s is None:
            s = self._day_iso[ordinal] = date.fromordinal(ordinal).isoformat()
        return s

    def ts(self, t: int) -> str:
        """timestamptz text for `t` minutes since day 0 (Beijing time)."""
        return f"{self.day_iso(t // 1440)} {_HHMM[t % 1440]}"

    def at(self, day: date, after: int = 0) -> int:
        """A time on `day` in office hours (08:30–17:30), later than `after`."""
        t = day.toordinal() * 1440 + 510 + int(self.r() * 540)
        if t <= after:
            t = after + 1 + int(self.r() * 30)
        return t

    def phone(self) -> str:
        r = self.r
        return f"1{'3356789'[int(r() * 7)]}{int(r() * 1_000_000_000):09d}"

    def person(self, male: bool | None = None) -> tuple[str, bool]:
        r = self.r
        if male is None:
            male = r() < 0.5
        chars = MALE_CHARS if male else FEMALE_CHARS
        n = len(chars)
        name = SURNAMES[bisect.bisect(SURNAME_WEIGHTS, r() * SURNAME_TOTAL)] + chars[int(r() * n)]
        if r() < 0.72:
            name += chars[int(r() * n)]
        return name, male

    def resident_id(self, region6: str, male: bool) -> str:
        r = self.r
        rs = self._region_sums.get(region6)
        if rs is None:
            rs = self._region_sums[region6] = sum(int(c) * w for c, w in zip(region6, _RID_WEIGHTS))
        k = int(r() * _BIRTH_DAYS)
        b = self._births.get(k)
        if b is None:
            digits = (_BIRTH_FIRST + timedelta(days=k)).strftime("%Y%m%d")
            b = self._births[k] = (digits, sum(int(c) * w for c, w in zip(digits, _RID_WEIGHTS[6:14])))
        seq = int(r() * 100) * 10 + (1, 3, 5, 7, 9, 0, 2, 4, 6, 8)[int(r() * 5) + (0 if male else 5)]
        return f"{region6}{b[0]}{seq:03d}{_RID_CHECK[(rs + b[1] + _SEQ_SUMS[seq]) % 11]}"

    def address(self, plan: CourtPlan) -> str:
        r = self.r
        if r() < 0.35:
            return f"{plan.address_prefix}{STREETS[int(r() * len(STREETS))]}{1 + int(r() * 299)}号"
        return (f"{plan.address_prefix}{TOWNS[int(r() * len(TOWNS))]}{SURNAMES[int(r() * 40)]}"
                f"{VILLAGE_SUFFIX[int(r() * len(VILLAGE_SUFFIX))]}{1 + int(r() * 120)}号")

    # -- parties: the columns of PARTY_FIELDS after id and case ---------------------------

    def natural(self, plan: CourtPlan, role: str, male: bool | None = None) -> tuple[str, str]:
        r = self.r
        name, male = self.person(male)
        region = plan.region6 if r() < 0.8 else self.other_regions[int(r() * len(self.other_regions))]
        idn = self.resident_id(region, male)
        addr = self.address(plan)
        service = addr if r() < 0.7 else self.address(plan)
        ethnicity = "汉族" if r() < 0.97 else ("回族" if r() < 0.7 else "蒙古族")
        return name, (f"{role}\tnatural\t{name}\t居民身份证\t{idn}\tf\t{'男' if male else '女'}\t{ethnicity}\t中国\t"
                      f"{addr}\t{service}\t{self.phone()}\t\t{N}\t\t")

    def legal(self, plan: CourtPlan, role: str, name: str) -> tuple[str, str]:
        """A company: the same name always has the same credit code, representative and
        address (banks and property companies sue again and again)."""
        cols = plan.companies.get(name)
        if cols is None:
            r = self.r
            code = uscc(plan.region6, f"{int(r() * 100_000_000):08d}")
            rep, _ = self.person()
            addr = f"{plan.address_prefix}{STREETS[int(r() * len(STREETS))]}{1 + int(r() * 399)}号"
            phone = self.phone() if r() < 0.6 else f"0371-{60_000_000 + int(r() * 9_999_999)}"
            # a branch (支行, 分公司) is an unincorporated organisation with a 主要负责人 (民事诉讼法 第五十一条第二款)
            kind = "organisation" if name.endswith(("支行", "分行", "分公司", "支公司")) else "legal"
            cols = plan.companies[name] = (f"{kind}\t{name}\t统一社会信用代码\t{code}\tf\t\t\t中国\t{addr}\t{addr}\t"
                                           f"{phone}\t{rep}\t{N}\t\t")
        return name, f"{role}\t{cols}"

    def company(self, plan: CourtPlan, kind: str) -> str:
        pick = self.pick
        city = plan.city.removesuffix("市")
        short = plan.county_short
        if kind == "bank":
            return pick((f"中国工商银行股份有限公司{city}分行", f"中国农业银行股份有限公司{short}支行",
                         f"中国建设银行股份有限公司{city}分行", f"中国银行股份有限公司{city}分行",
                         f"中国邮政储蓄银行股份有限公司{short}支行", f"河南{short}农村商业银行股份有限公司",
                         f"中原银行股份有限公司{city}分行"))
        if kind == "insurer":
            return pick((f"中国人民财产保险股份有限公司{city}市分公司", "中国平安财产保险股份有限公司河南分公司",
                         f"中国太平洋财产保险股份有限公司{city}中心支公司"))
        if kind == "property":
            return f"{short}{pick(BRAND_WORDS)}物业服务有限公司"
        return f"{short}{pick(BRAND_WORDS)}{pick(INDUSTRIES)}"

    def parties(self, plan: CourtPlan, pattern: str) -> tuple[tuple[str, str], tuple[str, str]]:
        r = self.r
        if pattern == "nn":
            return self.natural(plan, "plaintiff"), self.natural(plan, "defendant")
        if pattern == "div":
            wife_sues = r() < 0.7
            return self.natural(plan, "plaintiff", male=not wife_sues), self.natural(plan, "defendant", male=wife_sues)
        if pattern == "bn":
            return self.legal(plan, "plaintiff", self.company(plan, "bank")), self.natural(plan, "defendant")
        if pattern == "pn":
            return self.legal(plan, "plaintiff", self.company(plan, "property")), self.natural(plan, "defendant")
        if pattern == "cc":
            p = (self.legal(plan, "plaintiff", self.company(plan, "company")) if r() < 0.7
                 else self.natural(plan, "plaintiff"))
            return p, self.legal(plan, "defendant", self.company(plan, "company"))
        if pattern == "nc":
            return self.natural(plan, "plaintiff"), self.legal(plan, "defendant", self.company(plan, "company"))
        if pattern == "ni":
            d = (self.legal(plan, "defendant", self.company(plan, "insurer")) if r() < 0.5
                 else self.natural(plan, "defendant"))
            return self.natural(plan, "plaintiff"), d
        raise ValueError(pattern)

    def agent(self, plan: CourtPlan, represents: int) -> str:
        r = self.r
        name, male = self.person()
        licence = f"141{plan.region6[2:4]}{2005 + int(r() * 20)}1{100_000 + int(r() * 899_999)}"
        firm = f"河南{LAW_FIRM_WORDS[int(r() * len(LAW_FIRM_WORDS))]}律师事务所"
        return (f"agent\tnatural\t{name}\t\t\tf\t{'男' if male else '女'}\t\t中国\t\t\t{self.phone()}\t\t"
                f"{represents}\t{licence}\t{firm}")

    # -- one case -------------------------------------------------------------------------

    def build(self, plan: CourtPlan, filed_on: date, serial: int, case_id: int, party_id: int
              ) -> tuple[str, list[str], list[str]]:
        """(case line, party lines, event lines) in COPY text format, without newlines."""
        r = self.r
        cal = self.cal
        today = self.today
        day = timedelta(days=1)
        version = "2025" if filed_on >= CAUSE_2025_FROM else "2020"
        cause_rows, cause_cum = self.refs.causes[version]
        cause_id, cause_name, fee_kind, pattern, median, sigma, summary_share = cause_rows[
            bisect.bisect(cause_cum, r() * cause_cum[-1])]
        limit_code = "civil_summary" if r() < summary_share else "civil_ordinary"
        limit_end = self.limits.limit_end(limit_code, filed_on)
        limit_days = (limit_end - filed_on).days

        amount = None
        if median is not None:
            amount = f"{max(500.0, median * math.exp(sigma * self.rng.gauss(0.0, 1.0))):.2f}"

        # how the case went
        age = self.today_ord - filed_on.toordinal()
        assign_after = (0, 0, 1, 1, 1, 2, 2, 3, 4, 6)[int(r() * 10)]
        if limit_code == "civil_summary":
            duration = int(self.rng.triangular(12, limit_days, limit_days * 0.7))
        else:
            duration = int(self.rng.triangular(30, limit_days, limit_days * 0.8))
        if r() < 0.03:  # runs past the limit
            duration = limit_days + 1 + int(r() * 75)
        duration = max(duration, assign_after + 1)
        closed_on = cal.next_working_day(filed_on + duration * day)

        judge = None
        status = "registered"
        suspended_on = archived_on = None
        if age >= assign_after:
            judge = plan.judges[bisect.bisect(plan.judge_cum, r() * plan.judge_cum[-1])]
            if closed_on <= today:
                status = "closed"
                archive_on = cal.next_working_day(closed_on + (20 + int(r() * 70)) * day)
                if archive_on <= today and r() < 0.9:
                    status, archived_on = "archived", archive_on
            elif r() < 0.04 and age > assign_after + 10:
                status = "suspended"
                suspended_on = cal.next_working_day(filed_on + (assign_after + 5 + int(r() * (age - assign_after - 5))) * day)
                if suspended_on > today:
                    suspended_on = today
            else:
                status = "in_trial"
        if status == "closed" or status == "archived":
            deadline_state = "overdue" if closed_on > limit_end else "ok"
        else:
            closed_on = None
            if status == "suspended":
                deadline_state = "stopped"
                limit_end = self.limits.suspended_limit_end(limit_code, filed_on, suspended_on)
            else:
                left = (limit_end - today).days
                deadline_state = "overdue" if left < 0 else ("near" if left <= self.warn_days else "ok")

        # parties
        clerk_id = plan.clerks[int(r() * len(plan.clerks))].id if plan.clerks else N
        (p_name, p_cols), (d_name, d_cols) = self.parties(plan, pattern)
        parties = [f"{party_id}\t{case_id}\t{p_cols}", f"{party_id + 1}\t{case_id}\t{d_cols}"]
        if r() < self.cfg.agent_share + (0.35 if pattern in ("bn", "pn") else 0.0):
            parties.append(f"{party_id + 2}\t{case_id}\t{self.agent(plan, party_id)}")
        title = f"{p_name} 诉 {d_name}"

        # words
        amount_s = f"{float(amount):,.2f}" if amount is not None else "—"
        story = filed_on - (60 + int(r() * 840)) * day
        story_s = f"{story.year}年{story.month}月{story.day}日"
        claims = CLAIMS.get(cause_name, GENERIC_CLAIMS).format(amount=amount_s)
        facts = FACTS.get(cause_name, GENERIC_FACTS).format(amount=amount_s, date=story_s, cause=cause_name)

        # timeline: (code, minute, actor, payload)
        number = f"（{filed_on.year}）{plan.case_code}{TYPE_CODE}{serial}号"
        filed_iso = filed_on.isoformat()
        ev: list[tuple[str, int, Any, str]] = []
        online = r() < 0.6
        received = filed_on - int(r() * 6) * day if online else filed_on
        t = self.at(received)
        ev.append(("filing_received", t, N if online else clerk_id,
                   '{"channel":"online"}' if online else '{"channel":"counter"}'))
        t = registered_at = self.at(filed_on, t)
        ev.append(("registered", t, clerk_id, f'{{"number":"{number}","filed_on":"{filed_iso}"}}'))
        t += 1
        ev.append(("procedure_set", t, clerk_id, self.proc_payload[limit_code]))
        if r() < 0.9:
            if fee_kind == "property" and amount is not None:
                fee = self._fee(Decimal(amount))
                if limit_code == "civil_summary":
                    fee = (fee / 2).quantize(Decimal("0.01"))
            elif fee_kind == "divorce":
                fee = "150.00" if limit_code == "civil_summary" else "300.00"
            else:
                fee = "50.00"
            due = cal.next_working_day(filed_on + 7 * day).isoformat()
            t += 2
            ev.append(("fee_assessed", t, clerk_id,
                       f'{{"amount":"{fee}","computed":"{fee}","reason":"","due_on":"{due}"}}'))
            t += 3
            ev.append(("notices_issued", t, clerk_id,
                       f'{{"notices":["受理通知书","交纳诉讼费用通知书","举证通知书"],"fee":"{fee}","fee_due_on":"{due}"}}'))
        if judge is not None:
            org_day = cal.next_working_day(filed_on + assign_after * day)
            if org_day > today:
                org_day = today
            t = self.at(org_day, t)
            ev.append(("organisation_set", t, clerk_id,
                       f'{{"judge":"{judge.name}","judge_id":{judge.id},"reason":""}}'))
            end_day = closed_on or suspended_on or today
            span = (end_day - org_day).days
            room = len(ev) + (1 if status != "in_trial" else 0) + (1 if archived_on else 0) < 8
            if room and span > 7 and r() < 0.6:
                hearing_day = cal.next_working_day(org_day + (7 + int(r() * (span - 6))) * day)
                if hearing_day <= end_day:
                    hearing = self.at(hearing_day, t)
                    t += 5 + int(r() * 60)
                    ev.append(("hearing_scheduled", t, judge.id,
                               f'{{"at":"{self.ts(hearing).replace(" ", "T")}:00","courtroom":"{self.pick(COURTROOMS)}"}}'))
            if status == "suspended":
                t = self.at(suspended_on, t)
                ev.append(("suspended", t, judge.id,
                           f'{{"kind":"suspension","label":"中止诉讼","start":"{suspended_on.isoformat()}",'
                           f'"reason":"{self.pick(SUSPENSION_REASONS)}","basis":"民事诉讼法 第一百五十三条"}}'))
            elif closed_on is not None:
                method = self.close_methods[bisect.bisect(self.close_cum, r() * self.close_cum[-1])]
                t = self.at(closed_on, t)
                ev.append(("closed", t, judge.id, f'{{"method":"{method}","on":"{closed_on.isoformat()}"}}'))
                if archived_on is not None:
                    t = self.at(archived_on, t)
                    ev.append(("archived", t, judge.id, f'{{"on":"{archived_on.isoformat()}"}}'))

        ts, pub = self.ts, self.pub
        events = [f"{case_id}\t{seq}\t{code}\t{ts(at)}\t{actor}\t{payload}\t{pub[code]}"
                  for seq, (code, at, actor, payload) in enumerate(ev, 1)]
        case = (f"{case_id}\t{plan.id}\t{self.case_type_id}\t{number}\t{filed_on.year}\t{serial}\t{cause_id}\t"
                f"{version}\t{self.refs.procedures[limit_code]}\t{judge.division_id if judge and judge.division_id else N}\t"
                f"{judge.id if judge else N}\t{title}\t{amount if amount is not None else N}\t{claims}\t{facts}\t"
                f"{filed_iso}\t{closed_on.isoformat() if closed_on else N}\t{status}\t{limit_end.isoformat()}\t"
                f"{deadline_state}\t{ts(registered_at)}\t{ts(t)}\t{len(ev)}")
        return case, parties, events


CASE_FIELDS = ["id", "court", "case_type", "number", "year", "serial", "cause", "cause_version", "procedure",
               "division", "judge", "title", "amount", "claims", "facts", "filed_on", "closed_on", "status",
               "limit_end", "deadline_state", "created_at", "updated_at", "version"]
PARTY_FIELDS = ["id", "case", "role", "kind", "name", "id_type", "id_number", "is_minor", "gender", "ethnicity",
                "nationality", "address", "service_address", "phone", "legal_representative", "represents",
                "lawyer_licence", "law_firm"]
EVENT_FIELDS = ["case", "seq", "code", "at", "actor", "payload", "public_to_parties"]


def _public_flags() -> dict[str, bool]:
    try:
        from xiezhi.cases.events import EVENT_TYPES

        return {code: et.public for code, et in EVENT_TYPES.items()}
    except ImportError:  # pragma: no cover
        return {}


def _is_superuser(cur) -> bool:
    cur.execute("SELECT current_setting('is_superuser')")
    return cur.fetchone()[0] == "on"


def _start_serials(case_type_id: int, plans: list[CourtPlan]) -> dict[tuple[str, int], int]:
    """Highest serial already used per (court case code, year) for 民初: the generator
    continues after it, so a second load into the same database keeps numbers unique."""
    from xiezhi.cases.models import Case, NumberCounter

    out: dict[tuple[str, int], int] = {}
    codes = {p.case_code for p in plans}
    for code, year, last in NumberCounter.objects.filter(court_code__in=codes, type_code=TYPE_CODE,
                                                         special_code="").values_list("court_code", "year",
                                                                                      "last_serial"):
        out[(code, year)] = max(out.get((code, year), 0), last)
    for code, year, last in (Case.objects.filter(court__case_code__in=codes, case_type_id=case_type_id)
                             .values_list("court__case_code", "year").annotate(m=Max("serial"))):
        out[(code, year)] = max(out.get((code, year), 0), last)
    return out


DEFER_INDEXES_FROM = 50_000


def _progress(log: Log, result: Result, built: int, elapsed: float) -> None:
    log(f"  {result.cases:>10,} cases {result.parties:>11,} parties {result.events:>11,} events written "
        f"({built:,} built) | {elapsed:7.1f} s | {result.rows / max(elapsed, 1e-9):>9,.0f} rows/s "
        f"(Python building {result.build_seconds:.0f} s, COPY {result.copy_seconds:.0f} s)")


class _Writer:
    """COPYs chunks on its own connection in a second thread, so that PostgreSQL ingests
    one chunk while Python builds the next (the machine has two cores: one each)."""

    def __init__(self, tables: list[CopyTable], fast: bool, result: Result):
        self.tables = tables
        self.fast = fast
        self.result = result
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="bench-copy", daemon=True)
        self.started = False

    def start(self) -> None:
        self.thread.start()
        self.started = True

    def put(self, item) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(item)

    def finish(self, quiet: bool = False) -> None:
        if self.started:
            self.started = False
            self.queue.put(None)
            self.thread.join()
        if self.error is not None and not quiet:
            raise self.error

    def _run(self) -> None:
        from django.db import connection as conn

        result = self.result
        try:
            while True:
                item = self.queue.get()
                if item is None:
                    break
                if self.error is not None:
                    continue  # keep draining so that put() never blocks for ever
                try:
                    t0 = time.perf_counter()
                    with transaction.atomic(), conn.cursor() as cur:
                        if self.fast:
                            cur.execute("SET LOCAL session_replication_role = replica")
                        counts = [t.write_text(cur, rows) for t, rows in zip(self.tables, item)]
                    result.copy_seconds += time.perf_counter() - t0
                    result.cases += counts[0]
                    result.parties += counts[1]
                    result.events += counts[2]
                except BaseException as exc:  # handed to the main thread
                    self.error = exc
        finally:
            conn.close()


def _drop_secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """Drop the indexes of `tables` that back no constraint (primary keys and unique
    constraints stay, so COPY still checks them); returns (name, definition) to recreate."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = ANY(%s::regclass[]) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
            [tables])
        found = cur.fetchall()
        for name, _ in found:
            cur.execute(f"DROP INDEX {name}")
    return found


def _create_indexes(defs: list[tuple[str, str]]) -> None:
    with connection.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '512MB'")
        for name, ddl in defs:
            cur.execute(ddl.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        cur.execute("RESET maintenance_work_mem")


def generate(cfg: Config | None = None, log: Log = _quiet) -> Result:
    """Create `cfg.cases` cases (with staff, parties and events) and return what was made."""
    from django.conf import settings

    from xiezhi.cases.models import Case, CaseEvent, Party

    if connection.vendor != "postgresql":
        raise ImproperlyConfigured("bench.generate needs PostgreSQL (it loads with COPY)")
    if connection.in_atomic_block:
        raise ImproperlyConfigured("bench.generate commits chunk by chunk from a second connection: "
                                   "call it outside transaction.atomic()")
    cfg = cfg or Config()
    started = time.perf_counter()
    rng = random.Random(cfg.seed)
    today = cfg.today or timezone.localdate()
    result = Result()

    refs = ensure_reference_data(cfg, log)
    result.notes.extend(refs.notes)
    plans, result.staff = _setup_staff(cfg, _pick_courts(cfg), rng, log)
    for p in plans:
        weights = [rng.uniform(0.5, 1.5) for _ in p.judges]
        p.judge_cum = list(itertools.accumulate(weights))

    cal = _Calendar()
    limits = _Limits(today)
    warn_days = settings.DEADLINE_WARN_DAYS
    first, last = _span(cfg, today)
    workdays = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    workdays = [d for d in workdays if not cal.is_rest_day(d)] or [today]
    result.first_date, result.last_date = workdays[0].isoformat(), workdays[-1].isoformat()
    counts = _split(cfg.cases, [p.weight for p in plans])
    serial_start = _start_serials(refs.case_type_id, plans)

    factory = _CaseFactory(cfg, refs, cal, limits, rng, today, warn_days, _public_flags())
    case_t = CopyTable(Case, CASE_FIELDS)
    party_t = CopyTable(Party, PARTY_FIELDS)
    event_t = CopyTable(CaseEvent, EVENT_FIELDS)

    def stream():
        for plan, n in zip(plans, counts):
            dates = sorted(rng.choices(workdays, k=n))
            serials: dict[int, int] = {}
            for d in dates:
                s = serials.get(d.year)
                if s is None:
                    s = serial_start.get((plan.case_code, d.year), 0)
                s += 1
                serials[d.year] = s
                yield plan, d, s

    with connection.cursor() as cur:
        fast = cfg.skip_fk_triggers and _is_superuser(cur)
    if cfg.skip_fk_triggers and not fast:
        result.notes.append("not a superuser: foreign-key triggers stayed on during the load (slower)")
    existing = Case.objects.count()
    defer = cfg.defer_indexes if cfg.defer_indexes is not None else (
        cfg.cases >= DEFER_INDEXES_FROM and existing < cfg.cases)
    tables = [case_t, party_t, event_t]
    writer = _Writer(tables, fast, result)

    load_started = time.perf_counter()
    last_report = load_started
    log(f"generating {cfg.cases:,} cases filed {result.first_date} … {result.last_date} in chunks of "
        f"{cfg.chunk:,}{'; secondary indexes dropped during the load' if defer else ''}")
    it = stream()
    build = factory.build
    dropped: list[tuple[str, str]] = []
    try:
        if defer:
            dropped = _drop_secondary_indexes([t.table for t in tables])
        writer.start()
        built = 0
        while True:
            batch = list(itertools.islice(it, cfg.chunk))
            if not batch:
                break
            t_build = time.perf_counter()
            with connection.cursor() as cur:
                case_id = reserve_ids(cur, Case, len(batch))
                party_id = reserve_ids(cur, Party, 3 * len(batch))
            case_rows, party_rows, event_rows = [], [], []
            for plan, d, serial in batch:
                c, ps, evs = build(plan, d, serial, case_id, party_id)
                case_id += 1
                party_id += 3
                case_rows.append(c)
                party_rows += ps
                event_rows += evs
            built += len(batch)
            now = time.perf_counter()
            result.build_seconds += now - t_build
            writer.put((case_rows, party_rows, event_rows))  # waits while two chunks are queued
            now = time.perf_counter()
            if now - last_report >= 5:
                last_report = now
                _progress(log, result, built, now - load_started)
        writer.finish()
        result.load_seconds = time.perf_counter() - load_started
        _progress(log, result, built, result.load_seconds)
    finally:
        writer.finish(quiet=True)
        if dropped:
            t0 = time.perf_counter()
            _create_indexes(dropped)
            result.index_seconds = time.perf_counter() - t0
            log(f"recreated {len(dropped)} indexes in {result.index_seconds:.1f} s")

    fin = time.perf_counter()
    finalize(cfg, log)
    result.finalize_seconds = time.perf_counter() - fin
    result.seconds = time.perf_counter() - started
    if limits.used_law:
        result.notes.append("limit_end computed by xiezhi.law.timelimits.compute_time_limit")
    result.courts = [{"id": p.id, "case_code": p.case_code, "name": p.name, "cases": n,
                      "judges": len(p.judges), "clerks": len(p.clerks)} for p, n in zip(plans, counts)]
    log(f"generated {result.cases:,} cases, {result.parties:,} parties, {result.events:,} events in "
        f"{result.seconds:.1f} s (build + COPY {result.load_seconds:.1f} s at "
        f"{result.rows / max(result.load_seconds, 1e-9):,.0f} rows/s; indexes {result.index_seconds:.1f} s; "
        f"counters + VACUUM (ANALYZE) {result.finalize_seconds:.1f} s)")
    return result


def finalize(cfg: Config, log: Log = _quiet) -> None:
    """NumberCounter to the highest serial of every sequence, then statistics."""
    from xiezhi.accounts.models import User
    from xiezhi.cases.models import Case, CaseEvent, NumberCounter, Party
    from xiezhi.courts.models import CaseType, Court, Division

    q = connection.ops.quote_name
    counter, case, court, ctype = (NumberCounter._meta.db_table, Case._meta.db_table, Court._meta.db_table,
                                   CaseType._meta.db_table)
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {q(counter)} (court_code, year, special_code, type_code, last_serial) "
            f"SELECT co.case_code, c.year, '', t.type_code, MAX(c.serial) FROM {q(case)} c "
            f"JOIN {q(court)} co ON co.id = c.court_id JOIN {q(ctype)} t ON t.id = c.case_type_id "
            f"GROUP BY co.case_code, c.year, t.type_code "
            f"ON CONFLICT (court_code, year, special_code, type_code) "
            f"DO UPDATE SET last_serial = GREATEST({q(counter)}.last_serial, EXCLUDED.last_serial)")
    tables = [m._meta.db_table for m in (Case, Party, CaseEvent, User, Division, NumberCounter)]
    t0 = time.perf_counter()
    with connection.cursor() as cur:
        if cfg.vacuum and connection.get_autocommit() and not connection.in_atomic_block:
            cur.execute("VACUUM (ANALYZE) " + ", ".join(q(t) for t in tables))
            what = "VACUUM (ANALYZE)"
        else:
            cur.execute("ANALYZE " + ", ".join(q(t) for t in tables))
            what = "ANALYZE"
    log(f"{what} {', '.join(tables)}: {time.perf_counter() - t0:.1f} s")
