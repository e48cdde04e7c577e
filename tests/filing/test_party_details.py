"""The filing forms take what every form's party listing prints (issue 10 §2; 民事诉讼法 第一百二十二条
第（一）项; 民事裁判文书制作规范 三、(二)): a natural person's 工作单位和职务或者职业, and for an
organisation its 法定代表人 (法人) or 主要负责人 (非法人组织, such as a bank branch: 民事诉讼法 第五十一条
第二款, 民诉解释 第五十二条) with that person's 职务. They reach the Party at registration, and the
never-lose-a-word drafts keep them."""
import pytest
from django.test import Client

from tests.helpers import valid_id
from xiezhi.filing import services as fs
from xiezhi.filing.models import FilingApplication

pytestmark = pytest.mark.django_db


def _post(**extra):
    data = {"party_count": "4",
            "parties-0-role": "plaintiff", "parties-0-kind": "natural", "parties-0-name": "黄强",
            "parties-0-id_number": valid_id(21), "parties-0-phone": "13912345678",
            "parties-0-address": "河南省通许县李镇", "parties-0-occupation": "通许县惠民农资有限公司职员",
            "parties-1-role": "defendant", "parties-1-kind": "legal", "parties-1-name": "通许县惠民农资有限公司",
            "parties-1-address": "河南省开封市通许县", "parties-1-legal_representative": "董桂",
            "parties-1-representative_title": "该公司执行董事",
            "parties-2-role": "defendant", "parties-2-kind": "organisation",
            "parties-2-name": "河南中原农商银行股份有限公司通许支行", "parties-2-address": "河南省通许县咸平路",
            "parties-2-legal_representative": "汤红霞", "parties-2-representative_title": "该支行行长",
            # a natural person's card still holds a 职务 typed before its kind was changed: not kept
            "parties-3-role": "third_party", "parties-3-kind": "natural", "parties-3-name": "崔明",
            "parties-3-address": "河南省通许县关镇", "parties-3-representative_title": "经理",
            "claims": "返还货款三万元", "facts": "被告收货后未付款。", "amount": "30000"}
    data.update(extra)
    return data


def test_the_counter_form_saves_occupation_and_the_representatives_position_onto_the_parties(make_staff, court):
    clerk = make_staff(["filing_judge"], "filing")
    c = Client()
    c.force_login(clerk)
    assert c.post("/staff/filings/new/", _post()).status_code == 302
    f = FilingApplication.objects.get(submitted_by=clerk)
    assert f.data["parties"][0]["occupation"] == "通许县惠民农资有限公司职员"
    # the filing judge reviewing the complaint sees them
    review = c.get(f"/staff/filings/{f.pk}/").content.decode()
    assert "通许县惠民农资有限公司职员" in review and "法定代表人 董桂 该公司执行董事" in review
    assert "主要负责人 汤红霞 该支行行长" in review
    case = fs.register(clerk, f, procedure_code="civil_ordinary")
    person = case.parties.get(name="黄强")
    company = case.parties.get(name="通许县惠民农资有限公司")
    branch = case.parties.get(name="河南中原农商银行股份有限公司通许支行")
    assert person.occupation == "通许县惠民农资有限公司职员" and person.representative_title == ""
    assert (company.kind, company.legal_representative, company.representative_title) == \
        ("legal", "董桂", "该公司执行董事")
    assert (branch.kind, branch.legal_representative, branch.representative_title) == \
        ("organisation", "汤红霞", "该支行行长")
    assert company.occupation == "" and case.parties.get(name="崔明").representative_title == ""


def test_the_form_names_the_representative_by_the_kind_of_organisation(make_staff, court):
    """法人: 法定代表人; 非法人组织 (a branch, a partnership): 主要负责人; a natural person: occupation."""
    clerk = make_staff(["filing_judge"], "filing")
    c = Client()
    c.force_login(clerk)
    # a failed post redraws the form with what was typed (no claims: refused)
    html = c.post("/staff/filings/new/", _post(claims="")).content.decode()
    card = html.split('class="party-card"')
    legal, organisation, natural = card[2], card[3], card[1]
    assert ">法定代表人</label>" in legal and 'value="该公司执行董事"' in legal
    assert ">主要负责人</label>" in organisation and 'value="该支行行长"' in organisation
    assert "工作单位和职务或者职业" in natural and 'value="通许县惠民农资有限公司职员"' in natural
    # the fields of the other kind are hidden, not dropped (the script shows them when the kind changes)
    assert 'data-for-kind="natural" hidden' in legal and 'data-for-kind="legal organisation" hidden' in natural
    assert "xiezhi/filing/party.js" in html


def test_the_portal_draft_keeps_the_new_fields_through_autosave_and_the_plain_form(make_public, court):
    user = make_public()
    c = Client()
    c.force_login(user)
    c.post("/portal/filings/new/")
    f = FilingApplication.objects.get(submitted_by=user)
    data = {"parties": [
        {"role": "plaintiff", "kind": "natural", "name": user.real_name, "id_number": user.id_number,
         "phone": user.phone, "occupation": "个体工商户"},
        {"role": "defendant", "kind": "organisation", "name": "某某合伙企业", "legal_representative": "王某",
         "representative_title": "执行事务合伙人"}], "claims": "x"}
    r = c.post(f"/portal/filings/{f.pk}/autosave/", {"revision": 0, "data": data}, content_type="application/json")
    assert r.status_code == 200
    f.refresh_from_db()
    assert f.data["parties"][0]["occupation"] == "个体工商户"
    assert f.data["parties"][1]["representative_title"] == "执行事务合伙人"
    html = c.get(f"/portal/filings/{f.pk}/").content.decode()
    assert 'value="个体工商户"' in html and 'value="执行事务合伙人"' in html and ">主要负责人</label>" in html
    # the form without its script: a plain post keeps them too
    post = _post(revision=str(f.draft_revision), action="save", **{"parties-0-name": user.real_name, "parties-0-id_number": user.id_number})
    c.post(f"/portal/filings/{f.pk}/", post)
    f.refresh_from_db()
    assert f.data["parties"][1]["representative_title"] == "该公司执行董事"
    assert f.data["parties"][0]["occupation"] == "通许县惠民农资有限公司职员"


def test_an_overlong_position_is_refused_with_a_sentence(make_staff, court):
    clerk = make_staff(["filing_judge"], "filing")
    c = Client()
    c.force_login(clerk)
    r = c.post("/staff/filings/new/", _post(**{"parties-1-representative_title": "董" * 101}))
    assert r.status_code == 400 and "职务不能超过100个字" in r.content.decode()
    assert not FilingApplication.objects.filter(submitted_by=clerk).exists()
