"""The enforcement forms (最高人民法院《人民法院执行文书样式》, 2016), built as .docx templates with the
layout of the other forms (layout.py): 执行通知书, 报告财产令, 限制消费令, 失信决定书 (决定书), 协助执行通知书
and the 执行裁定书 by its kind (冻结、扣划、查封 / 拍卖 / 终结本次执行程序 / 终结执行 / 不予执行 / 执行异议).

The statutes are cited as in force: 民事诉讼法 (2023年修正), 财产调查规定 (法释〔2017〕8号), 限制消费规定
(法释〔2015〕17号), 失信规定 (法释〔2017〕7号), 终本规定 (法〔2016〕373号), 民诉解释 (2022年修正). The variables
are documented in context_enforcement. REQUIRED names what an uploaded template of each kind must keep."""
from .build_final import _decision, _lines, _parties, _sections, _signature
from .build_notices import ADDRESSEE
from .layout import footer, loop, new, p, when

CPL = "《中华人民共和国民事诉讼法》"
INVESTIGATION = "《最高人民法院关于民事执行中财产调查若干问题的规定》"
CONSUMPTION = "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》"
DISHONEST = "《最高人民法院关于公布失信被执行人名单信息的若干规定》"
FEES = "《诉讼费用交纳办法》"
BASIS = "{{ enf_case_title }}，{{ basis_document }}已经发生法律效力。"


def enf_notice():
    """执行通知书: 民事诉讼法 第二百五十一条 (执行通知), 第二百五十二条 and 财产调查规定 第三条 (报告财产令随执行
    通知一并发出), 第二百六十四条 (迟延履行期间的债务利息), 第二百六十五条 (限制出境、征信、媒体公布);
    诉讼费用交纳办法 第十四条第（一）项、第三十八条第一款 (执行申请费由被执行人负担); 限制消费规定 第一条;
    失信规定 第一条、第五条 (执行通知中载明纳入失信名单的风险提示)."""
    doc = new("执行通知书")
    p(doc, ADDRESSEE, indent=False)
    p(doc, BASIS + "申请执行人{{ applicants_names }}向本院申请强制执行，本院于{{ filed_on_cn }}立案。依照" + CPL +
           "第二百五十一条、第二百六十四条和" + FEES + "第十四条第（一）项、第三十八条第一款的规定，"
           "责令{{ recipient.subject }}立即履行下列义务：")
    loop(doc, "{%p for o in obligations %}", ["{{ o }}"])
    p(doc, "依照" + CPL + "第二百五十二条和" + INVESTIGATION + "第三条的规定，{{ recipient.subject }}应当按照随本通知书"
           "送达的报告财产令，自收到之日起{{ report_days }}日内，如实向本院报告当前以及收到执行通知之日前一年的财产情况。")
    p(doc, "{{ recipient.subject }}逾期不履行的，本院将依法强制执行，并可以依照" + CONSUMPTION + "第一条的规定采取限制消费措施；"
           "具有" + DISHONEST + "第一条规定情形之一的，本院将依照该规定将{{ recipient.subject }}纳入失信被执行人名单，"
           "并可以依照" + CPL + "第二百六十五条的规定对{{ recipient.subject }}采取限制出境、在征信系统记录、"
           "通过媒体公布不履行义务信息等措施。")
    footer(doc)
    return doc


def property_report_order():
    """报告财产令: 民事诉讼法 第二百五十二条; 财产调查规定 第三条 (责令报告财产), 第四条 (报告财产令载明的事项),
    第五条 (应当报告的财产), 第六条 (报告期间: 当前以及收到执行通知之日前一年), 第七条 (财产变动十日内补充报告),
    第九条 (拒绝报告、虚假报告的罚款、拘留); 失信规定 第一条第（四）项."""
    doc = new("报告财产令")
    p(doc, ADDRESSEE, indent=False)
    p(doc, BASIS + "因{{ recipient.subject }}未按执行通知履行法律文书确定的义务，依照" + CPL + "第二百五十二条和" +
           INVESTIGATION + "第三条至第七条的规定，责令{{ recipient.subject }}自收到本令之日起{{ report_days }}日内，"
           "如实向本院书面报告当前以及收到执行通知之日前一年的财产情况。应当报告的财产包括：")
    for line in (
        "（一）收入、银行存款、现金、理财产品、有价证券；",
        "（二）土地使用权、房屋等不动产；",
        "（三）交通运输工具、机器设备、产品、原材料等动产；",
        "（四）债权、股权、投资权益、基金份额、信托受益权、知识产权等财产性权利；",
        "（五）其他应当报告的财产。",
    ):
        p(doc, line)
    p(doc, "财产报告应当写明财产的种类、数量、价值、所在地和权属状况等；财产已出租、已设立担保物权或者已被查封、扣押、"
           "冻结的，应当一并报告。")
    p(doc, "报告财产后，财产情况发生变动，影响申请执行人债权实现的，应当自财产变动之日起十日内向本院补充报告。")
    p(doc, "拒绝报告、虚假报告或者无正当理由逾期报告财产情况的，本院将根据情节轻重对{{ recipient.subject }}或者其法定代理人、"
           "有关单位的主要负责人或者直接责任人员予以罚款、拘留；构成犯罪的，依法追究刑事责任；并依照" + DISHONEST +
           "第一条第（四）项的规定将{{ recipient.subject }}纳入失信被执行人名单。")
    footer(doc)
    return doc


def consumption_order():
    """限制消费令: 限制消费规定 第一条 (未按执行通知书指定的期间履行的，可以限制消费), 第三条第一款 (九项措施),
    第三条第二款 (单位被执行人: 法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人; 因私消费以个人财产
    实施的可以申请准许), 第十一条 (违反的罚款、拘留); 民事诉讼法 第一百一十四条; 失信规定 第一条第（五）项."""
    doc = new("限制消费令")
    p(doc, ADDRESSEE, indent=False)
    p(doc, BASIS + "因{{ recipient.subject }}未按执行通知书指定的期间履行生效法律文书确定的给付义务，依照" + CPL +
           "第二百六十五条和" + CONSUMPTION + "第一条、第三条的规定，本院对{{ recipient.subject }}采取限制消费措施，"
           "限制{{ recipient.subject }}不得实施以下高消费及非生活和工作必需的消费行为：")
    for line in (
        "（一）乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位；",
        "（二）在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费；",
        "（三）购买不动产或者新建、扩建、高档装修房屋；",
        "（四）租赁高档写字楼、宾馆、公寓等场所办公；",
        "（五）购买非经营必需车辆；",
        "（六）旅游、度假；",
        "（七）子女就读高收费私立学校；",
        "（八）支付高额保费购买保险理财产品；",
        "（九）乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为。",
    ):
        p(doc, line)
    when(doc, "debtor_is_organisation", [
        "{{ recipient.subject }}为单位，依照" + CONSUMPTION + "第三条第二款的规定，{{ recipient.subject }}的法定代表人、"
        "主要负责人、影响债务履行的直接责任人员、实际控制人不得实施前款规定的行为。本令及于下列人员：",
    ])
    p(doc, "{%p for m in persons %}", indent=False)
    p(doc, "{{ m.capacity }}{% if m.capacity %}：{% endif %}{{ m.name }}")
    p(doc, "{%p endfor %}", indent=False)
    when(doc, "debtor_is_organisation", [
        "因私消费以个人财产实施前述行为的，可以向本院提出申请，经本院审查属实的，予以准许。",
    ])
    p(doc, "如违反本限制消费令，经查证属实的，本院将依照" + CPL + "第一百一十四条和" + CONSUMPTION +
           "第十一条的规定予以罚款、拘留；情节严重，构成犯罪的，依法追究刑事责任；并依照" + DISHONEST +
           "第一条第（五）项的规定将{{ recipient.subject }}纳入失信被执行人名单。")
    footer(doc)
    return doc


def dishonest_decision():
    """决定书（纳入失信被执行人名单用）: 失信规定 第一条 (六种情形), 第二条 (期限二年，可以延长一至三年；第一项
    情形不设期限), 第五条 (决定书写明纳入的理由，一经作出即生效), 第十二条 (认为错误的可以书面申请纠正)."""
    doc = new("决　定　书")
    p(doc, "申请执行人：{{ applicants_names }}。", indent=False)
    p(doc, "被执行人：{{ debtors_names }}{% if debtor_id %}，{{ debtor_id_label }}{{ debtor_id }}{% endif %}。",
      indent=False)
    p(doc, "本院在执行" + "{{ enf_case_title }}中，{{ basis_document }}已经发生法律效力，被执行人{{ debtors_names }}"
           "未履行生效法律文书确定的义务{% if dishonest_facts %}，{{ dishonest_facts }}{% endif %}，具有下列情形：")
    loop(doc, "{%p for c in circumstance_lines %}", ["{{ c }}"])
    p(doc, "依照" + CPL + "第二百六十五条和" + DISHONEST + "{{ dishonest_basis }}、第二条、第五条的规定，决定如下：")
    p(doc, "将被执行人{{ debtors_names }}纳入失信被执行人名单{% if years_cn %}，期限为{{ years_cn }}年"
           "{% else %}，至具有该规定第十条第一款规定的删除情形时止{% endif %}。")
    p(doc, "被执行人认为将其纳入失信被执行人名单错误的，可以依照" + DISHONEST + "第十二条的规定向本院书面申请纠正。")
    p(doc, "本决定一经作出即生效。")
    footer(doc, contact=False)
    return doc


def assist_notice():
    """协助执行通知书（查询、冻结、扣划、解除冻结用）: 民事诉讼法 第二百五十三条 (查询、扣押、冻结、划拨存款等，
    应当作出裁定，发出协助执行通知书), 第二百五十五条 (查封、扣押、冻结财产); 民诉解释 第四百八十五条 (冻结期限:
    银行存款不超过一年，动产二年，不动产和其他财产权三年); 网络查冻规定 (电子协助执行通知书加盖电子印章，
    与纸质文书具有同等效力)."""
    doc = new("协助执行通知书")
    p(doc, "{{ addressee }}：", indent=False)
    p(doc, "本院在执行{{ enf_case_title }}中，依照" + CPL + "第二百五十三条、第二百五十五条的规定，"
           "{% if ruling_ref %}根据本院{{ ruling_ref }}，{% endif %}请你单位协助{{ action_word }}被执行人下列财产：")
    p(doc, "被执行人：{{ debtor_name }}{% if debtor_id %}，{{ debtor_id_label }}{{ debtor_id }}{% endif %}。")
    loop(doc, "{%p for i in items %}", ["{{ i.kind }}：{{ i.identifier }}{% if i.amount %}，金额{{ i.amount }}元{% endif %}。"])
    when(doc, "action == 'freeze'", [
        "冻结期限为{{ period }}，自冻结之日起计算。期限届满前本院未续行冻结的，冻结自动解除（《最高人民法院关于适用"
        "〈中华人民共和国民事诉讼法〉的解释》第四百八十五条）。"])
    when(doc, "action == 'deduct'", ["请将上述款项扣划至本院执行款专户，并将扣划情况回复本院。"])
    when(doc, "action == 'release'", ["请解除对上述财产的冻结（查封），并将解除情况回复本院。"])
    when(doc, "action == 'search'", ["请将查询结果（账户、余额、财产及其权属状况）回复本院。"])
    p(doc, "本通知书以电子方式发送的，加盖本院电子印章，与纸质通知书具有同等法律效力。")
    footer(doc)
    return doc


def enf_ruling():
    """执行裁定书 by its kind: 冻结、扣划、查封 (民事诉讼法 第二百五十三条至第二百五十五条; 本裁定立即执行),
    拍卖 (第二百五十八条), 终结本次执行程序 (民诉解释 第五百一十七条; 终本规定 第一条 the five conditions found,
    the searches made and their results; 第九条 resumption without the limitation period), 终结执行 (第二百六十八条,
    第二百六十九条: 送达当事人后立即生效), 不予执行 (第二百四十八条、第二百四十九条), 执行异议 (第二百三十六条:
    十日内向上一级人民法院申请复议)."""
    doc = new("执行裁定书")
    _parties(doc)
    p(doc, "{{ procedure_sentence }}")
    _sections(doc, "claims", "evidence_facts")
    p(doc, "{%p if zhongben %}", indent=False)
    # the searches the enforcement modules recorded; without them the officer writes them in the facts section
    when(doc, "searches", ["本院通过网络执行查控系统和其他方式对被执行人的财产进行了调查，情况如下："])
    loop(doc, "{%p for s in searches %}", ["{{ s.body }}{% if s.result %}：{{ s.result }}{% endif %}"])
    p(doc, "本院已依法穷尽财产调查措施，本案符合《最高人民法院关于严格规范终结本次执行程序的规定（试行）》"
           "第一条规定的下列条件：")
    _lines(doc, "zhongben_conditions")
    when(doc, "unpaid", ["本案尚未执行到位的金额为{{ unpaid }}元。"])
    p(doc, "{%p endif %}", indent=False)
    _sections(doc, "reasoning")
    _decision(doc, "裁定")
    _lines(doc, "effect")
    _signature(doc)
    return doc


BUILDERS = {
    "enf_notice": enf_notice,
    "property_report_order": property_report_order,
    "consumption_order": consumption_order,
    "dishonest_decision": dishonest_decision,
    "assist_notice": assist_notice,
    "enf_ruling": enf_ruling,
}

_BLOCK = ("{{ court_name }}", "{{ case_number }}", "{{ date_cn }}", "（院印）")
REQUIRED: dict[str, tuple[str, ...]] = {
    "enf_notice": _BLOCK + ("执行通知书", "{{ recipient.name }}", "obligations", "第二百五十一条", "报告财产令"),
    "property_report_order": _BLOCK + ("报告财产令", "{{ recipient.name }}", "{{ report_days }}", "前一年"),
    "consumption_order": _BLOCK + ("限制消费令", "{{ recipient.name }}", "persons", "第三条"),
    "dishonest_decision": _BLOCK + ("决", "circumstance_lines", "{{ dishonest_basis }}", "纠正"),
    "assist_notice": _BLOCK + ("协助执行通知书", "{{ addressee }}", "items", "{{ action_word }}"),
    "enf_ruling": ("{{ court_name }}", "{{ case_number }}", "party_lines", "{{ procedure_sentence }}", "执行裁定书",
                   "sec.reasoning", "{{ citations }}", "decision_items", "effect", "signers", "{{ sign_date_cn }}",
                   "（院印）", "本件与原本核对无异", "{{ clerk }}"),
}
