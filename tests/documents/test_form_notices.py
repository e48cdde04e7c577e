"""Every notice as the 2016 styles lay it out (最高人民法院《民事诉讼文书样式》, 法〔2016〕221号), generated through
services.generate for a registered case of 河南省通许县人民法院, element by element: the title block with the
province, the addressee (你 / 你单位, an agent as an agent), the body with its article and period, the contact
lines, the date in Chinese numerals and （院印）. The forms are cited in each test."""
import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.timezone import localdate
from docx import Document

from tests.helpers import complaint
from xiezhi.cases.models import Party
from xiezhi.documents import services
from xiezhi.law.amounts import date_cn

pytestmark = pytest.mark.django_db

ADDRESS = "河南省开封市通许县咸平大道88号"
PHONE = "0371-24961234"


def LOAN():
    from xiezhi.courts.models import Cause

    return Cause.objects.filter(kind="civil", name="民间借贷纠纷").first()
NOTICES = ["acceptance_notice", "response_notice", "evidence_notice", "summons", "service_receipt", "fee_notice",
           "rights_notice"]
TITLES = {"acceptance_notice": "受理案件通知书", "response_notice": "应诉通知书", "evidence_notice": "举证通知书",
          "summons": "传　　票", "service_receipt": "送达回证", "fee_notice": "交纳诉讼费用通知书",
          "rights_notice": "诉讼权利义务告知书", "panel_notice": "合议庭组成人员通知书",
          "small_claims_notice": "小额诉讼程序告知书", "appearance_notice": "出庭通知书"}


def lines(doc) -> list[str]:
    """The text in reading order: paragraphs, and each table row as "label｜value"."""
    with doc.docx.open("rb") as f:
        d = Document(io.BytesIO(f.read()))
    out = []
    for block in d.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for tr in block.iter():
                if tr.tag.endswith("}tr"):
                    cells = ["\n".join("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                                       for p in tc.iter() if p.tag.endswith("}p"))
                             for tc in tr if tc.tag.endswith("}tc")]
                    out.append("｜".join(cells))
    return out


def text(doc) -> str:
    return "\n".join(lines(doc))


@pytest.fixture
def world(case_setup, fake_pdf):
    case = case_setup["case"]
    court = case.court
    court.address, court.phone = ADDRESS, PHONE
    court.save(update_fields=["address", "phone"])
    case.cause = LOAN()
    case.save(update_fields=["cause"])

    def make(kind, recipient="", extra=None, case_=None, actor=None):
        return services.generate(actor or case_setup["judge"], case_ or case, kind, recipient=recipient,
                                 extra_context=extra)

    return {**case_setup, "make": make}


def _case(world, procedure_code, amount="150000", defendant_kind="natural"):
    from xiezhi.filing import services as fs

    data = complaint(plaintiff_name="黄强", amount=amount)
    if defendant_kind != "natural":
        data["parties"][1].update(kind=defendant_kind, name="通许县惠民农资有限公司", legal_representative="董桂")
    case = fs.register(world["filer"], fs.counter_filing(world["filer"], world["case"].court, data),
                       procedure_code=procedure_code, cause=LOAN())
    case.judge = world["judge"]
    case.save(update_fields=["judge"])
    case.team.add(world["clerk"])
    return case


# ---- every notice: title block, date, seal, contact lines --------------------------------------

@pytest.mark.parametrize("kind", NOTICES)
def test_title_block_names_the_court_with_its_province(world, kind):
    """规范 一、(一): 法院名称 with the province (河南省通许县人民法院, as on the seal), then the form's title,
    then the case number (the 传票 carries it in its table, once)."""
    doc = world["make"](kind)
    ls = lines(doc)
    assert ls[0] == "河南省通许县人民法院"
    assert ls[1] == TITLES[kind]
    number = world["case"].number
    if kind == "summons":
        assert ls[2] == f"案号｜{number}" and text(doc).count(number) == 1
    else:
        assert ls[2] == number


@pytest.mark.parametrize("kind", NOTICES)
def test_foot_has_the_court_the_date_in_chinese_numerals_and_the_seal(world, kind):
    """The foot of a notice: the court's full name, the date in Chinese numerals (二〇二六年十二月三日) and
    （院印）; a 送达回证 is a receipt: no seal line and no contact lines."""
    ls = lines(world["make"](kind))
    today = date_cn(localdate())
    i = ls.index(today)
    assert ls[i - 1] == "河南省通许县人民法院"
    assert "〇" in today or "十" in today
    if kind == "service_receipt":
        assert "（院印）" not in ls and not any(x.startswith("联系") for x in ls)
    else:
        assert ls[i + 1] == "（院印）"


@pytest.mark.parametrize("kind", [k for k in NOTICES if k != "service_receipt"])
def test_contact_lines_give_the_court_address_telephone_and_contact(world, kind):
    """Every notice ends with 联系人、联系电话、本院地址 (review X9): the clerk as contact, the court's
    telephone and address from the court's settings."""
    ls = lines(world["make"](kind))
    assert "联系人：王书记" in ls
    assert f"联系电话：{PHONE}" in ls
    assert f"本院地址：{ADDRESS}" in ls


def test_an_empty_contact_value_leaves_its_line_out(world):
    """Never "联系电话：" with nothing after it: an unknown telephone or address is not printed."""
    court = world["case"].court
    court.address, court.phone = "", ""
    court.save(update_fields=["address", "phone"])
    t = text(world["make"]("acceptance_notice"))
    assert "联系电话" not in t and "本院地址" not in t
    assert "联系人：王书记" in t


# ---- addressing ----------------------------------------------------------------------------------

def test_a_natural_person_is_addressed_as_you(world):
    """受理案件通知书: "张三丰：" / "你诉被告乙……一案的起诉状已收到" — 你 for a natural person (review X8)."""
    t = text(world["make"]("acceptance_notice"))
    assert "张三丰：" in t
    assert "你诉被告乙" in t and "你（单位）" not in t


def test_an_organisation_is_addressed_as_your_unit(world):
    """应诉通知书 to a company: "你单位" (Party.kind legal), never "你（单位）"."""
    case = _case(world, "civil_ordinary", defendant_kind="legal")
    t = text(world["make"]("response_notice", recipient="通许县惠民农资有限公司", case_=case))
    assert "通许县惠民农资有限公司：" in t
    assert "本院已受理黄强诉你单位" in t and "你单位应当在收到起诉状副本之日起十五日内" in t
    assert "你（单位）" not in t


def test_an_agent_chosen_is_addressed_as_the_agent(world):
    """Choosing the plaintiff's lawyer addresses the notice to the lawyer, as the plaintiff's agent —
    never silently to the plaintiff (review X10)."""
    doc = world["make"]("acceptance_notice", recipient="何律师")
    t = text(doc)
    assert "何律师（张三丰的委托诉讼代理人）：" in t
    assert "你的委托人张三丰诉被告乙" in t
    assert "张三丰：" not in t
    assert doc.recipient == "何律师"


def test_an_unknown_recipient_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        world["make"]("acceptance_notice", recipient="不存在的人")
    assert "不存在的人" in exc.value.messages[0] and "不是本案的当事人" in exc.value.messages[0]


def test_a_notice_for_the_other_side_is_refused(world):
    """受理案件通知书 and 交纳诉讼费用通知书 go to the plaintiff's side, 应诉通知书 to the defendant's."""
    with pytest.raises(ValidationError, match="应诉通知书应当发给被告"):
        world["make"]("response_notice", recipient="张三丰")
    with pytest.raises(ValidationError, match="受理案件通知书应当发给原告"):
        world["make"]("acceptance_notice", recipient="被告乙")


def test_the_default_addressee_follows_the_form(world):
    """No name chosen: the acceptance notice goes to the plaintiff, the response notice to the defendant."""
    assert world["make"]("acceptance_notice").recipient == "张三丰"
    assert world["make"]("response_notice").recipient == "被告乙"


# ---- 受理案件通知书 --------------------------------------------------------------------------------

def test_acceptance_notice(world, settings):
    """受理案件通知书 (2016): acceptance, case number and procedure; the fee within seven days from the day
    after receipt (诉讼费用交纳办法 第二十二条), with how to pay, and the consequence (民诉解释 第二百一十三条);
    rights and duties (民事诉讼法 第一百二十九条); judge and clerk."""
    settings.FEE_PAYMENT_TEXT = "请汇入本院账户：中国农业银行通许县支行，账号16-123456789。"
    t = text(world["make"]("acceptance_notice"))
    case = world["case"]
    assert f"经审查，起诉符合法定受理条件，本院决定立案审理，案号为{case.number}，适用简易程序审理。" in t
    assert "依照《诉讼费用交纳办法》第二十二条的规定，你应当自收到本通知书次日起七日内向本院预交案件受理费1,650.00元（人民币壹仟陆佰伍拾元整）。" in t
    assert "中国农业银行通许县支行，账号16-123456789。" in t
    assert "第二百一十三条的规定裁定按撤诉处理" in t
    assert "《中华人民共和国民事诉讼法》第一百二十九条" in t
    assert "本案承办法官：李审判；书记员：王书记。" in t
    assert "一审终审" not in t


def test_acceptance_notice_in_small_claims_says_final(world):
    """小额诉讼: the parties are told the first instance is final (民事诉讼法 第一百六十五条; 民诉解释 第二百七十四条)."""
    case = _case(world, "civil_small_claims", amount="8000")
    t = text(world["make"]("acceptance_notice", case_=case))
    assert "适用小额诉讼程序审理，实行一审终审。" in t
    assert "小额诉讼程序告知书" in t


# ---- 应诉通知书 ------------------------------------------------------------------------------------

def test_response_notice(world):
    """应诉通知书 (2016): 民事诉讼法 第一百二十八条 (copy of the complaint, defence within fifteen days),
    第一百二十九条 (rights), 第一百三十条 (jurisdiction objection in the defence period), agents 一至二人."""
    t = text(world["make"]("response_notice"))
    assert "被告乙：" in t
    assert f"本院已受理张三丰诉你民间借贷纠纷一案，案号为{world['case'].number}，适用简易程序审理。" in t
    assert "《中华人民共和国民事诉讼法》第一百二十八条、第一百二十九条的规定，现随本通知书发送起诉状副本一份" in t
    assert "你应当在收到起诉状副本之日起十五日内向本院提交答辩状" in t
    assert "对本院管辖权有异议的，应当在提交答辩状期间提出。" in t
    assert "委托一至二人作为诉讼代理人" in t


# ---- 举证通知书 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("code, period, article", [
    ("civil_ordinary", "十五日", "第九十九条"),             # 不得少于十五日
    ("civil_summary", "十五日", "第二百六十六条"),          # 不得超过十五日
    ("civil_small_claims", "七日", "第二百七十五条"),       # 一般不超过七日 (review: 十五日 broke it)
])
def test_evidence_notice_period_by_procedure(world, code, period, article):
    """举证通知书 (2016): 民事诉讼法 第六十七条、第六十八条 and the evidence period of the procedure
    (民诉解释 第九十九条 / 第二百六十六条 / 第二百七十五条), the late-evidence consequence (第六十八条第二款)."""
    case = _case(world, code, amount="8000" if code == "civil_small_claims" else "150000")
    t = text(world["make"]("evidence_notice", case_=case))
    assert f"本院受理原告黄强诉被告被告乙{case.cause.name}一案，案号为{case.number}。" in t
    assert "（（" not in t
    assert "第六十七条、第六十八条" in t
    assert f"《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》{article}" in t
    assert f"本案举证期限为{period}，自收到本通知书的次日起计算。" in t
    assert "不予采纳该证据，或者采纳该证据但予以训诫、罚款" in t


# ---- 传票 ----------------------------------------------------------------------------------------

def test_summons_is_a_ruled_table_from_the_scheduled_hearing(world):
    """传票（传唤当事人用）: a ruled table 案号, 案由, 被传唤人, 工作单位或者住址, 传唤事由, 应到时间, 应到处所,
    注意事项; 审判员 and 书记员; the court and the date with （院印）. The hearing comes from the one scheduled
    (民事诉讼法 第一百三十九条), with the court's address so the party finds the building."""
    from xiezhi.courts.models import Courtroom
    from xiezhi.hearings import services as hs

    case = world["case"]
    room, _ = Courtroom.objects.update_or_create(court=case.court, name="第一审判庭", defaults={"location": ""})
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=6)
    hs.schedule_hearing(world["judge"], case, room, start, start + timedelta(hours=2), clerk=world["clerk"])
    doc = world["make"]("summons", recipient="被告乙")
    ls = lines(doc)
    assert f"案由｜{case.cause.name}" in ls
    assert "被传唤人｜被告乙" in ls
    assert "工作单位或者住址｜河南省通许县咸平街道" in ls
    assert "传唤事由｜开庭审理" in ls
    assert f"应到时间｜{start.year}年{start.month}月{start.day}日9时00分" in ls
    assert f"应到处所｜河南省通许县人民法院第一审判庭（{ADDRESS}）" in ls
    notes = next(x for x in ls if x.startswith("注意事项｜"))
    assert "一、被传唤人必须准时到达应到处所。" in notes and "三、被传唤人收到传票后，应在送达回证上签名或者盖章。" in notes
    assert "审判员　李审判" in ls and "书记员　王书记" in ls
    assert doc.gaps == 0


def test_summons_is_for_parties_only(world):
    """民诉解释 第二百二十七条: 传票 for parties; an agent or witness gets a 出庭通知书."""
    with pytest.raises(ValidationError, match="出庭通知书"):
        world["make"]("summons", recipient="何律师")


# ---- 出庭通知书 ----------------------------------------------------------------------------------

def test_appearance_notice_for_an_agent_and_a_witness(world):
    """出庭通知书 (通知诉讼代理人、证人到庭用): 民事诉讼法 第一百三十九条; a witness is told the duty to testify
    truthfully; a party is summoned by 传票 instead."""
    case = world["case"]
    Party.objects.create(case=case, role="witness", name="证人丙", address="河南省通许县城关镇")
    extra = {"hearing_time": "2027年1月5日9时00分", "hearing_place": "河南省通许县人民法院第一审判庭"}
    t = text(world["make"]("appearance_notice", recipient="何律师", extra=extra))
    assert "何律师（张三丰的委托诉讼代理人）：" in t
    assert "定于2027年1月5日9时00分在河南省通许县人民法院第一审判庭开庭审理" in t
    assert "第一百三十九条的规定，通知你作为原告张三丰的委托诉讼代理人准时出庭。" in t
    assert "如实作证" not in t
    t = text(world["make"]("appearance_notice", recipient="证人丙", extra=extra))
    assert "证人丙：" in t and "通知你作为证人准时出庭。" in t and "如实作证" in t
    with pytest.raises(ValidationError, match="传票"):
        world["make"]("appearance_notice", recipient="张三丰", extra=extra)


# ---- 合议庭组成人员通知书 -------------------------------------------------------------------------

def test_panel_notice_lists_the_panel_formed_with_the_assessor(world, make_staff):
    """合议庭组成人员通知书: 民事诉讼法 第四十条 and 第一百三十一条 (not 第一百三十条, the jurisdiction-objection
    article); every member of the panel formed — 审判长, 审判员, 人民陪审员 (trial.PanelMember) — and the clerk;
    the recusal sentence (第四十七条)."""
    from xiezhi.trial import services as ts
    from xiezhi.trial.models import Assessor

    Assessor.objects.create(court=world["case"].court, name="冯丽")
    case = _case(world, "civil_ordinary")
    other = make_staff(["judge"], name="李明法")
    ts.form_panel(world["judge"], case, judges=[other], assessors=1, seed="x")
    t = text(world["make"]("panel_notice", case_=case))
    assert "黄强：" in t
    assert "第四十条的规定，由下列人员组成合议庭进行审理" in t
    assert "《中华人民共和国民事诉讼法》第一百三十一条的规定" in t and "第一百三十条" not in t
    ls = lines(world["make"]("panel_notice", case_=case))
    members = ls[ls.index(next(x for x in ls if x.startswith("审判长"))):]
    assert members[:4] == ["审判长：李审判", "审判员：李明法", "人民陪审员：冯丽", "书记员：王书记"]
    assert "第四十七条规定情形之一的，有权在案件开始审理时申请回避" in t


def test_panel_notice_is_refused_for_a_sole_judge(world):
    """A sole-judge case has no 合议庭: no "collegial panel" of one (review §9)."""
    from xiezhi.trial import services as ts

    ts.form_panel(world["judge"], world["case"])
    with pytest.raises(ValidationError, match="独任审理"):
        world["make"]("panel_notice")


def test_panel_notice_is_refused_before_the_panel_is_formed(world):
    with pytest.raises(ValidationError, match="尚未组成合议庭"):
        world["make"]("panel_notice")


# ---- 诉讼权利义务告知书 -----------------------------------------------------------------------------

def test_rights_notice_lists_rights_and_duties(world):
    """诉讼权利义务告知书: 民事诉讼法 第一百二十九条 — the rights (委托代理人, 申请回避, 查阅复制, 和解, 保全)
    and duties (依法行使权利, 如实陈述, 交费, 送达地址, 履行生效裁判)."""
    t = text(world["make"]("rights_notice"))
    assert "第一百二十九条的规定" in t
    for phrase in ("有权委托诉讼代理人，申请回避", "复制本案有关材料", "自行和解", "财产保全",
                   "必须依法行使诉讼权利", "如实陈述", "按时交纳诉讼费用", "送达地址", "必须履行发生法律效力的判决书"):
        assert phrase in t, phrase


# ---- 小额诉讼程序告知书 -----------------------------------------------------------------------------

def test_small_claims_notice(world):
    """小额诉讼程序告知书: 民事诉讼法 第一百六十五条 (一审终审), 第一百六十七条 (one hearing), 第一百六十八条
    (two months); 民诉解释 第二百七十四条 (审判组织、一审终审、审理期限、诉讼费用交纳标准), 第二百七十五条 (七日)."""
    case = _case(world, "civil_small_claims", amount="8000")
    t = text(world["make"]("small_claims_notice", case_=case))
    assert "第一百六十五条的规定，适用小额诉讼的程序审理" in t
    assert "第二百七十四条的规定" in t
    assert "本案由审判员李审判独任审理" in t
    assert "实行一审终审" in t and "不得上诉" in t and "一次开庭审结并且当庭宣判" in t
    assert "两个月内审结" in t
    assert "减半交纳案件受理费" in t
    assert "本案举证期限为七日" in t


def test_small_claims_notice_is_refused_outside_small_claims(world):
    """Outside 小额诉讼程序 there is nothing to tell (民事诉讼法 第一百六十五条)."""
    with pytest.raises(ValidationError, match="未适用小额诉讼程序"):
        world["make"]("small_claims_notice")


# ---- 交纳诉讼费用通知书 -----------------------------------------------------------------------------

def test_fee_notice(world, settings):
    """交纳诉讼费用通知书: the fee from the case's fee events, in figures and capitals, within seven days from
    the day after receipt (诉讼费用交纳办法 第二十二条), halved in 简易程序 (第十六条), how to pay (a court
    setting), 司法救助 (第四十四条) and the consequence (民诉解释 第二百一十三条)."""
    settings.FEE_PAYMENT_TEXT = "通过本院网上诉讼服务平台在线交纳。"
    t = text(world["make"]("fee_notice"))
    assert "张三丰：" in t
    assert ("你应当自收到本通知书次日起七日内向本院预交案件受理费1,650.00元（人民币壹仟陆佰伍拾元整）"
            "（适用简易程序，已依照《诉讼费用交纳办法》第十六条减半计算）。") in t
    assert "交费方式：通过本院网上诉讼服务平台在线交纳。" in t
    assert "第四十四条的规定向本院书面申请缓交、减交或者免交" in t
    assert "第二百一十三条的规定裁定按撤诉处理" in t


# ---- 送达回证 ------------------------------------------------------------------------------------

def test_service_receipt_rows(world):
    """送达回证: 案由, 送达文书名称和文号 (the notices made for this addressee), 受送达人, 送达地点, 送达方式,
    受送达人签名或者盖章 with 年月日时, 代收人及代收理由 (民事诉讼法 第八十八条), 备注 (留置送达, 第八十九条),
    送达人, 签发人."""
    world["make"]("response_notice", recipient="被告乙")
    world["make"]("evidence_notice", recipient="被告乙")
    world["make"]("acceptance_notice")  # for the plaintiff: not on the defendant's receipt
    ls = lines(world["make"]("service_receipt", recipient="被告乙"))
    number = world["case"].number
    labels = [x.split("｜")[0] for x in ls if "｜" in x]
    assert labels == ["案由", "送达文书名称和文号", "受送达人", "送达地点", "送达方式", "受送达人签名或者盖章",
                      "代收人及代收理由", "备注", "送达人", "签发人"]
    served = next(x for x in ls if x.startswith("送达文书名称和文号｜"))
    assert number in served and "应诉通知书" in served and "举证通知书" in served and "受理案件通知书" not in served
    assert "受送达人｜被告乙" in ls and "送达地点｜河南省通许县咸平街道" in ls
    signed = next(x for x in ls if x.startswith("受送达人签名或者盖章｜"))
    assert "年" in signed and "时" in signed
    assert any(x.startswith("签发人｜李审判") for x in ls)
