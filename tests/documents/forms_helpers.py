"""Cases for the form tests (test_form_*.py): a civil case registered at the counter in the procedure
asked for, with a natural-person plaintiff and her lawyer, a bank branch as defendant, a 案由, a judge
and a clerk; its trial organisation formed and a hearing held through the trial and hearing services;
criminal and administrative cases made directly (their filing is not the counter's)."""
import io
from datetime import timedelta

from django.utils import timezone
from docx import Document

from tests.helpers import valid_id

PLAINTIFF_ID = valid_id(7)  # 41022219850315007X-like: born 1985-03-15


def civil_case(court, make_staff, procedure_code="civil_ordinary", amount="150000", defendant_kind="legal",
               defendant_name="河南中原农商银行股份有限公司通许支行"):
    from xiezhi.cases.models import Party
    from xiezhi.cases.services import assign_judge
    from xiezhi.courts.models import Cause
    from xiezhi.filing import services as fs

    filer = make_staff(["filing_judge"], "filing")
    judge = make_staff(["judge"], name="张正义")
    clerk = make_staff(["clerk"], name="赵书记")
    data = {
        "parties": [
            {"role": "plaintiff", "kind": "natural", "name": "黄强", "id_number": PLAINTIFF_ID, "gender": "男",
             "ethnicity": "汉族", "phone": "13912345678", "address": "河南省通许县城关镇李庄村"},
            {"role": "defendant", "kind": defendant_kind, "name": defendant_name,
             "address": "河南省通许县咸平路1号", "legal_representative": "汤红霞"},
        ],
        "claims": "1．判令被告偿还借款150000元；2．诉讼费由被告负担。",
        "facts": "被告向原告借款，到期未还。",
        "amount": amount,
    }
    cause = Cause.objects.filter(kind="civil", name="民间借贷纠纷").order_by("-version").first()
    case = fs.register(filer, fs.counter_filing(filer, court, data), procedure_code=procedure_code, cause=cause)
    assign_judge(filer, case, judge)
    case.refresh_from_db()
    case.team.add(clerk)
    plaintiff = case.parties.get(role="plaintiff")
    plaintiff.occupation = "农民"
    plaintiff.save(update_fields=["occupation"])
    defendant = case.parties.get(role="defendant")
    defendant.representative_title = "行长"
    defendant.save(update_fields=["representative_title"])
    Party.objects.create(case=case, role="agent", name="何某", law_firm="河南通正律师事务所", represents=plaintiff)
    Party.objects.create(case=case, role="agent", name="李某", law_firm="河南开源律师事务所", represents=defendant)
    return {"case": case, "judge": judge, "clerk": clerk, "filer": filer, "make_staff": make_staff}


def form_panel(world, *, assessor=False, sole_reason=""):
    """合议庭: 审判长 the judge, 审判员 a second judge, 人民陪审员 one drawn — or a sole judge."""
    from xiezhi.trial import services as ts
    from xiezhi.trial.models import Assessor

    case, judge = world["case"], world["judge"]
    if sole_reason or case.procedure.code in ("civil_summary", "civil_small_claims"):
        return ts.form_panel(judge, case, single_reason=sole_reason)
    second = world["make_staff"](["judge"], name="李明法")
    if assessor:
        Assessor.objects.create(court=case.court, name="冯丽")
        return ts.form_panel(judge, case, judges=[second], assessors=1, seed="x")
    third = world["make_staff"](["judge"], name="王公正")
    return ts.form_panel(judge, case, judges=[second, third])


def hold_hearing(world, *, public=True, closed_reason=""):
    from xiezhi.courts.models import Courtroom
    from xiezhi.hearings import services as hs

    case = world["case"]
    room = Courtroom.objects.get_or_create(court=case.court, name="第一审判庭", defaults={"location": "二楼"})[0]
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=3)
    h = hs.schedule_hearing(world["judge"], case, room, start, start + timedelta(hours=1), clerk=world["clerk"],
                            public=public, closed_reason=closed_reason)
    return hs.mark_held(world["clerk"], h)


def generate(world, kind, sections=None, variant="", extra=None):
    from xiezhi.documents import services

    doc = services.generate(world["judge"], world["case"], kind, sections=sections, variant=variant,
                            extra_context=extra)
    with doc.docx.open("rb") as f:
        return Document(io.BytesIO(f.read()))


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def text(document) -> str:
    return "\n".join(paragraphs(document))


def para(document, startswith):
    """The one paragraph that starts with `startswith`."""
    found = [p for p in document.paragraphs if p.text.startswith(startswith)]
    assert len(found) == 1, (startswith, [p.text for p in document.paragraphs])
    return found[0]


def after(document, marker) -> list[str]:
    """The paragraphs after the one starting with `marker`."""
    ps = paragraphs(document)
    i = next(i for i, t in enumerate(ps) if t.startswith(marker))
    return ps[i + 1:]


def other_case(court, make_staff, type_code, procedure_code, cause_kind, cause_name, parties):
    """A criminal or administrative case made directly, with its judge and clerk."""
    from xiezhi.cases.models import Case, Party
    from xiezhi.courts import refcache
    from xiezhi.courts.models import Cause, Procedure

    judge = make_staff(["judge"], "criminal" if type_code == "刑初" else "administrative", name="刘法官")
    clerk = make_staff(["clerk"], name="周书记")
    today = timezone.localdate()
    n = Case.objects.filter(court=court).count() + 900
    case = Case.objects.create(
        court=court, case_type=refcache.case_type(type_code), number=f"（{today.year}）豫0222{type_code}{n}号",
        year=today.year, serial=n, cause=Cause.objects.filter(kind=cause_kind, name=cause_name).first(),
        procedure=Procedure.objects.get(code=procedure_code), judge=judge, filed_on=today)
    case.team.add(clerk)
    made = {}
    for p in parties:
        p = dict(p)
        rep = p.pop("represents", None)
        made[p["name"]] = Party.objects.create(case=case, represents=made.get(rep), **p)
    return {"case": case, "judge": judge, "clerk": clerk, "make_staff": make_staff}
