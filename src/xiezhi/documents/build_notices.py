"""The notices a court sends in a first-instance civil case, as the 2016 styles lay them out
(最高人民法院《民事诉讼文书样式》, 法〔2016〕221号), built as .docx templates.

Every notice: the title block (court full name, title, case number), the addressee ("黄强：", or for an
agent "何律师（黄强的委托诉讼代理人）："), 你 / 你单位 by the party's kind, the body with its article
and period, the court's full name and the date in Chinese numerals with （院印）, and the contact lines
(联系人、联系电话、本院地址), each left out when unknown. The variables are documented in
context_notices. REQUIRED names what an uploaded template of each kind must keep (template_check)."""
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .layout import footer, loop, new, p, signature, table, when

ADDRESSEE = "{{ recipient.name }}{{ recipient.capacity }}："
JI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
CPL = "《中华人民共和国民事诉讼法》"


def _head(title, number=True):
    doc = new(title, number=number)
    p(doc, ADDRESSEE, indent=False)
    return doc


def acceptance_notice():
    """受理案件通知书（通知原告用）: 民事诉讼法 第一百二十六条 (立案), 第一百二十九条 (告知诉讼权利义务);
    诉讼费用交纳办法 第二十二条 (次日起七日内预交); 民诉解释 第二百一十三条 (按撤诉处理)."""
    doc = _head("受理案件通知书")
    p(doc, "{{ recipient.subject }}诉{{ defendants_names }}{{ cause }}一案的起诉状已收到。经审查，起诉符合法定受理条件，"
           "本院决定立案审理，案号为{{ case_number }}，适用{{ procedure }}审理"
           "{% if '小额' in procedure %}，实行一审终审{% endif %}。现将有关事项通知如下：")
    p(doc, "一、依照《诉讼费用交纳办法》第二十二条的规定，{{ recipient.subject }}应当自收到本通知书次日起七日内"
           "向本院预交案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}）。{{ fee_payment }}"
           "期满不预交又不提出缓交、减交、免交申请，或者申请未获批准仍不预交的，本院将依照" + JI +
           "第二百一十三条的规定裁定按撤诉处理。")
    p(doc, "二、依照" + CPL + "第一百二十九条的规定，当事人在诉讼中享有的诉讼权利和应当履行的诉讼义务，"
           "见随本通知书送达的诉讼权利义务告知书{% if '小额' in procedure %}和小额诉讼程序告知书{% endif %}。")
    p(doc, "三、请在收到本通知书后填写送达地址确认书并交回本院。送达地址变更的，应当及时书面告知本院。")
    p(doc, "四、本案承办法官：{{ judge }}；书记员：{{ clerk }}。")
    footer(doc)
    return doc


def response_notice():
    """应诉通知书: 民事诉讼法 第一百二十八条 (起诉状副本五日内发送、十五日内答辩), 第一百二十九条 (告知诉讼权利义务),
    第一百三十条 (管辖权异议在答辩期间提出), 第六十一条 (委托一至二人)."""
    doc = _head("应诉通知书")
    p(doc, "本院已受理{{ plaintiffs_names }}诉{{ recipient.subject }}{{ cause }}一案，案号为{{ case_number }}，"
           "适用{{ procedure }}审理。依照" + CPL + "第一百二十八条、第一百二十九条的规定，现随本通知书发送起诉状副本一份，"
           "并将有关事项通知如下：")
    p(doc, "一、{{ recipient.subject }}应当在收到起诉状副本之日起十五日内向本院提交答辩状，并按对方当事人的人数提出副本。"
           "答辩状应当记明被告的姓名、性别、年龄、民族、职业、工作单位、住所、联系方式；法人或者其他组织的名称、住所和"
           "法定代表人或者主要负责人的姓名、职务、联系方式。不提出答辩状的，不影响本院审理。")
    p(doc, "二、对本院管辖权有异议的，应当在提交答辩状期间提出。")
    p(doc, "三、当事人、法定代理人可以委托一至二人作为诉讼代理人。委托他人代为诉讼，须向本院提交由委托人签名或者盖章的授权委托书。")
    p(doc, "四、当事人在诉讼中享有的诉讼权利和应当履行的诉讼义务，见随本通知书送达的诉讼权利义务告知书。")
    p(doc, "五、请提交身份证明材料，填写送达地址确认书并交回本院。")
    footer(doc)
    return doc


def evidence_notice():
    """举证通知书: 民事诉讼法 第六十七条、第六十八条; 民诉解释 第九十九条 (普通程序不少于十五日) / 第二百六十六条
    (简易程序不超过十五日) / 第二百七十五条 (小额诉讼一般不超过七日) — evidence_period and evidence_basis by procedure."""
    doc = _head("举证通知书")
    p(doc, "本院受理{{ case_title }}一案，案号为{{ case_number }}。依照" + CPL + "第六十七条、第六十八条，"
           "{{ evidence_basis }}和《最高人民法院关于民事诉讼证据的若干规定》的规定，现将有关举证事项通知如下：")
    p(doc, "一、当事人对自己提出的诉讼请求所依据的事实或者反驳对方诉讼请求所依据的事实，应当提供证据加以证明。"
           "没有证据或者证据不足以证明当事人的事实主张的，由负有举证证明责任的当事人承担不利的后果。")
    p(doc, "二、本案举证期限为{{ evidence_period }}，自收到本通知书的次日起计算。当事人在举证期限内提供证据确有困难的，"
           "应当在举证期限届满前向本院书面申请延长。")
    p(doc, "三、当事人逾期提供证据的，本院将责令其说明理由，必要时可以要求其提供相应证据；拒不说明理由或者理由不成立的，"
           "本院根据不同情形可以不予采纳该证据，或者采纳该证据但予以训诫、罚款。")
    p(doc, "四、当事人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请本院调查收集。"
           "申请证人出庭作证、申请鉴定或者申请证据保全的，应当在举证期限届满前提出。")
    p(doc, "五、当事人向本院提交证据，应当提交原件或者原物；提交复制件的，应当说明理由。证据应当分类编号，注明来源、"
           "证明对象和内容，签名或者盖章，注明提交日期，并按对方当事人的人数提出副本。外文书证应当附有中文译本。")
    footer(doc)
    return doc


def summons():
    """传票（传唤当事人用）: a ruled table — 案号, 案由, 被传唤人, 工作单位或者住址, 传唤事由, 应到时间, 应到处所,
    注意事项 — then 审判员, 书记员, the court, the date and （院印）. 民事诉讼法 第一百三十九条; 民诉解释 第二百二十七条."""
    doc = new("传　　票", number=False)
    table(doc, [
        ("案号", "{{ case_number }}"),
        ("案由", "{{ cause }}"),
        ("被传唤人", "{{ recipient.name }}"),
        ("工作单位或者住址", "{{ recipient.address }}"),
        ("传唤事由", "{{ hearing_purpose }}"),
        ("应到时间", "{{ hearing_time }}"),
        ("应到处所", "{{ hearing_place }}"),
        ("注意事项", "一、被传唤人必须准时到达应到处所。\n二、本传票由被传唤人携带来院报到。\n"
                   "三、被传唤人收到传票后，应在送达回证上签名或者盖章。"),
    ])
    p(doc, "")
    p(doc, "审判员　{{ judge }}", WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "书记员　{{ clerk }}", WD_ALIGN_PARAGRAPH.RIGHT)
    footer(doc)
    return doc


def appearance_notice():
    """出庭通知书（通知诉讼代理人、证人等到庭用）: 民事诉讼法 第一百三十九条 (开庭三日前通知其他诉讼参与人),
    第七十五条、第七十七条 (证人出庭作证的义务和费用); 民诉解释 第二百二十七条."""
    doc = _head("出庭通知书")
    p(doc, "本院受理{{ case_title }}一案，定于{{ hearing_time }}在{{ hearing_place }}开庭审理。依照" + CPL +
           "第一百三十九条的规定，通知{{ recipient.you }}作为{{ recipient.as_role }}准时出庭。")
    when(doc, "recipient.role_code == 'witness'", [
        "证人应当出庭如实作证，客观陈述亲身感知的事实，不得使用猜测、推断或者评论性语言；作伪证的，依法承担法律责任。"
        "证人因履行出庭作证义务而支出的交通、住宿、就餐等必要费用以及误工损失，可以依法申请补偿。"])
    p(doc, "出庭时请携带本通知书和身份证件。")
    footer(doc)
    return doc


def panel_notice():
    """合议庭组成人员通知书: 民事诉讼法 第四十条 (合议庭), 第一百三十一条 (审判人员确定后三日内告知当事人),
    第四十七条、第四十八条 (回避). The members from trial.PanelMember: 审判长, 审判员, 人民陪审员; refused for a
    sole-judge case (context_notices.check)."""
    doc = _head("合议庭组成人员通知书")
    p(doc, "本院受理{{ case_title }}一案，依照" + CPL + "第四十条的规定，由下列人员组成合议庭进行审理。"
           "依照" + CPL + "第一百三十一条的规定，现将合议庭组成人员告知如下：")
    loop(doc, "{%p for m in panel %}", ["{{ m.role }}：{{ m.name }}"])
    p(doc, "书记员：{{ clerk }}")
    p(doc, "当事人认为上述人员有" + CPL + "第四十七条规定情形之一的，有权在案件开始审理时申请回避；"
           "回避事由在案件开始审理后知道的，也可以在法庭辩论终结前提出。")
    footer(doc)
    return doc


def rights_notice():
    """诉讼权利义务告知书: 民事诉讼法 第一百二十九条 (在受理案件通知书和应诉通知书中告知有关的诉讼权利义务),
    第四十七条, 第五十二条至第五十四条, 第六十一条, 第一百零三条, 第一百一十四条, 第一百一十五条, 第一百三十条."""
    doc = _head("诉讼权利义务告知书")
    p(doc, "本院受理{{ case_title }}一案，依照" + CPL + "第一百二十九条的规定，现将当事人在诉讼中享有的主要诉讼权利"
           "和应当履行的主要诉讼义务告知如下：")
    p(doc, "一、当事人享有的诉讼权利", indent=False)
    for line in (
        "（一）有权委托诉讼代理人，申请回避，收集、提供证据，进行辩论，请求调解，提起上诉，申请执行；",
        "（二）可以查阅本案有关材料，并可以复制本案有关材料和法律文书；",
        "（三）双方当事人可以自行和解；原告可以放弃或者变更诉讼请求，被告可以承认或者反驳诉讼请求，有权提起反诉；",
        "（四）认为审判人员、书记员等有法律规定的回避情形的，有权申请回避；",
        "（五）可以申请财产保全、行为保全和先予执行；对管辖权有异议的，可以在提交答辩状期间提出；",
        "（六）交纳诉讼费用确有困难的，可以申请缓交、减交或者免交。",
    ):
        p(doc, line)
    p(doc, "二、当事人应当履行的诉讼义务", indent=False)
    for line in (
        "（一）必须依法行使诉讼权利，遵守诉讼秩序，服从法庭指挥；",
        "（二）应当如实陈述案件事实，对自己的主张提供证据；不得伪造、毁灭重要证据，不得以捏造事实等方式进行虚假诉讼，"
        "否则将依法承担罚款、拘留直至刑事责任；",
        "（三）应当按时交纳诉讼费用；",
        "（四）应当提供准确的送达地址，送达地址变更的应当及时告知本院；",
        "（五）必须履行发生法律效力的判决书、裁定书和调解书。",
    ):
        p(doc, line)
    footer(doc)
    return doc


def small_claims_notice():
    """小额诉讼程序告知书: 民事诉讼法 第一百六十五条 (一审终审), 第一百六十七条 (可以一次开庭审结并且当庭宣判),
    第一百六十八条 (两个月审结，延长一个月); 民诉解释 第二百七十四条 (告知审判组织、一审终审、审理期限、诉讼费用交纳标准),
    第二百七十五条 (举证期限、答辩期间), 第二百七十九条 (开庭前提出异议); 诉讼费用交纳办法 第十六条 (减半交纳).
    Refused outside 小额诉讼程序 (context_notices.check)."""
    doc = _head("小额诉讼程序告知书")
    p(doc, "本院受理{{ case_title }}一案，依照" + CPL + "第一百六十五条的规定，适用小额诉讼的程序审理。依照" + JI +
           "第二百七十四条的规定，现将有关事项告知如下：")
    p(doc, "一、审判组织：本案由审判员{{ judge }}独任审理。")
    p(doc, "二、一审终审：小额诉讼案件实行一审终审，判决书送达即发生法律效力，当事人不得上诉。本案可以一次开庭审结并且当庭宣判。")
    p(doc, "三、审理期限：本院应当在立案之日起两个月内审结；有特殊情况需要延长的，经本院院长批准，可以延长一个月。")
    p(doc, "四、诉讼费用：依照《诉讼费用交纳办法》第十六条的规定，小额诉讼案件减半交纳案件受理费，"
           "本案案件受理费为{{ fee_figures }}元。")
    p(doc, "五、举证期限和答辩期间：本案举证期限为{{ evidence_period }}，自收到举证通知书的次日起计算；被告要求书面答辩的，"
           "答辩期间最长不超过十五日。当事人到庭后表示不需要举证期限和答辩期间的，本院可以立即开庭审理。")
    p(doc, "六、程序异议：当事人认为本案不应当按照小额诉讼案件审理的，应当在开庭前向本院提出。")
    footer(doc)
    return doc


def fee_notice():
    """交纳诉讼费用通知书: 诉讼费用交纳办法 第二十二条 (自接到通知次日起七日内交纳), 第十六条 (简易程序减半),
    第四十四条 (司法救助: 缓交、减交、免交); 民诉解释 第二百一十三条 (未预交的按撤诉处理). The amount from the
    fee events of the case (fee_assessed / fee_changed); how to pay from settings.FEE_PAYMENT_TEXT."""
    doc = _head("交纳诉讼费用通知书")
    p(doc, "本院受理{{ case_title }}一案，依照《诉讼费用交纳办法》第二十二条的规定，{{ recipient.subject }}应当自收到"
           "本通知书次日起七日内向本院预交案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}）"
           "{% if '简易' in procedure or '小额' in procedure %}（适用{{ procedure }}，已依照《诉讼费用交纳办法》"
           "第十六条减半计算）{% endif %}。")
    when(doc, "fee_payment", ["交费方式：{{ fee_payment }}"])
    p(doc, "{{ recipient.subject }}交纳诉讼费用确有困难的，可以在上述期限内依照《诉讼费用交纳办法》第四十四条的规定"
           "向本院书面申请缓交、减交或者免交。")
    p(doc, "期满不预交又不提出缓交、减交、免交申请，或者申请未获批准仍不预交的，本院将依照" + JI +
           "第二百一十三条的规定裁定按撤诉处理。")
    footer(doc)
    return doc


def service_receipt():
    """送达回证: a ruled table — 案由, 送达文书名称和文号, 受送达人, 送达地点, 送达方式, 受送达人签名或者盖章 (年月日时),
    代收人及代收理由 (民事诉讼法 第八十八条), 备注 (留置送达: 拒收事由和日期、见证人, 第八十九条), 送达人, 签发人.
    A receipt carries no contact lines and no （院印）."""
    doc = new("送达回证")
    table(doc, [
        ("案由", "{{ cause }}"),
        ("送达文书名称和文号", "{{ served_documents }}"),
        ("受送达人", "{{ recipient.name }}{{ recipient.capacity }}"),
        ("送达地点", "{{ recipient.address }}"),
        ("送达方式", "{{ service_method }}"),
        ("受送达人签名或者盖章", "\n　　　　　　　　　　年　　月　　日　　时"),
        ("代收人及代收理由", "\n　　　　　　　　　　年　　月　　日　　时"),
        ("备注", "\n"),
        ("送达人", "\n　　　　　　　　　　年　　月　　日"),
        ("签发人", "{{ judge }}\n　　　　　　　　　　年　　月　　日"),
    ])
    signature(doc, seal=False)
    return doc


BUILDERS = {
    "acceptance_notice": acceptance_notice,
    "response_notice": response_notice,
    "evidence_notice": evidence_notice,
    "summons": summons,
    "panel_notice": panel_notice,
    "service_receipt": service_receipt,
    "fee_notice": fee_notice,
    "rights_notice": rights_notice,
    "small_claims_notice": small_claims_notice,
    "appearance_notice": appearance_notice,
}

#: what an uploaded template of each kind must keep (template_check.check_structure): placeholders
#: ({{ case_number }}) and phrases of the form's wording. Every notice keeps the title block.
_BLOCK = ("{{ court_name }}", "{{ case_number }}", "{{ date_cn }}")
REQUIRED: dict[str, tuple[str, ...]] = {
    "acceptance_notice": _BLOCK + ("受理案件通知书", "{{ recipient.name }}", "{{ fee_figures }}", "七日"),
    "response_notice": _BLOCK + ("应诉通知书", "{{ recipient.name }}", "十五日", "第一百二十八条"),
    "evidence_notice": _BLOCK + ("举证通知书", "{{ recipient.name }}", "{{ evidence_period }}"),
    "summons": _BLOCK + ("传票", "{{ recipient.name }}", "{{ hearing_time }}", "{{ hearing_place }}"),
    "panel_notice": _BLOCK + ("合议庭组成人员通知书", "{{ recipient.name }}", "panel", "第一百三十一条"),
    "service_receipt": ("{{ court_name }}", "{{ case_number }}", "送达回证", "{{ recipient.name }}",
                        "{{ served_documents }}", "代收人", "备注"),
    "fee_notice": _BLOCK + ("交纳诉讼费用通知书", "{{ recipient.name }}", "{{ fee_figures }}", "七日"),
    "rights_notice": _BLOCK + ("诉讼权利义务告知书", "{{ recipient.name }}"),
    "small_claims_notice": _BLOCK + ("小额诉讼程序告知书", "{{ recipient.name }}", "一审终审"),
    "appearance_notice": _BLOCK + ("出庭通知书", "{{ recipient.name }}", "{{ hearing_time }}", "{{ hearing_place }}"),
}
