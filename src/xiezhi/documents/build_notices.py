"""The notices a court sends in a first-instance case (《民事诉讼文书样式》2016): built as .docx templates."""
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .layout import font, footer, loop, new, p


def acceptance_notice():
    doc = new("受理案件通知书")
    p(doc, "{{ recipient.name }}：", indent=False)
    p(doc, "你（单位）诉{{ defendants_names }}{{ cause }}一案的起诉状已收到。经审查，起诉符合法定受理条件，本院决定立案审理，"
            "案号为{{ case_number }}，适用{{ procedure }}。现将有关事项通知如下：")
    p(doc, "一、你（单位）应在收到本通知书之日起七日内预交案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}）。"
            "期满不交纳又不提出缓交、减交、免交申请的，按撤诉处理（《诉讼费用交纳办法》第二十二条）。")
    p(doc, "二、在诉讼中，当事人必须依法行使诉讼权利，遵守诉讼秩序，履行诉讼义务。")
    p(doc, "三、本案承办法官：{{ judge }}；书记员：{{ clerk }}。")
    footer(doc)
    return doc


def response_notice():
    doc = new("应诉通知书")
    p(doc, "{{ recipient.name }}：", indent=False)
    p(doc, "本院已受理{{ plaintiffs_names }}诉你（单位）{{ cause }}一案，案号为{{ case_number }}。"
            "依照《中华人民共和国民事诉讼法》第一百二十八条的规定，现随本通知书发送起诉状副本一份。通知如下：")
    p(doc, "一、你（单位）应当在收到起诉状副本之日起十五日内向本院提交答辩状，并按对方当事人的人数提出副本。"
            "不提出答辩状的，不影响本院审理。")
    p(doc, "二、原告的诉讼请求：{{ claims }}")
    p(doc, "三、当事人可以委托一至二人作为诉讼代理人。委托他人代为诉讼，须向本院提交由委托人签名或者盖章的授权委托书。")
    footer(doc)
    return doc


def evidence_notice():
    doc = new("举证通知书")
    p(doc, "{{ recipient.name }}：", indent=False)
    p(doc, "本院受理{{ case_title }}一案（{{ case_number }}），依照《中华人民共和国民事诉讼法》第六十七条、"
            "第六十八条和《最高人民法院关于民事诉讼证据的若干规定》的规定，现将有关举证事项通知如下：")
    p(doc, "一、当事人对自己提出的诉讼请求所依据的事实或者反驳对方诉讼请求所依据的事实，应当提供证据加以证明。")
    p(doc, "二、本案举证期限为{{ evidence_period }}，自收到本通知书的次日起计算。逾期提供证据的，本院将依法处理。")
    p(doc, "三、当事人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请本院调查收集。")
    footer(doc)
    return doc


def summons():
    doc = new("传　　票")
    p(doc, "案号：{{ case_number }}", indent=False)
    p(doc, "案由：{{ cause }}", indent=False)
    p(doc, "被传唤人：{{ recipient.name }}", indent=False)
    p(doc, "工作单位或者住址：{{ recipient.address }}", indent=False)
    p(doc, "传唤事由：{{ hearing_purpose }}", indent=False)
    p(doc, "应到时间：{{ hearing_time }}", indent=False)
    p(doc, "应到处所：{{ hearing_place }}", indent=False)
    p(doc, "注意事项：一、被传唤人必须准时到达应到处所。二、本传票由被传唤人携带来院报到。"
            "三、被传唤人收到传票后，应在送达回证上签名或者盖章。")
    footer(doc)
    return doc


def panel_notice():
    doc = new("合议庭组成人员通知书")
    p(doc, "{{ recipient.name }}：", indent=False)
    p(doc, "本院受理的{{ case_title }}一案（{{ case_number }}），依照《中华人民共和国民事诉讼法》第四十条、"
            "第一百三十条的规定，决定由下列人员组成合议庭进行审理：")
    loop(doc, "{%p for m in panel %}", ["{{ m.role }}：{{ m.name }}"])
    p(doc, "书记员：{{ clerk }}")
    p(doc, "当事人认为上述人员有《中华人民共和国民事诉讼法》第四十七条规定情形之一的，有权申请回避。")
    footer(doc)
    return doc


def service_receipt():
    doc = new("送达回证")
    table = doc.add_table(rows=7, cols=2)
    table.style = "Table Grid"
    rows = [("案号", "{{ case_number }}"), ("案由", "{{ cause }}"), ("受送达人", "{{ recipient.name }}"),
            ("送达地址", "{{ recipient.address }}"), ("送达文书", "{{ served_documents }}"),
            ("送达方式", "{{ service_method }}"), ("受送达人签名或者盖章", "　　　　年　　月　　日")]
    for (label, value), row in zip(rows, table.rows):
        for cell, text in zip(row.cells, (label, value)):
            para = cell.paragraphs[0]
            font(para.add_run(text), size=14)
    p(doc, "送达人：{{ clerk }}　　签发人：{{ judge }}", indent=False)
    footer(doc)
    return doc


def _simple_notice(title, body):
    def build():
        doc = new(title)
        p(doc, "{{ recipient.name }}：", indent=False)
        p(doc, body)
        footer(doc)
        return doc
    return build


BUILDERS = {
    "acceptance_notice": acceptance_notice,
    "response_notice": response_notice,
    "evidence_notice": evidence_notice,
    "summons": summons,
    "panel_notice": panel_notice,
    "service_receipt": service_receipt,
    "fee_notice": _simple_notice("交纳诉讼费用通知书", "本院受理{{ case_title }}一案（{{ case_number }}），"
                                 "请你于收到本通知书次日起七日内预交案件受理费{{ fee_figures }}元。"),
    "rights_notice": _simple_notice("诉讼权利义务告知书", "当事人依法享有诉讼权利，承担诉讼义务。"),
    "small_claims_notice": _simple_notice("小额诉讼程序告知书", "本案适用小额诉讼程序，实行一审终审。"),
    "appearance_notice": _simple_notice("出庭通知书", "请你于{{ hearing_time }}到{{ hearing_place }}出庭。"),
}
