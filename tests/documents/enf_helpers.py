"""An enforcement case for the enforcement form tests (test_form_enf_*.py), built like the demo's: a 执
case of the enforcement division handled by an enforcement officer (执行员), a natural-person applicant
with her lawyer, a 书记员 on the team, an organisation as debtor with its legal representative, the 案由 and the amount."""
import io
import itertools

from django.utils import timezone
from docx import Document

from tests.helpers import valid_id

_n = itertools.count(1)
BASIS = "本院（2026）豫0222民初12号民事判决书"


def enforcement_case(court, make_staff, type_code="执", debtor_kind="legal", debtor_id="", officer=None):
    from xiezhi.cases.models import Case, Party
    from xiezhi.courts import refcache
    from xiezhi.courts.models import Cause, Division

    officer = officer or make_staff(["enforcement"], "enforcement", name="陈执行")
    n = 7000 + next(_n)
    today = timezone.localdate()
    case = Case.objects.create(
        court=court, case_type=refcache.case_type(type_code), number=f"（{today.year}）豫0222{type_code}{n}号",
        year=today.year, serial=n, filed_on=today, title="黄强与河南中原建材有限公司民间借贷纠纷执行案",
        judge=officer, division=Division.objects.filter(court=court, kind="enforcement").first(), amount="150000",
        cause=Cause.objects.filter(kind="civil", name="民间借贷纠纷").order_by("-version").first())
    applicant = Party.objects.create(case=case, role="enf_applicant", kind="natural", name="黄强",
                                     id_number=valid_id(7), gender="男", ethnicity="汉族",
                                     address="河南省通许县城关镇李庄村")
    if debtor_kind == "natural":
        debtor = Party.objects.create(case=case, role="judgment_debtor", kind="natural", name="崔明",
                                      id_number=debtor_id or valid_id(8), gender="男", address="河南省通许县咸平路9号")
    else:
        debtor = Party.objects.create(case=case, role="judgment_debtor", kind=debtor_kind, name="河南中原建材有限公司",
                                      id_number="91410222MA0000000X", address="河南省通许县咸平路1号",
                                      legal_representative="汤红霞", representative_title="董事长")
    Party.objects.create(case=case, role="agent", name="何某", law_firm="河南通正律师事务所", represents=applicant)
    case.team.add(make_staff(["clerk"], "enforcement", name="赵书记"))  # the 书记员 who signs under the ruling
    case.refresh_from_db()  # the amount as the database gives it back (Decimal)
    return {"case": case, "officer": officer, "applicant": applicant, "debtor": debtor, "make_staff": make_staff}


def make(world, kind, extra=None, recipient="", variant="", sections=None, actor=None):
    from xiezhi.documents import services

    doc = services.generate(actor or world["officer"], world["case"], kind, extra_context=extra, recipient=recipient,
                            variant=variant, sections=sections)
    with doc.docx.open("rb") as f:
        return doc, Document(io.BytesIO(f.read()))


def lines(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def text(document) -> str:
    return "\n".join(lines(document))
