"""司法确认 in the demo court (issue 12 items 1 and 3): an application received at the counter from a people's
mediation committee, one accepted and waiting for the judge's decision, one confirmed (its ruling generated,
to be sealed and served before the case closes), and a 诉前调确 made from the demo pre-suit mediation that
reached an agreement — all through xiezhi.confirmation.services, so every node is real.

A second `make demo` adds nothing: the seed returns when the court already has applications."""
from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.courts.models import Court

COMMITTEE = "通许县城关镇人民调解委员会"
STORIES = [  # (applicants, agreement, days since the agreement took effect, how far it goes)
    (("赵建国", "钱秀英"), "一、钱秀英于本月底前偿还赵建国借款人民币二万元。\n二、双方就本纠纷再无其他争议。", 2, "received"),
    (("孙志强", "李丽娟"), "一、李丽娟分两期支付孙志强货款人民币三万元，每期一万五千元。\n二、逾期一期的，孙志强可就全部余款申请强制执行。",
     6, "accepted"),
    (("周海涛", "吴桂兰"), "一、吴桂兰于十日内向周海涛支付物业服务费人民币四千八百元。\n二、周海涛免除滞纳金。", 10, "confirmed"),
]


def _people(names):
    return [{"name": n, "phone": f"1390000{1000 + k:04d}", "address": "河南省通许县城关镇"} for k, n in enumerate(names)]


def seed_confirmation(c: Court, users: dict[str, User]) -> None:
    from xiezhi.confirmation import services
    from xiezhi.confirmation.models import ConfirmationApplication, State
    from xiezhi.mediation.models import PreSuitMediation

    if ConfirmationApplication.objects.filter(court=c).exists():
        return
    lian, judge, judge2 = users["lian"], users["judge"], users["judge2"]
    today = timezone.localdate()
    for k, (names, agreement, days, how_far) in enumerate(STORIES):
        with transaction.atomic():
            app = services.receive(lian, c, origin="self_organised", venue_ground="organisation",
                                   organisation_name=COMMITTEE, agreement_text=agreement,
                                   agreement_effective_on=today - timedelta(days=days), applicants=_people(names),
                                   received_on=today - timedelta(days=min(days, 1)), key=f"demo-confirmation-{k}")
            if how_far == "received":
                continue
            app = services.accept(lian, app, judge=judge)
            if how_far == State.CONFIRMED:
                services.decide(judge, app, State.CONFIRMED,
                                reasoning="申请人达成的调解协议系双方真实意思表示，内容不违反法律强制性规定，"
                                          "不损害国家利益、社会公共利益和他人合法权益，符合司法确认的条件。")
    # 诉前调确: the pre-suit mediation that reached an agreement (seed_mediation), carried over and accepted
    m = PreSuitMediation.objects.filter(court=c, state="agreement").order_by("pk").first()
    if m is not None:
        with transaction.atomic():
            outcome = services.from_mediation(lian, m, "confirmation")
            services.accept(lian, outcome.application, judge=judge2)
