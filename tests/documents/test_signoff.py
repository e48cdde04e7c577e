"""签发 before the seal (security review F3, F21; issue 9 §6.2).

A final judicial document (判决书、裁定书、调解书) is sealed only after the presiding judge has
signed it off — 司法责任制意见（法发〔2015〕13号）第六条: 独任法官审理案件形成的裁判文书由独任法官直接
签署，合议庭审理的由审判长最后签署 — and, where the court's rules ask (XIEZHI_SIGNOFF_SECOND), the
division head or president. A clerk or judge's assistant seals only what has been signed off. A
filing judge drafts only filing-stage notices. A draft with a 【待填写】 gap is not signed off,
sealed or served."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from xiezhi.documents import services
from xiezhi.documents.models import GeneratedDocument, SignOff

pytestmark = pytest.mark.django_db

FULL = {"findings": "原告与被告签订借款合同，被告到期未还。", "decision": "被告于本判决生效之日起十日内偿还原告借款150000元。",
        "legal_basis": "《中华人民共和国民法典》第六百七十五条", "fee_bearer": "案件受理费由被告负担。"}


@pytest.fixture
def world(case_setup, make_staff, fake_pdf, django_capture_on_commit_callbacks):
    case = case_setup["case"]
    assistant = make_staff(["assistant"], name="赵助理")
    case.team.add(assistant)

    def draft(kind="judgment", actor=None, extra=FULL):
        with django_capture_on_commit_callbacks(execute=True):
            doc = services.generate(actor or case_setup["judge"], case, kind, extra_context=extra)
        doc.refresh_from_db()
        return doc

    return {**case_setup, "assistant": assistant, "draft": draft}


def _client(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.mark.parametrize("kind", ["judgment", "ruling", "mediation"])
@pytest.mark.parametrize("who", ["clerk", "assistant", "judge"])
def test_nobody_seals_an_unsigned_final_document(world, kind, who):
    doc = world["draft"](kind)
    with pytest.raises(ValidationError) as exc:
        services.seal_document(world[who], doc)
    assert "签发" in " ".join(exc.value.messages)
    doc.refresh_from_db()
    assert doc.sealed_at is None


def test_a_clerk_cannot_seal_an_unsigned_judgment_through_the_page(world):
    doc = world["draft"]()
    r = _client(world["clerk"]).post(reverse("documents:seal", args=[doc.pk]), follow=True)
    doc.refresh_from_db()
    assert doc.sealed_at is None
    assert "须经审判长（承办法官）签发后才能加盖印章" in r.content.decode()


def test_the_judge_signs_off_then_the_clerk_seals(world):
    doc = world["draft"]()
    for who in ("clerk", "assistant"):
        with pytest.raises(PermissionDenied):
            services.sign_off(world[who], doc)
    r = _client(world["judge"]).post(reverse("documents:sign_off", args=[doc.pk]))
    assert r.status_code == 302
    so = SignOff.objects.get(document=doc)
    assert so.signed_by == world["judge"] and so.level == "presiding"
    event = world["case"].events.get(code="document_signed_off")
    assert event.actor == world["judge"] and event.payload["document"] == doc.pk and not event.public_to_parties
    with pytest.raises(ValidationError):  # once is enough
        services.sign_off(world["judge"], doc)
    sealed = services.seal_document(world["clerk"], doc)
    assert sealed.sealed_at and sealed.sealed_by == world["clerk"]


def test_with_a_panel_the_presiding_judge_signs_not_the_case_judge(world, make_staff):
    from xiezhi.trial.models import PanelMember

    presiding = make_staff(["judge"], name="审判长甲")
    case = world["case"]
    case.team.add(presiding)
    PanelMember.objects.create(case=case, role="presiding", user=presiding)
    PanelMember.objects.create(case=case, role="judge", user=world["judge"])
    doc = world["draft"]()
    with pytest.raises(PermissionDenied):
        services.sign_off(world["judge"], doc)
    services.sign_off(presiding, doc)
    assert services.signoffs_missing(doc) == []


def test_a_court_that_asks_for_the_division_head_gets_a_second_sign_off(world, make_staff, settings):
    settings.SIGNOFF_SECOND_KINDS = {"judgment": "division_head"}
    from xiezhi.courts.models import Division

    case = world["case"]
    case.division = Division.objects.get(court=case.court, kind="civil")
    case.save(update_fields=["division"])
    other_head = make_staff(["division_head"], "administrative")
    head = make_staff(["division_head"], "civil", name="刘庭长")
    doc = world["draft"]()
    with pytest.raises(PermissionDenied):  # the head cannot sign before the presiding judge
        services.sign_off(head, doc)
    services.sign_off(world["judge"], doc)
    with pytest.raises(ValidationError) as exc:
        services.seal_document(world["clerk"], doc)
    assert "庭长签发" in " ".join(exc.value.messages)
    for who in (world["judge"], other_head, world["clerk"]):
        with pytest.raises(PermissionDenied):
            services.sign_off(who, doc)
    services.sign_off(head, doc)
    assert list(SignOff.objects.filter(document=doc).values_list("level", flat=True).order_by("pk")) == \
        ["presiding", "second"]
    assert services.seal_document(world["clerk"], doc).sealed_at
    # a ruling needs no second sign-off in this court
    ruling = world["draft"]("ruling")
    services.sign_off(world["judge"], ruling)
    assert services.seal_document(world["assistant"], ruling).sealed_at


def test_a_notice_needs_no_sign_off(world):
    doc = world["draft"]("evidence_notice", extra=None)
    with pytest.raises(ValidationError):
        services.sign_off(world["judge"], doc)
    assert services.seal_document(world["clerk"], doc).sealed_at


def test_the_panel_offers_sign_off_to_the_judge_and_seal_only_after(world):
    doc = world["draft"]()
    url = f"/staff/cases/{world['case'].pk}/panels/documents/"
    sign, seal = reverse("documents:sign_off", args=[doc.pk]), reverse("documents:seal", args=[doc.pk])
    clerk_page = _client(world["clerk"]).get(url).content.decode()
    assert sign not in clerk_page and seal not in clerk_page and "待审判长（承办法官）签发" in clerk_page
    judge_page = _client(world["judge"]).get(url).content.decode()
    assert sign in judge_page and seal not in judge_page
    services.sign_off(world["judge"], doc)
    clerk_page = _client(world["clerk"]).get(url).content.decode()
    assert seal in clerk_page and sign not in clerk_page and "李审判" in clerk_page


# ---- the filing judge (立案法官) -------------------------------------------------------------

def test_a_filing_judge_drafts_only_filing_stage_notices(world):
    filer = world["filer"]
    for kind in ("acceptance_notice", "response_notice", "evidence_notice"):
        assert world["draft"](kind, actor=filer, extra=None).created_by == filer
    for kind in ("judgment", "ruling", "summons", "mediation"):
        with pytest.raises(PermissionDenied):
            services.generate(filer, world["case"], kind, extra_context=FULL)
    before = GeneratedDocument.objects.count()
    r = _client(filer).post(reverse("documents:generate", args=[world["case"].pk]), {"kind": "judgment"})
    assert r.status_code == 403 and GeneratedDocument.objects.count() == before
    page = _client(filer).get(f"/staff/cases/{world['case'].pk}/panels/documents/").content.decode()
    assert 'value="acceptance_notice"' in page and 'value="judgment"' not in page


# ---- 【待填写】 -------------------------------------------------------------------------------

def test_a_draft_with_gaps_is_not_signed_off_sealed_or_served(world):
    doc = world["draft"](extra={"findings": "已查明。"})  # decision, legal basis and fee bearer left open
    assert doc.gaps >= 3
    with pytest.raises(ValidationError) as exc:
        services.sign_off(world["judge"], doc)
    assert "待填写" in exc.value.messages[0]
    notice = world["draft"]("summons", extra=None)  # no hearing time or place
    assert notice.gaps == 2
    with pytest.raises(ValidationError) as exc:
        services.seal_document(world["clerk"], notice)
    assert "还有 2 处“【待填写】”，不能签章" in exc.value.messages[0]
    with pytest.raises(ValidationError) as exc:
        services.paper_to_serve(notice)
    assert "不能送达" in exc.value.messages[0]
    # through the serve page: nothing is served, the clerk reads why
    from xiezhi.delivery.models import ServedDocument

    party = world["case"].parties.get(role="plaintiff")
    r = _client(world["clerk"]).post(reverse("delivery:serve", args=[world["case"].pk]),
                                     {"generated": notice.pk, "parties": [party.pk], "methods": ["paper"]})
    assert ServedDocument.objects.count() == 0
    assert "不能送达" in r.content.decode()


def test_a_judgment_written_in_the_editor_has_no_gaps(world, django_capture_on_commit_callbacks):
    """The judge's documents are written in the editor (documents.drafts); generated from a complete
    draft they have no 【待填写】 and can be signed off."""
    from xiezhi.documents import drafts

    d = drafts.start_draft(world["judge"], world["case"], "judgment")
    drafts.save_draft(world["judge"], d, {
        "claims": ["判令被告偿还借款150000元。"], "claim_facts": ["被告到期未还。"], "defence": ["被告未作答辩。"],
        "evidence_facts": [FULL["findings"]], "reasoning": ["合法的借贷关系受法律保护。"],
        "legal_basis": [FULL["legal_basis"]], "decision": [FULL["decision"]], "fee_burden": "被告负担"}, None)
    with django_capture_on_commit_callbacks(execute=True):
        r = _client(world["judge"]).post(reverse("documents:draft_generate", args=[d.pk]))
    assert r.status_code == 302
    doc = GeneratedDocument.objects.get(kind="judgment")
    assert doc.gaps == 0 and doc.gap_sections == []
    services.sign_off(world["judge"], doc)
