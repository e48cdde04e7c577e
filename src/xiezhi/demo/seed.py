"""Demo court: 通许县人民法院 (豫0222) with its intermediate and high courts, staff in every
role, a lawyer and a litigant on the portal, and a few hundred cases in every state.

The demo tells one consistent story (tests/demo/test_demo_story.py checks it):
- history comes in through cases.services.import_case (the legacy-import path) with a timeline
  built in time order and never in the future: a judge only after an `organisation_set` node, a fee
  (filing.services.assess_fee) wherever a payment notice was issued, paid before closing; a closed
  case has its 结案 record and no open deduction; archived cases through dossier.services.archive_case;
- today's work goes through the apps' services, so its nodes and notifications are real: the
  filing queue, a registration, assignments and a manual-assignment request, an extension
  request, hearings, service on the portal, e-files with scanned pages (OCR as in production);
- 民初 beside 刑初, 行初, 民特 and 执 cases, each with its own judge or enforcement officer;
- a case for every form the platform generates (seed_showcase, SHOWCASE: 普通程序 before a panel with
  a people's assessor, 普通程序 before a sole judge against a bank branch, 简易, 小额 heard in private,
  刑初, 行初), and the court's address and telephone (tests/demo/test_demo_forms.py).
"""
from __future__ import annotations

import io
import logging
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.cases import services as case_services
from xiezhi.cases.models import Case, CaseStatus
from xiezhi.courts.models import CaseType, Cause, Court, Division, Procedure
from xiezhi.filing import services as filing_services

from .seed_closing import seed_closing
from .seed_credit import seed_credit
from .seed_disposal import seed_disposal
from .seed_linkage import seed_linkage

DEMO_PASSWORD = "Xiezhi@2026"
COURT_CODE = "豫0222"

STAFF = [
    # username, name, roles, division kind
    ("lian", "林立安", ["filing_judge"], "filing"),
    ("judge", "张正义", ["judge"], "civil"),
    ("judge2", "李明法", ["judge"], "civil"),
    ("judge3", "周公允", ["judge"], "tribunal"),
    ("xingshi", "冯刑明", ["judge"], "criminal"),
    ("xingzheng", "韩行政", ["judge"], "administrative"),
    ("assistant", "王助理", ["assistant"], "civil"),
    ("clerk", "赵书记", ["clerk"], "civil"),
    ("enforcer", "陈执行", ["enforcement"], "enforcement"),
    ("enforce_head", "秦局长", ["division_head"], "enforcement"),
    ("mediator", "孙调解", ["mediator"], "service"),
    ("head", "刘庭长", ["division_head", "judge"], "civil"),
    ("president", "郑院长", ["president"], "management"),
    ("tmo", "吴审管", ["trial_management"], "management"),
    ("admin", "系统管理员", ["sysadmin"], "management"),
]
PUBLIC = [
    # phone, name, id number, lawyer licence, firm
    ("13800000001", "何律师", "410222198503150011", "14101201510123456", "河南通正律师事务所"),
    ("13800000002", "马当事", "410222199001010013", "", ""),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰凤霞海燕"
COMPANIES = ["通许县宏达商贸有限公司", "开封市鑫源建筑工程有限公司", "河南中原农商银行股份有限公司通许支行",
             "通许县绿城物业服务有限公司", "中国平安财产保险股份有限公司开封中心支公司", "通许县惠民农资有限公司"]
AGENCIES = ["通许县市场监督管理局", "通许县公安局", "通许县人力资源和社会保障局", "通许县自然资源局"]
CAUSE_MIX = [("民间借贷纠纷", 30), ("买卖合同纠纷", 14), ("离婚纠纷", 12), ("机动车交通事故责任纠纷", 10),
             ("金融借款合同纠纷", 8), ("物业服务合同纠纷", 6), ("房屋租赁合同纠纷", 5), ("信用卡纠纷", 5),
             ("追索劳动报酬纠纷", 4), ("建设工程施工合同纠纷", 3), ("赡养纠纷", 3)]
TOWNS = "城关咸平玉皇庙四所楼朱砂孙营大岗李厉庄长智练城竖岗"
# days after filing by which a demo case of each time-limit kind is closed: inside its statutory
# limit (民诉法 第152、164、169、187条; 刑诉法 第208、220、225条; 行诉法 第81条; 审限规定 第五条)
CLOSE_WITHIN = {"civil_small_claims": 55, "civil_summary": 80, "civil_ordinary": 170, "civil_special": 28,
                "criminal_first": 55, "criminal_summary": 18, "criminal_fast": 9, "admin_first": 170,
                "enforcement": 170}
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"  # Debian fonts-noto-cjk


def _id_number(rng: random.Random, birth: date) -> str:
    from xiezhi.law.identity import resident_id_check_char

    body = f"410222{birth:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + resident_id_check_char(body)


def _name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def court() -> Court:
    return Court.objects.get(case_code=COURT_CODE)


def _tz():
    return timezone.get_current_timezone()


def _at(d: date, h: int, m: int = 0) -> datetime:
    return datetime.combine(d, time(h, m), _tz())


@transaction.atomic
def seed_people(c: Court) -> dict[str, User]:
    from xiezhi.courts.refdata import divisions_for_basic_court

    divisions_for_basic_court(c)
    from django.contrib.auth.hashers import make_password

    divs = {d.kind: d for d in Division.objects.filter(court=c)}
    password = make_password(DEMO_PASSWORD)  # hashed once: the hasher is slow on purpose, the logins many
    users = {}
    for username, name, roles, div in STAFF:
        u, created = User.objects.get_or_create(username=username, defaults=dict(
            kind=User.Kind.STAFF, real_name=name, court=c, division=divs.get(div), roles=roles,
            is_staff=(username == "admin"), is_superuser=(username == "admin")))
        if created:
            u.password = password
            u.save(update_fields=["password"])
        users[username] = u
    for phone, name, idn, licence, firm in PUBLIC:
        u, created = User.objects.get_or_create(username=f"p{phone}", defaults=dict(
            kind=User.Kind.PUBLIC, phone=phone, real_name=name, id_number=idn, verified_at=timezone.now(),
            is_lawyer=bool(licence), lawyer_licence=licence, law_firm=firm))
        if created:
            u.password = password
            u.save(update_fields=["password"])
        users[phone] = u
    return users


def _party(rng, role, company=False, *, avoid=()):
    """A natural or legal person; never one whose name is in `avoid` (nobody sues themselves)."""
    while True:
        if company:
            name = rng.choice(COMPANIES)
            p = dict(role=role, kind=_org_kind(name), name=name, id_type="统一社会信用代码",
                     id_number="", legal_representative=_name(rng), representative_title=_rep_title(name),
                     address="河南省开封市通许县")
        else:
            birth = date(rng.randint(1955, 2000), rng.randint(1, 12), rng.randint(1, 28))
            p = dict(role=role, kind="natural", name=_name(rng), id_type="居民身份证", id_number=_id_number(rng, birth),
                     gender=rng.choice("男女"), ethnicity="汉族", address=f"河南省通许县{rng.choice(TOWNS)}镇",
                     phone=f"13{rng.randint(100000000, 999999999)}")
        if p["name"] not in avoid:
            return p


def _org_kind(name: str) -> str:
    """A branch (支行, 分公司, 中心支公司) is an unincorporated organisation with a 主要负责人, not a legal
    person with a 法定代表人 (民事诉讼法 第五十一条第二款; 民诉解释 第五十二条第（五）至（七）项)."""
    return "organisation" if name.endswith(("支行", "分行", "分公司", "支公司")) else "legal"


def _rep_title(name: str) -> str:
    """The 职务 of the representative, as the party listing prints it (该公司执行董事, 该支行行长)."""
    for suffix, title in (("支行", "该支行行长"), ("分行", "该分行行长"), ("支公司", "该公司总经理"),
                          ("分公司", "该分公司经理"), ("局", "该局局长"), ("公司", "该公司执行董事")):
        if name.endswith(suffix):
            return title
    return ""


def _agency(rng, role="defendant"):
    name = rng.choice(AGENCIES)
    return dict(role=role, kind="legal", name=name, legal_representative=_name(rng),
                representative_title=_rep_title(name), address="河南省开封市通许县")


def _cause(kind: str, on: date, names) -> Cause | None:
    version = filing_services.cause_version_for(on) if kind == "civil" else None
    qs = Cause.objects.filter(kind=kind, name__in=list(names))
    if version:
        qs = qs.filter(version=version)
    return qs.order_by("-version").first()


# ---- one imported case: a timeline that tells one story ------------------------------------

class _Story:
    """Collects the facts of one historical case and imports it with a timeline in time order."""

    def __init__(self, c, users, counters, *, type_code, filed, type_row="", proc, cause, parties, title, amount=None,
                 judge=None, assign_on=None, channel="counter", claims="", facts=""):
        self.c, self.users, self.counters = c, users, counters
        self.type_code, self.filed, self.proc, self.cause = type_code, filed, proc, cause
        self.type_row = type_row  # the case-type code when one type code has several rows (民特)
        self.parties, self.title, self.amount, self.judge = parties, title, amount, judge
        self.assign_on = assign_on if judge else None
        self.channel, self.claims, self.facts = channel, claims, facts
        self.fee = None  # (amount, computed, range, due_on, paid_on|None)
        self.deduction = None  # (start, end|None)
        self.extension_on = None
        self.closing = None  # (closed_on, method key)

    def assess(self, paid_on: date | None):
        """The acceptance fee the law charges (交费办法 第十三条); None where it charges none (criminal
        cases, 特别程序: 交费办法 第八条; enforcement: paid after execution, 第二十条)."""
        from xiezhi.courts.calendar import get_work_calendar
        from xiezhi.law.periods import period_end

        est = filing_services.estimate_fee(self.c, self.cause, self.amount, self.proc.fee_procedure)
        figure = Decimal(est["fee"]) if "fee" in est else (Decimal(est["fee_min"]) if "fee_min" in est else None)
        if figure is None:
            return
        due = period_end(self.filed, days=filing_services.FEE_PAYMENT_DAYS, calendar=get_work_calendar(strict=False))
        rng = f"{est['fee_min']}–{est['fee_max']}" if "fee_min" in est else ""
        self.fee = (figure, est.get("fee"), rng, due, paid_on)

    def events(self, now: datetime) -> list[tuple]:
        u, f = self.users, self.filed
        number = self.number
        ev = [("filing_received", _at(f, 8, 30), u["lian"], {"channel": self.channel}),
              ("registered", _at(f, 9, 0), u["lian"], {"number": number, "filed_on": f.isoformat()}),
              ("procedure_set", _at(f, 9, 5), u["lian"], {"procedure": self.proc.name,
                                                          "limit_code": self.proc.limit_code})]
        notices = ["受理通知书", "举证通知书"] if self.proc.case_kind != "criminal" else []
        if self.fee:
            amount, computed, rng, due, paid_on = self.fee
            ev.append(("fee_assessed", _at(f, 9, 10), u["lian"], {
                "amount": str(amount), "computed": computed if computed is not None else rng, "reason": "",
                "due_on": due.isoformat()}))
            notices.insert(1, "交纳诉讼费用通知书")
            if paid_on:
                ev.append(("fee_paid", _at(paid_on, 10, 20), None, {"amount": str(amount), "ref": f"HIST-{number}"}))
        if notices:
            payload = {"notices": notices}
            if self.fee:
                payload.update(fee=str(self.fee[0]), fee_due_on=self.fee[3].isoformat())
            ev.append(("notices_issued", _at(f, 9, 15), u["lian"], payload))
        if self.judge:
            ev.append(("organisation_set", _at(self.assign_on, 9, 30), u["lian"],
                       {"judge": self.judge.display_name, "judge_id": self.judge.pk, "reason": "随机分案"}))
        if self.deduction:
            s, e = self.deduction
            ev.append(("deduction_started", _at(s, 11), self.judge, {"kind": "appraisal", "label": "鉴定期间",
                                                                     "start": s.isoformat(), "reason": "委托司法鉴定"}))
            if e:
                ev.append(("deduction_ended", _at(e, 11), self.judge, {"kind": "appraisal", "end": e.isoformat()}))
        if self.extension_on:
            ev.append(("extension_approved", _at(self.extension_on, 15), self.users["president"],
                       {"months": 6, "reason": "案情复杂", "approver": self.users["president"].display_name}))
        if self.closing:
            from xiezhi.trial.services import CLOSING_METHODS

            on, method = self.closing
            kind = CLOSING_METHODS[method][1]
            if kind in ("judgment", "ruling"):  # the case closes on its pronouncement (民诉解释 第二百四十三条)
                ev.append(("pronounced", _at(on, 10), self.judge, {"document_kind": kind, "on": on.isoformat(),
                                                                  "in_court": False}))
            ev.append(("closed", _at(on, 16), self.judge, {"method": str(CLOSING_METHODS[method][0]),
                                                          "on": on.isoformat()}))
        # time order, and nothing later than now (a case filed this morning before 9:00)
        ev.sort(key=lambda e: e[1])
        return [(code, min(at, now), actor, payload) for code, at, actor, payload in ev]

    def save(self, now: datetime) -> Case:
        from xiezhi.law.casenumber import format_case_number
        from xiezhi.trial.models import Closing, Pronouncement
        from xiezhi.trial.services import CLOSING_METHODS

        ct = _case_type(self.counters, self.type_code, self.type_row)
        key = (self.filed.year, self.type_code)
        self.counters[key] = self.counters.get(key, 0) + 1
        serial = self.counters[key]
        self.number = format_case_number(self.filed.year, self.c.case_code, self.type_code, serial)
        with transaction.atomic():
            case = case_services.import_case(
                court=self.c, case_type=ct, year=self.filed.year, serial=serial, filed_on=self.filed,
                procedure=self.proc, cause=self.cause, title=self.title, amount=self.amount, claims=self.claims,
                facts=self.facts, judge=self.judge, parties=self.parties, events=self.events(now),
                closed_on=self.closing[0] if self.closing else None)
            principal = case.parties.filter(role__in=("plaintiff", "applicant", "enf_applicant")).order_by("pk").first()
            case.parties.filter(role="agent", represents__isnull=True).update(represents=principal)
            if self.fee:
                fa = filing_services.assess_fee(self.users["lian"], case, self.proc)
                if self.fee[4]:
                    fa.paid_at = _at(self.fee[4], 10, 20)
                    fa.payment_ref = f"HIST-{self.number}"
                    fa.save(update_fields=["paid_at", "payment_ref"])
            if self.closing:  # the 结案 record the trial panel shows, matching the closed node
                on, method = self.closing
                if CLOSING_METHODS[method][1] in ("judgment", "ruling"):
                    Pronouncement.objects.create(case=case, document_kind=CLOSING_METHODS[method][1],
                                                 pronounced_on=on, recorded_by=self.judge)
                Closing.objects.create(case=case, method=method, document_kind=CLOSING_METHODS[method][1],
                                       closed_on=on, checks=["imported"], closed_by=self.judge)
        return case

    def close_between(self, rng, today: date, lo: int = 10):
        """Close the case on a day after the judge was assigned, within its time limit, before today."""
        hi = CLOSE_WITHIN.get(self.proc.limit_code, 80)
        on = self.filed + timedelta(days=rng.randint(min(lo, hi - 1), hi))
        on = min(on, today - timedelta(days=1))
        if not self.judge or on <= self.assign_on:
            return False
        kind = self.proc.case_kind
        method = ("judgment" if kind == "criminal" else rng.choice(["judgment", "mediation", "withdrawal"])
                  if kind == "civil" and self.proc.limit_code != "civil_special" else "judgment")
        if kind == "enforcement":
            method = "other"
        self.closing = (on, method)
        if self.fee and self.fee[4] and self.fee[4] > on:
            self.fee = self.fee[:4] + (self.filed,)
        if self.deduction and (self.deduction[1] is None or self.deduction[1] >= on):
            self.deduction = None  # a deduction that had not ended is not shown on a closed case
        if self.extension_on and self.extension_on >= on:
            self.extension_on = None
        return True


def _case_type(cache: dict, type_code: str, code: str = "") -> CaseType:
    key = ("type", type_code, code)
    if key not in cache:
        cache[key] = CaseType.objects.filter(type_code=type_code, **({"code": code} if code else {})
                                             ).order_by("-version", "code").first()
    return cache[key]


def _procs():
    return {p.code: p for p in Procedure.objects.all()}


def seed_cases(c: Court, users: dict[str, User], n: int = 300, seed: int = 2026) -> int:
    """`n` first-instance civil cases (民初) and, in proportion, 刑初, 行初, 民特 and 执 cases."""
    if Case.objects.filter(court=c).exists():
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    now = timezone.now() - timedelta(minutes=1)
    procs = _procs()
    judges = [users["judge"], users["judge2"], users["judge3"], users["head"]]
    lawyer, litigant = users["13800000001"], users["13800000002"]
    names = [name for name, w in CAUSE_MIX for _ in range(w)]
    counters: dict = {}
    stories = []
    for i in range(n):
        filed = today - timedelta(days=int(rng.triangular(0, 420, 60)))
        if i % 30 == 0:  # some registered in the last day, still waiting for a judge
            filed = today - timedelta(days=rng.randint(0, 1))
        showcase = i in (1, 40)  # the lawyer's and the litigant's case in trial before the demo judge
        if showcase:
            filed = today - timedelta(days=rng.randint(12, 40))
        cause = _cause("civil", filed, [rng.choice(names)])
        amount = None if cause and cause.fee_kind in ("divorce",) else Decimal(rng.choice(
            [8000, 15000, 32000, 50000, 86000, 120000, 260000, 580000, 1200000])) + rng.randint(0, 999)
        code = ("civil_small_claims" if amount and amount < 40000 else
                "civil_summary" if rng.random() < .6 else "civil_ordinary")
        plaintiff = _party(rng, "plaintiff", rng.random() < .25)
        defendant = _party(rng, "defendant", rng.random() < .2, avoid={plaintiff["name"]})
        if i % 55 == 1:  # a case of the demo litigant
            plaintiff.update(name=litigant.real_name, id_number=litigant.id_number, kind="natural", user=litigant,
                             phone=litigant.phone, legal_representative="", representative_title="")
            if defendant["name"] == litigant.real_name:
                defendant = _party(rng, "defendant", True)
        parties = [plaintiff, defendant]
        if i % 40 == 0:  # a case of the demo lawyer
            parties.append(dict(role="agent", kind="natural", name=lawyer.real_name, phone=lawyer.phone,
                                lawyer_licence=lawyer.lawyer_licence, law_firm=lawyer.law_firm, user=lawyer))
        judge = rng.choice(judges) if i % 30 else None
        if showcase:
            judge = users["judge"]
        s = _Story(c, users, counters, type_code="民初", filed=filed, proc=procs[code], cause=cause, parties=parties,
                   title=f"{plaintiff['name']}诉{defendant['name']}{cause.name if cause else ''}", amount=amount,
                   judge=judge, assign_on=filed + timedelta(days=rng.randint(1, 3)) if judge else None,
                   channel=rng.choice(["online", "counter"]),
                   claims="1. 判令被告支付款项及利息；2. 本案诉讼费用由被告负担。",
                   facts="原告与被告之间存在民事法律关系，被告未依约履行义务，原告多次催要未果，故诉至法院。")
        if s.assign_on and s.assign_on > today:
            s.assign_on = today
        age = (today - filed).days
        paid_on = filed + timedelta(days=rng.randint(0, min(6, age))) if (age >= 7 or rng.random() < .5) else None
        s.assess(paid_on)
        if judge and age > 30 and rng.random() < .12 and not showcase:
            start = s.assign_on + timedelta(days=rng.randint(5, 15))
            end = start + timedelta(days=rng.randint(10, 40))
            s.deduction = (start, end if end < today and rng.random() < .7 else None)
        if code == "civil_ordinary" and age > 170 and rng.random() < .3:
            s.extension_on = filed + timedelta(days=160)
        if judge and age > 20 and rng.random() < min(.95, age / 120) and not showcase:
            s.close_between(rng, today, lo=20)
        stories.append(s)
    stories += _other_kinds(c, users, counters, rng, max(2, n // 25), today)
    stories.sort(key=lambda s: s.filed)  # numbers are given in the order of filing
    with transaction.atomic():  # one commit for the whole history (SQLite: one sync to disk, not hundreds)
        archive = []
        for s in stories:
            case = s.save(now)
            if s.closing and (today - s.closing[0]).days > 60 and rng.random() < .4:
                archive.append(case)
        _archive(users["tmo"], archive)
    return n


def _other_kinds(c, users, counters, rng, k, today) -> list[_Story]:
    """刑初 (criminal), 行初 (administrative), 民特 (special procedure) and 执 (enforcement) cases:
    `k` of each, some closed, the latest ones open."""
    procs = _procs()
    out = []
    crimes = ["盗窃罪", "危险驾驶罪", "故意伤害罪", "诈骗罪", "帮助信息网络犯罪活动罪"]
    admin_acts = ["罚款", "警告", "没收违法所得、没收非法财物", "责令停产停业", "行政拘留"]
    specials = [("申请宣告自然人失踪", "civil_special", "0311"),  # case-type codes: 案件类型及其代字标准
                ("申请司法确认调解协议", "civil_judicial_confirmation", "0318"),
                ("申请实现担保物权", "civil_security_realization", "0317"), ("申请认定财产无主", "civil_special", "0316")]
    for j in range(k):
        recent = j >= k - max(1, k // 3)  # the latest third still open
        # 刑初: the accused and a victim; no acceptance fee
        filed = today - timedelta(days=rng.randint(2, 8) if recent else rng.randint(40, 300))
        code = rng.choice(["criminal_ordinary", "criminal_summary", "criminal_fast"])
        cause = _cause("criminal", filed, [rng.choice(crimes)])
        accused = _party(rng, "accused")
        victim = _party(rng, "victim", avoid={accused["name"]})
        s = _Story(c, users, counters, type_code="刑初", filed=filed, proc=procs[code], cause=cause,
                   parties=[accused, victim], judge=users["xingshi"], assign_on=filed + timedelta(days=1),
                   title=f"通许县人民检察院指控{accused['name']}犯{cause.name if cause else '罪'}",
                   claims="公诉机关指控被告人犯罪，请求依法判处。", facts="（见起诉书）")
        s.assign_on = min(s.assign_on, today)
        if not recent:
            s.close_between(rng, today, lo=3)
        out.append(s)
        # 行初: a citizen or company against an administrative organ; 50 yuan (交费办法 第十三条第（五）项)
        filed = today - timedelta(days=rng.randint(3, 25) if recent else rng.randint(60, 380))
        cause = _cause("administrative", filed, [rng.choice(admin_acts)])
        plaintiff = _party(rng, "plaintiff", rng.random() < .3)
        organ = _agency(rng)
        s = _Story(c, users, counters, type_code="行初", filed=filed, proc=procs["admin_ordinary"], cause=cause,
                   parties=[plaintiff, organ], judge=users["xingzheng"], assign_on=filed + timedelta(days=2),
                   title=f"{plaintiff['name']}诉{organ['name']}{cause.name if cause else ''}",
                   claims="请求撤销被告作出的行政行为。", facts="被告作出的行政行为认定事实不清，适用法律错误。")
        s.assign_on = min(s.assign_on, today)
        s.assess(filed + timedelta(days=rng.randint(0, 5)) if (today - filed).days >= 7 else None)
        if not recent:
            s.close_between(rng, today, lo=30)
        out.append(s)
        # 民特: an application, no opponent, no fee (交费办法 第八条第（一）项)
        cause_name, code, type_row = specials[j % len(specials)]
        filed = today - timedelta(days=rng.randint(1, 15) if recent else rng.randint(40, 300))
        cause = _cause("civil", filed, [cause_name])
        applicant = _party(rng, "applicant")
        parties = [applicant]
        if code == "civil_judicial_confirmation":  # both sides of the mediation agreement apply
            parties.append(_party(rng, "applicant", avoid={applicant["name"]}))
        if code == "civil_security_realization":
            applicant = _party(rng, "applicant", True)
            parties = [applicant, _party(rng, "respondent", avoid={applicant["name"]})]
        s = _Story(c, users, counters, type_code="民特", type_row=type_row, filed=filed, proc=procs[code], cause=cause,
                   parties=parties, judge=users["judge3"], assign_on=filed + timedelta(days=1),
                   title=f"{parties[0]['name']}{cause_name}", claims=cause_name, facts="申请人依法提出申请。")
        s.assign_on = min(s.assign_on, today)
        if not recent:
            s.close_between(rng, today, lo=5)
        out.append(s)
        # 执: enforcement of a judgment of this court; the application fee is paid after execution
        filed = today - timedelta(days=rng.randint(5, 60) if recent else rng.randint(120, 400))
        creditor = _party(rng, "enf_applicant", rng.random() < .4)
        debtor = _party(rng, "judgment_debtor", rng.random() < .3, avoid={creditor["name"]})
        s = _Story(c, users, counters, type_code="执", filed=filed, proc=procs["enforcement"], cause=None,
                   parties=[creditor, debtor], judge=users["enforcer"], assign_on=filed + timedelta(days=1),
                   title=f"{creditor['name']}申请执行{debtor['name']}", amount=Decimal(rng.choice([20000, 68000, 150000])),
                   claims="请求强制执行生效判决确定的给付义务。", facts="被执行人未履行生效法律文书确定的义务。")
        s.assign_on = min(s.assign_on, today)
        if not recent:
            s.close_between(rng, today, lo=30)
        out.append(s)
    return out


def _archive(actor, cases) -> None:
    """归档 through the e-file service: archive number, retention and the archived node."""
    from xiezhi.dossier import services as dossier_services

    for case in cases:
        dossier_services.archive_case(actor, case)


# ---- the filing queue ------------------------------------------------------------------

def seed_filings(c: Court, users: dict[str, User]) -> None:
    """A few applications waiting in the filing clerk's queue, through the real services."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from xiezhi.filing.models import FilingApplication

    if FilingApplication.objects.filter(court=c).exists():
        return
    lawyer, litigant, clerk = users["13800000001"], users["13800000002"], users["lian"]
    rng = random.Random(7)
    for k in range(6):
        applicant = lawyer if k % 2 == 0 else litigant
        f = filing_services.new_draft(applicant, c)
        cause = _cause("civil", timezone.localdate(), [rng.choice(["民间借贷纠纷", "买卖合同纠纷", "物业服务合同纠纷"])])
        plaintiff = _party(rng, "plaintiff")
        if applicant == litigant:
            plaintiff.update(name=litigant.real_name, id_number=litigant.id_number)
        plaintiff.pop("id_type", None)
        defendant = _party(rng, "defendant", avoid={plaintiff["name"]})
        defendant.pop("id_type", None)
        data = {"parties": [plaintiff, defendant], "claims": "1. 判令被告偿还借款本金及利息；2. 诉讼费由被告负担。",
                "facts": "被告向原告借款，到期未还。", "amount": str(rng.choice([9000, 45000, 150000])),
                "cause_id": cause.pk if cause else None}
        f = filing_services.save_draft(applicant, f, data)
        if k == 5:
            continue  # left as a draft
        scan = _scan_pdf(["借  条", f"今借到{plaintiff['name']}人民币{data['amount']}元整，", "约定三个月内归还。",
                          f"借款人：{defendant['name']}"], seed=k)
        filing_services.add_evidence(applicant, f, SimpleUploadedFile(f"借条{k}.pdf", scan, "application/pdf"),
                                     kind="evidence", title="借条", purpose="证明借贷关系")
        filing_services.submit(applicant, f)
        if k == 4:
            filing_services.request_correction(clerk, f, ["请补充被告的身份证件复印件。"])


# ---- scanned pages (Pillow + Noto CJK) ---------------------------------------------------

def _page(lines: list[str], seed: int = 0, width: int = 1240):
    """One A4 page at 150 dpi with the lines drawn in Noto Sans CJK (a scan: slightly noisy)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (width, int(width * 1.414)), 255)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype(FONT, 38)
        title = ImageFont.truetype(FONT, 56)
    except OSError:  # fonts-noto-cjk not installed: the page is drawn, its text is not legible
        font = title = ImageFont.load_default()
    y = 160
    for n, line in enumerate(lines):
        draw.text((130 if n else (width - 56 * len(line)) // 2, y), line, font=title if n == 0 else font, fill=25)
        y += 110 if n == 0 else 72
    rng = random.Random(seed)
    px = img.load()
    for _ in range(600):  # specks of the copier
        px[rng.randrange(img.width), rng.randrange(img.height)] = rng.randrange(150, 230)
    return img


def _png(lines, seed=0) -> bytes:
    buf = io.BytesIO()
    _page(lines, seed).save(buf, "PNG")
    return buf.getvalue()


def _scan_pdf(lines, seed=0) -> bytes:
    """An image-only PDF of one page (as a scanner makes it)."""
    buf = io.BytesIO()
    _page(lines, seed).convert("RGB").save(buf, "PDF", resolution=150)
    return buf.getvalue()


# ---- today's work, through the services --------------------------------------------------

ROOMS = [("第一审判庭", "审判楼一楼", False), ("第二审判庭", "审判楼一楼", False), ("第三审判庭", "审判楼二楼", False),
         ("第四审判庭", "审判楼二楼", False), ("科技法庭", "审判楼三楼", True), ("小额速裁庭", "诉讼服务中心", True)]


def _open(c, **kw):
    return Case.objects.filter(court=c, closed_on__isnull=True, status__in=("registered", "in_trial"), **kw)


def _user_first(qs):
    """Cases of the demo lawyer and litigant first: their portal shows the hearings."""
    cases = list(qs.order_by("filed_on", "pk"))
    with_user = {pk for pk in Case.objects.filter(pk__in=[x.pk for x in cases], parties__user__isnull=False)
                 .values_list("pk", flat=True)}
    return sorted(cases, key=lambda x: x.pk not in with_user)


def seed_trial(c: Court, users: dict[str, User]) -> int:
    """What the trial parts need to be tried in the demo: courtrooms, a pool of people's assessors,
    the clerk and assistant on the demo judge's open cases, and hearings in the coming workdays
    (scheduled through the service, so the conflict check and the parties' notices are real):
    the demo judge's cases (the lawyer's and litigant's first) and one case of each other judge."""
    from xiezhi.courts.calendar import get_work_calendar
    from xiezhi.courts.models import Courtroom
    from xiezhi.hearings import services as hearing_services
    from xiezhi.hearings.models import Hearing
    from xiezhi.trial.models import Assessor

    rooms = [Courtroom.objects.get_or_create(court=c, name=name, defaults={"location": where, "supports_online": online})[0]
             for name, where, online in ROOMS]
    if not Assessor.objects.filter(court=c).exists():
        rng = random.Random(7)
        Assessor.objects.bulk_create([Assessor(court=c, name=_name(rng)) for _ in range(12)])
    if Hearing.objects.filter(court_id=c.pk).exists():
        return 0
    judge, clerk, assistant = users["judge"], users["clerk"], users["assistant"]
    open_cases = _user_first(_open(c, judge=judge))[:12]
    for case in open_cases:
        case.team.add(clerk, assistant)
    others = [x for u in ("judge2", "judge3", "head", "xingshi", "xingzheng")
              for x in _user_first(_open(c, judge=users[u]))[:1]]
    for case in others:
        case.team.add(clerk)
    todo = open_cases[:8] + others
    calendar = get_work_calendar(strict=False)
    # from the fourth day on: the summons reaches the parties three days ahead (民事诉讼法 第一百三十九条)
    day, made, slots = timezone.localdate() + timedelta(days=2), 0, []
    while len(slots) < len(todo):
        day += timedelta(days=1)
        if not calendar.is_rest_day(day):
            slots += [datetime.combine(day, time(9, 0), _tz()), datetime.combine(day, time(14, 30), _tz())]
    for n, (case, start) in enumerate(zip(todo, slots)):
        room = rooms[n % len(rooms)]
        try:
            hearing_services.schedule_hearing(case.judge, case, room, start, start + timedelta(hours=2),
                                              clerk=clerk, online=room.supports_online)
            made += 1
        except Exception:  # a demo hearing that does not fit is simply not made
            continue
    civil = set(Case.objects.filter(pk__in=[x.pk for x in open_cases], procedure__case_kind="civil")
                .values_list("pk", flat=True))
    _seed_judgment_draft(judge, [x for x in open_cases if x.pk in civil][:1])
    return made


def seed_money(c: Court, users: dict[str, User]) -> int:
    """Money on the books of the enforcement officer's open cases (执行款, issue 11): on the oldest,
    the debtor paid everything and part went to the applicant; on the next, a third paid by a payer
    outside the case, not yet paid out. Through the ledger services, with fixed keys (a second run
    records nothing)."""
    from xiezhi.enforcement import services as money

    enforcer = users["enforcer"]
    cases = list(_open(c, judge=enforcer, case_type__type_code="执").order_by("filed_on", "pk")[:2])
    made = 0
    for n, case in enumerate(cases):
        debtor = case.parties.filter(role="judgment_debtor").first()
        creditor = case.parties.filter(role="enf_applicant").first()
        amount = case.amount or Decimal("20000")
        if n == 0 and debtor and creditor:
            money.receive(enforcer, case, amount, debtor, key=f"demo-{case.pk}-in")
            money.pay_out(enforcer, case, creditor, (amount * Decimal("0.6")).quantize(Decimal("1")),
                          key=f"demo-{case.pk}-out")
            made += 2
        elif n == 1:
            money.receive(enforcer, case, (amount / 3).quantize(Decimal("1")), "通许县某某商贸有限公司（协助执行人）",
                          key=f"demo-{case.pk}-in", note="被执行人的到期债权，由次债务人直接交付")
            made += 1
    return made


ENFORCEMENT_TEAMS = [("立案组", "filing"), ("查控组", "search"), ("处置组", "disposal"), ("结案组", "closing")]


def seed_enforcement(c: Court, users: dict[str, User]) -> int:
    """分段集约 (issue 11 items 1–2): the 执行局's four teams (查控组 is the central unit running every
    case's network searches as batch work), an enforcement file for each 执 case spread over the
    stages 立案 → 查控 → 处置 → 结案 (closed cases 已结), one case waiting too long in 查控, and a case
    opened from a platform judgment when the demo has one. Through the intake services; a second
    run adds nothing."""
    from datetime import timedelta as td

    from django.core.exceptions import ValidationError

    from xiezhi.enforcement import intake
    from xiezhi.enforcement.models import EnforcementFile, EnforcementTeam

    head, enforcer = users["enforce_head"], users["enforcer"]
    teams = {}
    for name, stage in ENFORCEMENT_TEAMS:
        t, _created = EnforcementTeam.objects.get_or_create(court=c, name=name, defaults={"stage": stage,
                                                                                          "leader": enforcer})
        t.members.add(enforcer)
        teams[stage] = t
    made = 0
    cases = Case.objects.filter(court=c, case_type__type_code="执", enforcement__isnull=True).order_by("filed_on", "pk")
    open_targets = ["filing", "search", "disposal", "closing"]
    n_open = 0
    for case in cases:
        effective = case.filed_on - td(days=20)
        window = intake.application_window(effective, case.filed_on)
        fee, basis = intake.enforcement_fee(case.amount)
        EnforcementFile.objects.create(
            case=case, kind="执", basis_kind=EnforcementFile.Basis.PLATFORM,
            basis_number=f"（{effective.year}）豫0222民初{1000 + case.serial}号", basis_title="民事判决书",
            issuing_body=c.name, effective_on=effective, applied_on=case.filed_on, window_end=window.window_end,
            window_basis=list(window.basis), amount=case.amount, fee_assessed=fee, fee_basis=basis,
            stage_since=timezone.now(), team=teams["filing"])
        closed = case.status in ("closed", "archived") or case.closed_on is not None
        target = "closed" if closed else open_targets[n_open % len(open_targets)]
        n_open += 0 if closed else 1
        for stage in intake.STAGE_ORDER[1:intake.STAGE_ORDER.index(target) + 1]:
            intake.move_to_stage(head, case, stage, teams.get(stage) if stage != "closed" else None)
        made += 1
    # every stage shows at least one case: a few applications on outside bases (an arbitration award,
    # a notarised debt instrument) fill the stages the 执 cases above left empty
    outside = [("arbitration", "（{y}）汴仲裁字第{n}号", "开封仲裁委员会"), ("notarial", "（{y}）豫汴通证字第{n}号", "河南省通许县公证处")]
    today = timezone.localdate()
    for i, stage in enumerate(intake.STAGE_ORDER[:-1]):
        key = f"demo-enf-{stage}"
        if EnforcementFile.objects.filter(case__court=c, stage=stage).exists() or EnforcementFile.objects.filter(key=key).exists():
            continue
        kind, number, body = outside[i % 2]
        case = intake.open_from_outside_basis(
            enforcer, c, kind, number.format(y=today.year, n=30 + i), body, today - td(days=40 + 10 * i),
            [{"role": "enf_applicant", "name": COMPANIES[i % len(COMPANIES)], "kind": "legal"},
             {"role": "judgment_debtor", "name": f"{SURNAMES[i]}{GIVEN[i]}{GIVEN[i + 3]}", "kind": "natural"}],
            amount=Decimal(30000 + 12000 * i), applied_on=today - td(days=3 * i), key=key)
        intake.move_to_stage(head, case, "filing", teams["filing"])
        for s in intake.STAGE_ORDER[1:i + 1]:
            intake.move_to_stage(head, case, s, teams[s])
        made += 1
    # one case has waited in 查控 for six weeks: the head's page lists it
    stuck = EnforcementFile.objects.filter(case__court=c, stage="search").order_by("pk").first()
    if stuck is not None and made:
        EnforcementFile.objects.filter(pk=stuck.pk).update(stage_since=timezone.now() - td(days=42))
    source = (Case.objects.filter(court=c, closing__document_kind="judgment", case_type__type_code="民初",
                                  enforcement_files__isnull=True).order_by("pk").first())
    if source is not None and not EnforcementFile.objects.filter(key__startswith="demo-intake-").exists():
        winners = list(source.parties.filter(role="plaintiff").values_list("pk", flat=True))
        losers = list(source.parties.filter(role="defendant").values_list("pk", flat=True))
        try:
            intake.open_from_case(enforcer, source, winners[:1], losers[:1], source.amount or Decimal("30000"),
                                  timezone.localdate(), effective_on=source.closed_on or timezone.localdate(),
                                  key=f"demo-intake-{source.pk}")
            made += 1
        except ValidationError:
            pass  # the demo's judgment is not enforceable yet (e.g. no parties to pick): nothing to show
    return made


def _seed_judgment_draft(judge: User, cases: list[Case]) -> None:
    """The demo judge has a judgment half written (issue 10): the claims and the facts the parties
    stated are in, the reasoning and the operative part are not, so the case page says what is
    missing and the editor opens on real work."""
    from xiezhi.documents import drafts

    for case in cases:
        draft = drafts.start_draft(judge, case, "judgment")
        if draft.revision:
            continue
        claims = [line for line in (case.claims or "").splitlines() if line.strip()] or ["判令被告偿还借款及利息。"]
        sections = {**draft.sections, "claims": claims,
                    "claim_facts": [case.facts or "原告与被告之间存在借贷关系，借款到期后被告未予偿还。"],
                    "defence": ["被告辩称，借款属实，但因经营困难暂无力偿还，请求分期履行。"]}
        drafts.save_draft(judge, draft, sections, draft.revision)


def seed_service(c: Court, users: dict[str, User]) -> int:
    """送达 through the delivery service: the demo lawyer and litigant confirm the portal as their
    address and receive the summons of their hearings there (served on arrival, 在线诉讼规则 第三十一条);
    a defendant's copy of the complaint goes by post and waits for the clerk to record the receipt."""
    from xiezhi.cases.models import Party
    from xiezhi.delivery import services as delivery_services
    from xiezhi.delivery.models import ServedDocument
    from xiezhi.hearings.models import Hearing

    if ServedDocument.objects.filter(case__court=c).exists():
        return 0
    clerk, made = users["clerk"], 0
    for hearing in Hearing.objects.filter(court_id=c.pk, case__parties__user__isnull=False).distinct().order_by("start"):
        case = hearing.case
        case.team.add(clerk)
        recipients = list(Party.objects.filter(case=case, user__isnull=False))
        for p in recipients:
            delivery_services.confirm_addresses(clerk, p, consent_electronic=True, consent_judgments=True, portal=True,
                                                mobile=p.user.phone, postal_address=p.address)
        when = f"{timezone.localtime(hearing.start):%Y年%m月%d日%H时%M分}"
        pdf = _scan_pdf(["传  票", f"案号：{case.number}", f"案由：{case.cause.name if case.cause else ''}",
                         f"应到时间：{when}", f"应到处所：{hearing.courtroom.name}", c.name], seed=hearing.pk)
        made += len(delivery_services.serve(clerk, case, title="传票", kind="summons", file_bytes=pdf,
                                            filename="传票.pdf", parties=recipients, methods=["portal"]))
        defendants = list(Party.objects.filter(case=case, role="defendant", user__isnull=True)[:1])
        if defendants:
            copy = _scan_pdf(["民事起诉状（副本）", f"原告：{case.parties.filter(role='plaintiff').first().name}",
                              f"被告：{defendants[0].name}", case.claims[:30]], seed=case.pk)
            made += len(delivery_services.serve(clerk, case, title="起诉状副本", kind="complaint_copy",
                                                file_bytes=copy, filename="起诉状副本.pdf", parties=defendants,
                                                methods=["postal"]))
    return made


def seed_work(c: Court, users: dict[str, User]) -> dict:
    """Work waiting on today's desks, through the services: a registration from the queue (with its
    fee paid on the portal), an unassigned case with a manual-assignment request for the division
    head, an extension request for the president, a mediator on pre-trial mediation, and an archive
    read request for the trial-management office."""
    from xiezhi.dossier import services as dossier_services
    from xiezhi.dossier.models import AccessRequest
    from xiezhi.filing.models import FilingApplication
    from xiezhi.trial import services as trial_services
    from xiezhi.trial.models import Assignment, ExtensionRequest

    done = {}
    lian, litigant = users["lian"], users["13800000002"]
    # 1. the litigant's application registered today, assigned, the fee paid on the portal
    f = (FilingApplication.objects.filter(court=c, submitted_by=litigant, status="submitted").order_by("pk").first())
    if f is not None and not FilingApplication.objects.filter(court=c, status="registered").exists():
        case = filing_services.register(lian, f, procedure_code="civil_summary")
        case_services.assign_judge(lian, case, users["judge"], reason="随机分案")
        for fee in case.fees.all():
            filing_services.pay_fee(litigant, fee)
        done["registered"] = case
    # 2. a case without a judge: the filing judge asks for 指定分案, the division head decides
    if not Assignment.objects.filter(case__court=c).exists():
        case = _open(c, judge__isnull=True, procedure__case_kind="civil").order_by("pk").first()
        if case is not None:
            done["assignment"] = trial_services.request_manual(lian, case, users["judge2"], "与该法官在办案件系关联案件，"
                                                               "宜由同一法官审理")
    # 3. an ordinary-procedure case near its limit: the judge asks the president for more time
    if not ExtensionRequest.objects.filter(case__court=c).exists():
        today = timezone.localdate()
        for case in _open(c, judge=users["judge"], procedure__limit_code="civil_ordinary",
                          limit_end__gte=today).order_by("limit_end"):
            try:
                done["extension"] = trial_services.request_extension(users["judge"], case, "需要委托审计，案情复杂",
                                                                     months=6)
                break
            except Exception:  # not this case (e.g. already extended): the next one
                continue
    # 4. the mediator's desk: open civil cases sent to pre-trial mediation (诉前调解)
    for case in _open(c, judge=users["judge2"], procedure__case_kind="civil").order_by("filed_on")[:3]:
        case.team.add(users["mediator"])
    # 5. a judge asks to read an archived e-file; the trial-management office approves
    if not AccessRequest.objects.filter(dossier__case__court=c).exists():
        archived = Case.objects.filter(court=c, status=CaseStatus.ARCHIVED, judge=users["judge2"]).order_by("pk").first()
        if archived is not None:
            done["access"] = dossier_services.request_access(users["judge2"], archived, "审理关联案件需查阅原审卷宗")
    return done


DOSSIER_PAGES = {
    "民初": [["民事起诉状", "原告：{p}", "被告：{d}", "诉讼请求：判令被告偿还借款及利息。", "此致", "通许县人民法院"],
             ["证据清单", "一、借条一份，证明借贷关系成立。", "二、银行转账记录，证明款项已经交付。"]],
    "刑初": [["起诉书", "通许县人民检察院", "被告人：{p}", "案由：{c}", "本院审查认为，被告人的行为已构成犯罪。"]],
    "行初": [["行政起诉状", "原告：{p}", "被告：{d}", "诉讼请求：撤销被告作出的行政处罚决定。"]],
    "民特": [["申请书", "申请人：{p}", "申请事项：{c}", "此致", "通许县人民法院"]],
}


def seed_dossiers(c: Court, users: dict[str, User], limit: int = 4) -> int:
    """电子卷宗 of a handful of open cases (one of each kind, the portal users' first): scanned pages
    drawn with Pillow in Noto CJK, filed through the e-file service so catalogue and OCR run as they
    do for a clerk's upload."""
    from django.core.files.base import ContentFile

    from xiezhi.dossier import services as dossier_services
    from xiezhi.dossier.models import Entry

    if Entry.objects.filter(dossier__case__court=c, source__startswith="upload:").exists():
        return 0
    picked, made = [], 0
    for type_code in DOSSIER_PAGES:
        qs = _open(c, case_type__type_code=type_code, judge__isnull=False)
        picked += _user_first(qs)[:1]
    for case in picked[:limit]:
        parties = list(case.parties.order_by("pk"))
        fill = {"p": parties[0].name, "d": parties[1].name if len(parties) > 1 else "",
                "c": case.cause.name if case.cause else ""}
        actor = case.judge
        for n, lines in enumerate(DOSSIER_PAGES[case.case_type.type_code]):
            lines = [line.format(**fill) for line in lines]
            f = ContentFile(_png(lines, seed=case.pk * 10 + n), name=f"scan-{n + 1}.png")
            kind = "complaint" if n == 0 else "evidence"
            dossier_services.upload(actor, case, f, title=lines[0], kind=kind)
            made += 1
    return made


# ---- a case for every form: 普通 (panel with an assessor; sole judge), 简易, 小额, 刑初, 行初 ----------

COURT_ADDRESS = "河南省开封市通许县咸宁路中段88号"
COURT_PHONE = "0371-24961234"
# key -> the case's title (how tests and the README find them)
SHOWCASE = {
    "ordinary_panel": "黄强诉通许县惠民农资有限公司买卖合同纠纷",
    "ordinary_sole": "崔明诉河南中原农商银行股份有限公司通许支行储蓄存款合同纠纷",
    "summary": "宋秀英诉高建国民间借贷纠纷",
    "small_claims": "通许县绿城物业服务有限公司诉邱丽娜物业服务合同纠纷",
    "criminal": "通许县人民检察院指控杜志强犯盗窃罪",
    "administrative": "通许县宏达商贸有限公司诉通许县市场监督管理局罚款",
}


def _person(name, id_number, gender, address, occupation, role, phone=""):
    return {"role": role, "kind": "natural", "name": name, "id_number": id_number, "gender": gender,
            "ethnicity": "汉族", "address": address, "occupation": occupation, "phone": phone}


def _organisation(name, kind, rep, title, address, role, uscc="", phone=""):
    return {"role": role, "kind": kind, "name": name, "id_number": uscc, "legal_representative": rep,
            "representative_title": title, "address": address, "phone": phone}


def _id(birth: date, seq: int) -> str:
    from xiezhi.law.identity import resident_id_check_char

    body = f"410222{birth:%Y%m%d}{seq:03d}"
    return body + resident_id_check_char(body)


def _showcase_slot(calendar, day: date, n: int) -> tuple[datetime, datetime]:
    """An hour at 11:00 on the n-th workday from `day` (the seeded hearings hold 9:00–11:00 and
    14:30–16:30, so the clerk and the lawyer are free)."""
    while True:
        day += timedelta(days=1)
        if not calendar.is_rest_day(day):
            if n == 0:
                start = datetime.combine(day, time(11, 0), _tz())
                return start, start + timedelta(minutes=55)
            n -= 1


def _file_and_register(c, users, key, data, procedure_code, cause_name, kind="civil", type_code="民初"):
    """窗口立案 and 登记立案 through the filing services; the case is titled as SHOWCASE names it."""
    clerk = users["lian"]
    cause = _cause(kind, timezone.localdate(), [cause_name])
    data = {**data, "cause_id": cause.pk if cause else None}
    filing = filing_services.counter_filing(clerk, c, data, type_code=type_code)
    case = filing_services.register(clerk, filing, procedure_code=procedure_code, cause=cause)
    Case.objects.filter(pk=case.pk).update(title=SHOWCASE[key])
    case.title = SHOWCASE[key]
    return case


def seed_showcase(c: Court, users: dict[str, User]) -> dict[str, Case]:
    """One case for each kind of form the platform generates, on real data (issue 10): the court's
    address and telephone; 普通程序 with a panel of two judges and a people's assessor against a
    company (法定代表人 and 职务); 普通程序 before a sole judge against a bank branch (主要负责人);
    简易程序; 小额诉讼 with a hearing not open to the public; 刑初 and 行初. Civil and administrative
    cases come through the counter filing and registration services, so their parties carry what
    the form takes; the criminal case (a prosecution, not a complaint) is imported."""
    from xiezhi.courts.calendar import get_work_calendar
    from xiezhi.courts.models import Courtroom
    from xiezhi.hearings import services as hearing_services
    from xiezhi.trial import services as trial_services

    if not (c.address and c.phone):
        Court.objects.filter(pk=c.pk).update(address=c.address or COURT_ADDRESS, phone=c.phone or COURT_PHONE)
        c.refresh_from_db(fields=["address", "phone"])
    found = showcase(c)
    if found:
        return found
    lian, judge, clerk, assistant = users["lian"], users["judge"], users["clerk"], users["assistant"]
    lawyer = users["13800000001"]
    rooms = {r.name: r for r in Courtroom.objects.filter(court=c)}
    calendar = get_work_calendar(strict=False)
    today = timezone.localdate() + timedelta(days=2)  # summons three days ahead (民事诉讼法 第一百三十九条)
    claims = "1. 判令被告支付货款286000元及逾期付款利息；2. 本案诉讼费用由被告负担。"
    made: dict[str, Case] = {}
    with transaction.atomic():
        # 1. 普通程序, 合议庭: 审判长 张正义, 审判员 李明法, 人民陪审员 (drawn); against a company
        case = _file_and_register(c, users, "ordinary_panel", {
            "parties": [
                _person("黄强", "410222196407213749", "男", "河南省通许县李镇黄庄村", "务农", "plaintiff", "13937801234"),
                _organisation("通许县惠民农资有限公司", "legal", "董桂", "该公司执行董事", "河南省开封市通许县城关镇建设路16号",
                              "defendant")],
            "claims": claims, "facts": "2025年3月至6月，原告向被告供应化肥四批，被告结欠货款286000元，经催要未付。",
            "amount": "286000"}, "civil_ordinary", "买卖合同纠纷")
        from xiezhi.cases.models import Party

        Party.objects.create(case=case, role="agent", kind="natural", name=lawyer.real_name, phone=lawyer.phone,
                             lawyer_licence=lawyer.lawyer_licence, law_firm=lawyer.law_firm, user=lawyer,
                             represents=case.parties.get(name="黄强"))
        case_services.assign_judge(lian, case, judge, reason="随机分案")
        trial_services.form_panel(judge, case, presiding=judge, judges=[users["judge2"]], assessors=1,
                                  seed="showcase-panel")
        made["ordinary_panel"] = case
        # 2. 普通程序, 独任审理 (民事诉讼法 第四十条第二款); against a bank branch: 主要负责人
        case = _file_and_register(c, users, "ordinary_sole", {
            "parties": [
                _person("崔明", _id(date(1978, 11, 5), 17), "男", "河南省通许县关镇崔庄村",
                        "通许县关镇中心小学教师", "plaintiff", "13837805678"),
                _organisation("河南中原农商银行股份有限公司通许支行", "organisation", "汤红霞", "该支行行长",
                              "河南省通许县咸平路126号", "defendant")],
            "claims": "1. 判令被告兑付存款本金80000元及利息；2. 本案诉讼费用由被告负担。",
            "facts": "原告于2024年在被告处存入定期存款80000元，到期后被告以系统故障为由拒绝兑付。",
            "amount": "80000"}, "civil_ordinary_single", "储蓄存款合同纠纷")
        case_services.assign_judge(lian, case, judge, reason="随机分案")
        trial_services.form_panel(judge, case, single_reason="基本事实清楚、权利义务关系明确")
        made["ordinary_sole"] = case
        # 3. 简易程序, natural persons
        case = _file_and_register(c, users, "summary", {
            "parties": [
                _person("宋秀英", _id(date(1969, 4, 12), 28), "女", "河南省通许县城关镇北街", "个体工商户",
                        "plaintiff", "13703781122"),
                _person("高建国", _id(date(1982, 9, 30), 35), "男", "河南省通许县竖岗镇高庄村", "务工", "defendant")],
            "claims": "1. 判令被告偿还借款50000元及利息；2. 本案诉讼费用由被告负担。",
            "facts": "2025年1月被告向原告借款50000元，约定半年归还，到期未还。", "amount": "50000"},
            "civil_summary", "民间借贷纠纷")
        case_services.assign_judge(lian, case, judge, reason="随机分案")
        trial_services.form_panel(judge, case)
        made["summary"] = case
        # 4. 小额诉讼, heard in private (a party's privacy: 民事诉讼法 第一百三十七条)
        case = _file_and_register(c, users, "small_claims", {
            "parties": [
                _organisation("通许县绿城物业服务有限公司", "legal", "邵志刚", "该公司经理", "河南省通许县咸宁路58号",
                              "plaintiff", _uscc("91410222MA44ABCD0"), "13903785566"),
                _person("邱丽娜", _id(date(1990, 2, 14), 46), "女", "河南省通许县城关镇绿城小区3号楼2单元501室",
                        "通许县人民医院护士", "defendant")],
            "claims": "1. 判令被告支付2024年度至2025年度物业费4860元；2. 本案诉讼费用由被告负担。",
            "facts": "被告系绿城小区业主，原告依约提供物业服务，被告拖欠物业费两年。", "amount": "4860",
            }, "civil_small_claims", "物业服务合同纠纷")
        case_services.assign_judge(lian, case, judge, reason="随机分案")
        trial_services.form_panel(judge, case)
        made["small_claims"] = case
        # 5. 行初: a company against the market regulator's fine; panel of a judge and two assessors
        case = _file_and_register(c, users, "administrative", {
            "parties": [
                _organisation("通许县宏达商贸有限公司", "legal", "郭宏达", "该公司总经理", "河南省通许县城关镇中山路8号",
                              "plaintiff", _uscc("91410222MA45EFGH1"), "13503789900"),
                _organisation("通许县市场监督管理局", "legal", "范立新", "该局局长", "河南省通许县咸平路88号",
                              "defendant")],
            "claims": "请求撤销被告作出的通市监罚〔2025〕36号行政处罚决定。",
            "facts": "被告认定原告销售过期食品并处罚款50000元，认定事实不清，适用法律错误。", "amount": ""},
            "admin_ordinary", "罚款", kind="administrative", type_code="行初")
        case_services.assign_judge(lian, case, users["xingzheng"], reason="随机分案")
        trial_services.form_panel(users["xingzheng"], case, assessors=2, seed="showcase-admin")
        made["administrative"] = case
        # 6. 刑初: a public prosecution (imported: it does not come through the complaint form)
        made["criminal"] = _showcase_criminal(c, users)
        trial_services.form_panel(users["xingshi"], made["criminal"], assessors=2, seed="showcase-criminal")
        for key, case in made.items():
            case.team.add(clerk, assistant)
    # hearings: the panel case in public in 第一审判庭, the small claim in private online
    plan = [("ordinary_panel", "第一审判庭", True, "", False), ("ordinary_sole", "第二审判庭", True, "", False),
            ("summary", "第三审判庭", True, "", False), ("small_claims", "小额速裁庭", False, "privacy", True),
            ("administrative", "第四审判庭", True, "", False), ("criminal", "第一审判庭", True, "", False)]
    for n, (key, room, public, reason, online) in enumerate(plan):
        case = made[key]
        case.refresh_from_db()  # the judge was assigned after registration
        start, end = _showcase_slot(calendar, today, n)
        try:
            hearing_services.schedule_hearing(
                case.judge, case, rooms.get(room) or next(iter(rooms.values())), start, end, clerk=clerk,
                public=public, closed_reason=reason,
                closed_note="" if public else "被告申请，涉及其家庭住址及收入等个人隐私", online=online)
        except Exception as exc:  # noqa: BLE001 - a demo hearing that does not fit is simply not made
            logging.getLogger(__name__).warning("showcase hearing for %s not made: %s", key, exc)
            continue
    return made


def _uscc(first17: str) -> str:
    """A unified social credit code with its check character (GB 32100-2015)."""
    from xiezhi.law.identity import uscc_check_char

    return first17 + uscc_check_char(first17)


def _showcase_criminal(c: Court, users) -> Case:
    from django.db.models import Max

    procs = _procs()
    filed = timezone.localdate() - timedelta(days=6)
    counters = {}
    last = Case.objects.filter(court=c, year=filed.year, case_type__type_code="刑初").aggregate(m=Max("serial"))["m"]
    counters[(filed.year, "刑初")] = last or 0
    accused = _person("杜志强", _id(date(1995, 6, 18), 51), "男", "河南省通许县孙营乡杜庄村", "无业", "accused")
    accused.update(id_type="居民身份证")
    victim = _person("姚桂兰", _id(date(1958, 3, 3), 62), "女", "河南省通许县玉皇庙镇", "务农", "victim")
    defender = {"role": "defender", "kind": "natural", "name": "宋律师", "law_firm": "河南通正律师事务所",
                "lawyer_licence": "14101201610654321"}
    s = _Story(c, users, counters, type_code="刑初", filed=filed, proc=procs["criminal_ordinary"],
               cause=_cause("criminal", filed, ["盗窃罪"]), parties=[accused, victim, defender],
               judge=users["xingshi"], assign_on=filed + timedelta(days=1), title=SHOWCASE["criminal"],
               claims="通许县人民检察院以通检刑诉〔2026〕58号起诉书指控被告人杜志强犯盗窃罪，请求依法判处。",
               facts="2026年9月，被告人杜志强三次进入被害人姚桂兰家中，窃取现金及金饰，价值共计人民币12600元。")
    case = s.save(timezone.now() - timedelta(minutes=1))
    case.parties.filter(role="defender").update(represents=case.parties.get(role="accused"))
    return case


def showcase(c: Court) -> dict[str, Case]:
    """The showcase cases by key, when the demo has them."""
    by_title = {case.title: case for case in Case.objects.filter(court=c, title__in=SHOWCASE.values())}
    found = {key: by_title[title] for key, title in SHOWCASE.items() if title in by_title}
    return found if len(found) == len(SHOWCASE) else {}


def seed_all(n_cases: int = 300) -> dict:
    from xiezhi.celery import wait_for_in_process_jobs
    from xiezhi.courts.refdata import load_all

    load_all()
    c = court()
    users = seed_people(c)
    made = seed_cases(c, users, n_cases)
    seed_filings(c, users)
    from .seed_mediation import seed_mediation; seed_mediation(c, users)  # noqa: E702 (issue 12, before the hearings)
    from .seed_crossregion import seed_crossregion; seed_crossregion(c, users)  # noqa: E702 (issue 12 item 4)
    from .seed_confirmation import seed_confirmation; seed_confirmation(c, users)  # noqa: E702 (issue 12: 司法确认)
    from .seed_complaints import seed_complaints; seed_complaints(c, users)  # noqa: E702 (issue 12 items 7–8)
    work = seed_work(c, users)
    hearings = seed_trial(c, users)
    from .seed_entrusted import seed_entrusted; seed_entrusted(c, users)  # noqa: E702 (issue 12 item 2: 委托调解)
    served = seed_service(c, users)
    shown = seed_showcase(c, users)
    seed_money(c, users)
    seed_credit(c, users)  # 失信名单、限制消费、纠正申请 (issue 11 item 5; seed_credit.py)
    seed_enforcement(c, users)
    seed_disposal(c, users)  # 参考价、网络拍卖、分配方案 (issue 11 item 6; seed_disposal.py)
    seed_linkage(c, users)  # 网络查控: searches answered, assets found, frozen, deducted (seed_linkage.py)
    from .seed_parties import seed_parties; seed_parties(c, users)  # noqa: E702 (issue 11 items 4, 11)
    from .seed_assistance import seed_assistance; seed_assistance(c, users)  # noqa: E702 (issue 12 item 6)
    seed_closing(c, users)  # 执行结案、终本及定期查询、个人债务集中清理 (issue 11 items 9–11; seed_closing.py)
    from .seed_servicecentre import seed_servicecentre; seed_servicecentre(c, users)  # noqa: E702 (issue 12 item 5)
    pages = seed_dossiers(c, users)
    wait_for_in_process_jobs()  # OCR of the scanned pages (threads without a worker)
    return {"court": c, "users": users, "cases": made, "hearings": hearings, "served": served, "pages": pages,
            "work": work, "showcase": shown}
