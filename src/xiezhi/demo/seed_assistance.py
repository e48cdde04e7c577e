"""国家司法救助 in the demo court (issue 12 item 6): the province's monthly average wage, one
application of the demo litigant waiting for approval (reviewed, within its cap, the 10-day clock
running) and one paid — made through the assistance services, so every node is real.

A second `make demo` adds nothing: the seed returns when the court already has applications."""
from __future__ import annotations

from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.courts.models import Court

# a demo figure, not the published one: the admin keeps the real row (WageBase) per province and year
DEMO_MONTHLY_WAGE = "6500.00"


def seed_assistance(c: Court, users: dict[str, User]) -> None:
    from xiezhi.assistance import services
    from xiezhi.assistance.models import AssistanceApplication, WageBase
    from xiezhi.cases.models import Case

    if AssistanceApplication.objects.filter(court=c).exists():
        return
    today = timezone.localdate()
    for year in (today.year - 2, today.year - 1):
        WageBase.objects.get_or_create(province=c.province_abbr, year=year, defaults={
            "monthly_wage": DEMO_MONTHLY_WAGE, "source": "演示数据（以省统计部门公布的数额为准）"})
    lian, head, litigant = users["lian"], users["head"], users["13800000002"]
    criminal = Case.objects.filter(court=c, case_type__type_code="刑初").order_by("pk")
    origin = criminal.first()

    waiting = services.apply(litigant, c, category=1, origin_kind="criminal", origin_case=origin,
                             facts="本人在案件中被伤害致重伤，被告人无赔偿能力，家庭生活陷入困难。",
                             amount_asked="60000", bank_account="6228 4800 1234 5678 901", key="demo-assist-1")
    waiting = services.accept(lian, waiting)
    waiting = services.investigate(lian, waiting, "走访村委会、调取低保证明：申请人无固定收入，生活困难属实。")
    services.review(lian, waiting, "合议庭意见：符合司救意见第三条第（一）项，建议救助 50000 元。")

    paid = services.apply(lian, c, category=2, origin_kind="criminal", origin_case=criminal[1:2].first(),
                          applicant_name="褚桂兰", applicant_id_number="410222197003030021",
                          facts="被害人受伤急需救治，无力承担医疗费用。", amount_asked="30000",
                          bank_account="6217 0000 9876 5432 100", key="demo-assist-2")
    paid = services.accept(lian, paid)
    paid = services.investigate(lian, paid, "医院出具费用清单，申请人无力支付属实。")
    paid = services.review(lian, paid, "合议庭意见：给予救助 30000 元。")
    paid = services.approve(head, paid, "30000")
    services.pay(lian, paid, today, f"救助金发放凭证 {today.year}-001")
    # 缓交 asked with a complaint still waiting for registration (交费办法 第四十八条): the clerk decides it
    # when registering; the demo litigant sees it under 诉讼费用缓减免 on the portal
    from xiezhi.assistance import fee_relief

    waiting_filing = fee_relief.my_open_filings(litigant).first()
    if waiting_filing is not None:
        fee_relief.request_at_filing(litigant, waiting_filing, "defer",
                                     "家庭收入微薄，申请缓交案件受理费，待判决后交纳（诉讼费用交纳办法 第四十七条）。")
