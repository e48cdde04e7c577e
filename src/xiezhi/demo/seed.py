"""Demo court: 通许县人民法院 (豫0222) with its intermediate and high courts, staff in every
role, a lawyer and a litigant on the portal, and a few hundred cases in every state.

Historical cases come in through cases.services.import_case (the legacy-import path);
the filing queue is filled through the real filing services."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.cases import services as case_services
from xiezhi.cases.models import Case
from xiezhi.courts.models import CaseType, Cause, Court, Division, Procedure
from xiezhi.filing import services as filing_services

DEMO_PASSWORD = "Xiezhi@2026"
COURT_CODE = "豫0222"

STAFF = [
    # username, name, roles, division kind
    ("lian", "林立安", ["filing_judge"], "filing"),
    ("judge", "张正义", ["judge"], "civil"),
    ("judge2", "李明法", ["judge"], "civil"),
    ("judge3", "周公允", ["judge"], "tribunal"),
    ("assistant", "王助理", ["assistant"], "civil"),
    ("clerk", "赵书记", ["clerk"], "civil"),
    ("enforcer", "陈执行", ["enforcement"], "enforcement"),
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
CAUSE_MIX = [("民间借贷纠纷", 30), ("买卖合同纠纷", 14), ("离婚纠纷", 12), ("机动车交通事故责任纠纷", 10),
             ("金融借款合同纠纷", 8), ("物业服务合同纠纷", 6), ("房屋租赁合同纠纷", 5), ("信用卡纠纷", 5),
             ("追索劳动报酬纠纷", 4), ("建设工程施工合同纠纷", 3), ("赡养纠纷", 3)]


def _id_number(rng: random.Random, birth: date) -> str:
    from xiezhi.law.identity import resident_id_check_char

    body = f"410222{birth:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + resident_id_check_char(body)


def _name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def court() -> Court:
    return Court.objects.get(case_code=COURT_CODE)


@transaction.atomic
def seed_people(c: Court) -> dict[str, User]:
    from xiezhi.courts.refdata import divisions_for_basic_court

    divisions_for_basic_court(c)
    divs = {d.kind: d for d in Division.objects.filter(court=c)}
    users = {}
    for username, name, roles, div in STAFF:
        u, created = User.objects.get_or_create(username=username, defaults=dict(
            kind=User.Kind.STAFF, real_name=name, court=c, division=divs.get(div), roles=roles,
            is_staff=(username == "admin"), is_superuser=(username == "admin")))
        if created:
            u.set_password(DEMO_PASSWORD)
            u.save()
        users[username] = u
    for phone, name, idn, licence, firm in PUBLIC:
        u, created = User.objects.get_or_create(username=f"p{phone}", defaults=dict(
            kind=User.Kind.PUBLIC, phone=phone, real_name=name, id_number=idn, verified_at=timezone.now(),
            is_lawyer=bool(licence), lawyer_licence=licence, law_firm=firm))
        if created:
            u.set_password(DEMO_PASSWORD)
            u.save()
        users[phone] = u
    return users


def _party(rng, role, company=False):
    if company:
        return dict(role=role, kind="legal", name=rng.choice(COMPANIES), id_type="统一社会信用代码",
                    id_number="", legal_representative=_name(rng), address="河南省开封市通许县")
    birth = date(rng.randint(1955, 2000), rng.randint(1, 12), rng.randint(1, 28))
    return dict(role=role, kind="natural", name=_name(rng), id_type="居民身份证", id_number=_id_number(rng, birth),
                gender=rng.choice("男女"), ethnicity="汉族", address=f"河南省通许县{rng.choice('城关咸平玉皇庙四所楼朱砂孙营大岗李厉庄长智练城竖岗')}镇",
                phone=f"13{rng.randint(100000000, 999999999)}")


def seed_cases(c: Court, users: dict[str, User], n: int = 300, seed: int = 2026) -> int:
    if Case.objects.filter(court=c).exists():
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    min_ct = CaseType.objects.filter(type_code="民初").order_by("-version").first()
    procs = {p.code: p for p in Procedure.objects.all()}
    ordinary = next(p for p in procs.values() if p.limit_code == "civil_ordinary")
    summary = next(p for p in procs.values() if p.limit_code == "civil_summary")
    small = next(p for p in procs.values() if p.limit_code == "civil_small_claims")
    judges = [users["judge"], users["judge2"], users["judge3"], users["head"]]
    lawyer, litigant = users["13800000001"], users["13800000002"]
    names = [name for name, w in CAUSE_MIX for _ in range(w)]
    serials: dict[int, int] = {}
    tz = timezone.get_current_timezone()
    for i in range(n):
        filed = today - timedelta(days=int(rng.triangular(0, 420, 60)))
        if i % 30 == 0:  # some registered in the last day, still waiting for a judge
            filed = today - timedelta(days=rng.randint(0, 1))
        version = filing_services.cause_version_for(filed)
        cause = Cause.objects.filter(kind="civil", version=version, level__gte=3, name=rng.choice(names)).first()
        amount = None if cause and cause.fee_kind in ("divorce",) else Decimal(rng.choice(
            [8000, 15000, 32000, 50000, 86000, 120000, 260000, 580000, 1200000])) + rng.randint(0, 999)
        proc = small if amount and amount < 40000 else (summary if rng.random() < .6 else ordinary)
        serials[filed.year] = serials.get(filed.year, 0) + 1
        at = lambda d, h=9: datetime.combine(d, time(h, rng.randint(0, 59)), tz)  # noqa: E731
        judge = rng.choice(judges)
        parties = [_party(rng, "plaintiff", rng.random() < .25), _party(rng, "defendant", rng.random() < .2)]
        if i % 40 == 0:  # some cases of the demo lawyer and litigant
            parties.append(dict(role="agent", kind="natural", name=lawyer.real_name, phone=lawyer.phone,
                                lawyer_licence=lawyer.lawyer_licence, law_firm=lawyer.law_firm, user=lawyer))
        if i % 55 == 1:
            parties[0].update(name=litigant.real_name, id_number=litigant.id_number, kind="natural", user=litigant)
        events = [("filing_received", at(filed, 8), users["lian"], {"channel": rng.choice(["online", "counter"])}),
                  ("registered", at(filed, 10), users["lian"], {"filed_on": filed.isoformat()}),
                  ("procedure_set", at(filed, 10), users["lian"], {"procedure": proc.name, "limit_code": proc.limit_code}),
                  ("notices_issued", at(filed, 11), users["lian"], {"notices": ["受理通知书", "交纳诉讼费用通知书"]})]
        assigned = filed + timedelta(days=rng.randint(1, 3)) if i % 30 else today + timedelta(days=1)
        if assigned <= today:
            events.append(("organisation_set", at(assigned), users["lian"], {"judge": judge.display_name, "judge_id": judge.pk}))
        age = (today - filed).days
        closed_on = None
        if age > 30 and rng.random() < .12:
            s = filed + timedelta(days=rng.randint(10, 25))
            events.append(("deduction_started", at(s), judge, {"kind": "appraisal", "label": "鉴定期间",
                                                                "start": s.isoformat(), "reason": "委托司法鉴定"}))
            if rng.random() < .7:
                e = s + timedelta(days=rng.randint(10, 40))
                if e < today:
                    events.append(("deduction_ended", at(e), judge, {"kind": "appraisal", "end": e.isoformat()}))
        if proc == ordinary and age > 150 and rng.random() < .3:
            events.append(("extension_approved", at(filed + timedelta(days=160)), users["president"],
                           {"months": 6, "reason": "案情复杂", "approver": users["president"].display_name}))
        close_prob = min(.95, age / 120)
        if age > 20 and rng.random() < close_prob:
            closed_on = min(today - timedelta(days=1), filed + timedelta(days=rng.randint(20, 150)))
            events.append(("closed", at(closed_on, 16), judge, {"method": rng.choice(["判决", "调解", "撤诉"]),
                                                             "on": closed_on.isoformat()}))
            if (today - closed_on).days > 60 and rng.random() < .6:
                events.append(("archived", at(closed_on + timedelta(days=40)), users["clerk"], {}))
        with transaction.atomic():
            case_services.import_case(
                court=c, case_type=min_ct, year=filed.year, serial=serials[filed.year], filed_on=filed, procedure=proc,
                cause=cause, title=f"{parties[0]['name']}诉{parties[1]['name']}{cause.name if cause else ''}",
                amount=amount, claims="1. 判令被告支付款项及利息；2. 本案诉讼费用由被告负担。",
                facts="原告与被告之间存在民事法律关系，被告未依约履行义务，原告多次催要未果，故诉至法院。",
                judge=judge if assigned <= today else None, parties=parties, events=events, closed_on=closed_on)
    # numbers of this year continue after the imported ones; move the counters past them
    return n


def seed_filings(c: Court, users: dict[str, User]) -> None:
    """A few applications waiting in the filing clerk's queue, through the real services."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from xiezhi.filing.models import FilingApplication

    if FilingApplication.objects.filter(court=c).exists():
        return
    lawyer, litigant, clerk = users["13800000001"], users["13800000002"], users["lian"]
    rng = random.Random(7)
    pdf = _demo_pdf()
    for k in range(6):
        applicant = lawyer if k % 2 == 0 else litigant
        f = filing_services.new_draft(applicant, c)
        cause = Cause.objects.filter(kind="civil", version=filing_services.cause_version_for(timezone.localdate()),
                                     level__gte=3, name=rng.choice(["民间借贷纠纷", "买卖合同纠纷", "物业服务合同纠纷"])).first()
        plaintiff = _party(rng, "plaintiff")
        if applicant == litigant:
            plaintiff.update(name=litigant.real_name, id_number=litigant.id_number)
        plaintiff.pop("id_type", None)
        defendant = _party(rng, "defendant")
        defendant.pop("id_type", None)
        data = {"parties": [plaintiff, defendant], "claims": "1. 判令被告偿还借款本金及利息；2. 诉讼费由被告负担。",
                "facts": "被告向原告借款，到期未还。", "amount": str(rng.choice([9000, 45000, 150000])),
                "cause_id": cause.pk if cause else None}
        f = filing_services.save_draft(applicant, f, data)
        if k == 5:
            continue  # left as a draft
        filing_services.add_evidence(applicant, f, SimpleUploadedFile(f"借条{k}.pdf", pdf, "application/pdf"),
                                     kind="evidence", title="借条", purpose="证明借贷关系")
        filing_services.submit(applicant, f)
        if k == 4:
            filing_services.request_correction(clerk, f, ["请补充被告的身份证件复印件。"])


def _demo_pdf() -> bytes:
    """A one-page PDF built in memory (no files shipped)."""
    from pypdf import PdfWriter
    import io

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


ROOMS = [("第一审判庭", "审判楼一楼", False), ("第二审判庭", "审判楼一楼", False), ("第三审判庭", "审判楼二楼", False),
         ("第四审判庭", "审判楼二楼", False), ("科技法庭", "审判楼三楼", True), ("小额速裁庭", "诉讼服务中心", True)]


def seed_trial(c: Court, users: dict[str, User]) -> int:
    """What the trial parts need to be tried in the demo: courtrooms, a pool of people's assessors,
    the clerk and assistant on the demo judge's open cases, and hearings in the coming workdays
    (scheduled through the service, so the conflict check and the parties' notices are real)."""
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
    open_cases = list(Case.objects.filter(court=c, judge=judge, closed_on__isnull=True).order_by("filed_on")[:12])
    for case in open_cases:
        case.team.add(clerk, assistant)
    calendar = get_work_calendar(strict=False)
    tz = timezone.get_current_timezone()
    day, made = timezone.localdate(), 0
    slots = []
    while len(slots) < len(open_cases):
        day += timedelta(days=1)
        if not calendar.is_rest_day(day):
            slots += [datetime.combine(day, time(9, 0), tz), datetime.combine(day, time(14, 30), tz)]
    for n, (case, start) in enumerate(zip(open_cases[:8], slots)):
        try:
            hearing_services.schedule_hearing(judge, case, rooms[n % len(rooms)], start, start + timedelta(hours=2),
                                              clerk=clerk, online=rooms[n % len(rooms)].supports_online)
            made += 1
        except Exception:  # a demo hearing that does not fit is simply not made
            continue
    return made


def seed_all(n_cases: int = 300) -> dict:
    from xiezhi.courts.refdata import load_all

    load_all()
    c = court()
    users = seed_people(c)
    made = seed_cases(c, users, n_cases)
    seed_filings(c, users)
    hearings = seed_trial(c, users)
    return {"court": c, "users": users, "cases": made, "hearings": hearings}
