"""执行裁定书 by its kind (《人民法院执行文书样式》2016: 冻结、扣划、查封 / 拍卖 / 终结本次执行程序 / 终结执行 /
不予执行 / 执行异议): the parties as 申请执行人 / 被执行人, the procedure sentence (立案执行, the basis), the
enforcement officer's sections from the editor, 依照…规定，裁定如下：, the effect sentence of each kind
(民事诉讼法 第二百三十六条、第二百六十九条; 终本规定 第九条, 民诉解释 第五百一十七条), the 终本 ruling's searches
and the five conditions (终本规定 第一条), the signers, the date, （院印）, 本件与原本核对无异, 书记员."""
import pytest
from django.core.exceptions import ValidationError
from django.utils.timezone import localdate

from tests.documents.enf_helpers import BASIS, enforcement_case, lines, make, text
from xiezhi.documents.structure import ENF_RULING_TYPES
from xiezhi.law.amounts import date_cn

pytestmark = pytest.mark.django_db

CPL = "《中华人民共和国民事诉讼法》"
DECISION = {
    "control": ["冻结被执行人河南中原建材有限公司在中国工商银行股份有限公司通许支行的存款150000元，冻结期限一年"],
    "auction": ["拍卖被执行人河南中原建材有限公司所有的位于通许县咸平路1号的房产"],
    "zhongben": ["终结本次执行程序"],
    "termination": ["终结本院（2026）豫0222执7001号案件的执行"],
    "no_enforcement": ["对通许仲裁委员会（2026）通仲字第1号裁决书不予执行"],
    "objection_upheld": ["撤销本院对异议人名下账户的冻结措施"],
    "objection_dismissed": ["驳回异议人的异议请求"],
}
BASIS_CITES = {
    "control": [f"{CPL}第二百五十三条"], "auction": [f"{CPL}第二百五十八条"],
    "zhongben": ["《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条"],
    "termination": [f"{CPL}第二百六十八条第一款第六项"], "no_enforcement": [f"{CPL}第二百四十八条第二款"],
    "objection_upheld": [f"{CPL}第二百三十六条"], "objection_dismissed": [f"{CPL}第二百三十六条"],
}
EFFECT = {
    "control": ["本裁定立即执行。"],
    "auction": ["本裁定送达后即发生法律效力。"],
    "zhongben": ["申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行。申请恢复执行不受申请执行时效期间的限制。",
                 "本裁定送达后即发生法律效力。"],
    "termination": ["本裁定送达当事人后立即生效。"],
    "no_enforcement": ["当事人可以根据双方达成的书面仲裁协议重新申请仲裁，也可以向人民法院起诉。", "本裁定送达后即发生法律效力。"],
    "objection_upheld": ["如不服本裁定，可以自本裁定送达之日起十日内，向本院递交复议申请书，向河南省开封市中级人民法院申请复议。"],
    "objection_dismissed": ["如不服本裁定，可以自本裁定送达之日起十日内，向本院递交复议申请书，向河南省开封市中级人民法院申请复议。"],
}
SEARCHES = [{"body": "网络执行查控系统（银行存款）", "result": "查询到被执行人在3家银行的账户，余额合计12.50元"},
            {"body": "通许县不动产登记中心", "result": "未查询到登记在被执行人名下的不动产"}]


def _sections(variant):
    return {"evidence_facts": ["执行中，本院依法向被执行人发出执行通知书、报告财产令。"],
            "reasoning": ["被执行人未履行生效法律文书确定的义务。"], "legal_basis": BASIS_CITES[variant],
            "decision": DECISION[variant]}


@pytest.fixture
def world(court, make_staff, fake_pdf):
    return enforcement_case(court, make_staff)


@pytest.fixture
def objection(court, make_staff, fake_pdf):
    judge = make_staff(["judge"], "enforcement", name="刘异议")
    return {**enforcement_case(court, make_staff, type_code="执异", officer=judge), "officer": judge}


def _world_for(variant, world, objection):
    return objection if variant.startswith("objection") else world


def _extra(variant, world):
    extra = {"basis": BASIS}
    if variant == "zhongben":
        extra.update(searches=SEARCHES, unpaid="150,000.00")
    if variant == "no_enforcement":
        extra["basis_kind"] = "arbitration"
    if variant.startswith("objection"):
        extra.update(objector="河南中原建材有限公司", enforcement_case_number="（2026）豫0222执7001号")
    return extra


@pytest.mark.parametrize("variant", list(ENF_RULING_TYPES))
def test_every_enforcement_ruling(world, objection, variant):
    w = _world_for(variant, world, objection)
    doc, d = make(w, "enf_ruling", _extra(variant, w), variant=variant, sections=_sections(variant))
    ps, t = lines(d), text(d)
    assert ps[:3] == ["河南省通许县人民法院", "执行裁定书", w["case"].number]
    assert ps[3].startswith("申请执行人：黄强，男") and ps[5] == "被执行人：河南中原建材有限公司，住所地河南省通许县咸平路1号。"
    assert ps[6] == "法定代表人：汤红霞，董事长。"
    filed = f"{w['case'].filed_on.year}年{w['case'].filed_on.month}月{w['case'].filed_on.day}日"
    if variant.startswith("objection"):
        assert (f"异议人河南中原建材有限公司不服本院在（2026）豫0222执7001号案件中的执行行为，于{filed}向本院提出书面异议。"
                "本院受理后，依法组成合议庭进行了审查，现已审查终结。") in ps
    else:
        assert (f"申请执行人黄强与被执行人河南中原建材有限公司民间借贷纠纷一案，本院于{filed}立案执行。执行依据为{BASIS}。") in ps
    assert "本院认为，被执行人未履行生效法律文书确定的义务。" in ps
    i = ps.index(f"依照{BASIS_CITES[variant][0]}规定，裁定如下：")
    assert ps[i + 1] == DECISION[variant][0] + "。"
    seal = ps.index("（院印）")
    assert ps[seal - 1] == date_cn(localdate())
    signer = "审判员　　刘异议" if variant.startswith("objection") else "执行员　　陈执行"
    assert ps[seal - 2] == signer
    assert ps[seal + 1:] == ["本件与原本核对无异", "书记员　　赵书记"]
    body = ps[:seal - 2]
    assert body[-len(EFFECT[variant]):] == EFFECT[variant]
    assert "上诉" not in t and "案件受理费" not in t
    assert ("本院通过网络执行查控系统" in t) == (variant == "zhongben")
    assert ("重新申请仲裁" in t) == (variant == "no_enforcement")
    assert doc.recipient == ""


def test_zhongben_lists_the_searches_and_the_five_conditions(world):
    """终本规定 第一条: the ruling records the searches made and their results and the five conditions found."""
    _doc, d = make(world, "enf_ruling", _extra("zhongben", world), variant="zhongben", sections=_sections("zhongben"))
    ps = lines(d)
    i = ps.index("本院通过网络执行查控系统和其他方式对被执行人的财产进行了调查，情况如下：")
    assert ps[i + 1:i + 3] == ["网络执行查控系统（银行存款）：查询到被执行人在3家银行的账户，余额合计12.50元",
                               "通许县不动产登记中心：未查询到登记在被执行人名下的不动产"]
    assert ps[i + 3].endswith("第一条规定的下列条件：")
    assert [p[:3] for p in ps[i + 4:i + 9]] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert "自执行案件立案之日起已超过三个月" in ps[i + 7]
    assert ps[i + 9] == "本案尚未执行到位的金额为150,000.00元。"
    # from the editor alone (no searches passed): the conditions still, the searches in the officer's facts
    _doc, d = make(world, "enf_ruling", {}, variant="zhongben", sections=_sections("zhongben"))
    assert "情况如下：" not in text(d) and "（四）自执行案件立案之日起已超过三个月；" in lines(d)


def test_empty_sections_are_gaps_and_the_ruling_is_signed_off_by_the_officer(world):
    """An empty required section prints its marker and blocks 签发 (documents.gaps); the officer who handles
    the case signs off the complete ruling (services.sign_off: the 承办人)."""
    from xiezhi.documents import services

    doc, d = make(world, "enf_ruling", {"basis": BASIS}, variant="control", sections={})
    assert "【待填写：执行情况和查明的事实】" in text(d) and "【待填写：裁定主文】" in text(d)
    with pytest.raises(ValidationError, match="执行情况和查明的事实"):
        services.sign_off(world["officer"], doc)
    doc, _d = make(world, "enf_ruling", {"basis": BASIS}, variant="control", sections=_sections("control"))
    assert services.sign_off(world["officer"], doc).signed_by == world["officer"]


def test_variant_refusals(world, objection):
    with pytest.raises(ValidationError, match="请选择执行裁定书的类型"):
        make(world, "enf_ruling", {}, variant="", sections={})
    with pytest.raises(ValidationError, match="执行异议裁定只能在执行异议案件"):
        make(world, "enf_ruling", {}, variant="objection_upheld", sections={})
    with pytest.raises(ValidationError, match="执行实施中的裁定只能在执行案件"):
        make(objection, "enf_ruling", {}, variant="control", sections={})
    with pytest.raises(ValidationError, match="只能在执行案件"):
        make(objection, "enf_notice", {})


def test_the_officer_writes_the_ruling_in_the_editor(world):
    """The editor (documents.drafts) opens the 执行裁定书 by its kind for the officer who handles the case."""
    from xiezhi.documents import drafts

    draft = drafts.start_draft(world["officer"], world["case"], "enf_ruling", "zhongben")
    assert drafts.title_of("enf_ruling", "zhongben") == "执行裁定书（终结本次执行程序）"
    assert set(drafts.empty_sections("enf_ruling")) == {"claims", "evidence_facts", "reasoning", "legal_basis",
                                                        "decision"}
    assert draft.variant == "zhongben"


@pytest.mark.parametrize("kind", ["enf_notice", "property_report_order", "consumption_order", "dishonest_decision",
                                  "assist_notice", "enf_ruling"])
def test_every_shipped_enforcement_template_keeps_its_structure_and_passes_the_upload_check(kind):
    """build_enforcement.REQUIRED holds for the shipped .docx, and the upload check (sandbox names, structure)
    accepts it, so a court can upload its edited copy; without its 院印 it is refused, naming it."""
    from xiezhi.documents import services, template_check

    data = (services.SHIPPED / f"{kind}.docx").read_bytes()
    assert template_check.missing(kind, data) == []
    services._check_docx_template(data, kind)
    from tests.documents.test_template_structure import _edited

    with pytest.raises(ValidationError, match="院印"):
        template_check.check_structure(kind, _edited(kind, "（院印）"))


def test_the_officer_works_from_the_case_page(world, client, django_capture_on_commit_callbacks):
    """On the case page the enforcement officer finds the enforcement forms, generates the 执行通知书, opens the
    终本 ruling in the editor and, once it is complete, signs it off (documents:sign_off admits 执行员)."""
    from django.urls import reverse

    from xiezhi.documents.models import DocumentDraft, GeneratedDocument, SignOff

    case = world["case"]
    client.force_login(world["officer"])
    page = client.get(reverse("cases:panel", args=[case.pk, "documents"])).content.decode()
    assert "执行通知书" in page and "执行裁定书" in page and "终结本次执行程序" in page and "民事判决书" not in page
    r = client.post(reverse("documents:generate", args=[case.pk]), {"kind": "enf_notice"})
    assert r.status_code == 302 and GeneratedDocument.objects.filter(case=case, kind="enf_notice").exists()
    r = client.post(reverse("documents:draft_start", args=[case.pk]), {"kind": "enf_ruling", "variant": "zhongben"})
    assert r.status_code == 302
    draft = DocumentDraft.objects.get(case=case, kind="enf_ruling")
    assert client.get(r["Location"]).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        doc, _d = make(world, "enf_ruling", {}, variant="zhongben", sections=_sections("zhongben"))
    r = client.post(reverse("documents:sign_off", args=[doc.pk]))
    assert r.status_code == 302 and SignOff.objects.filter(document=doc, signed_by=world["officer"]).exists()
    assert draft.variant == "zhongben"
