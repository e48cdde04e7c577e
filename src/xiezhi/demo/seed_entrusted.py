"""委托调解 in the demo court (issue 12 item 2): two open civil cases of the judge `judge` entrusted to
invited mediators — one the demo `mediator` has signed for and the parties agreed to extend (so the
case page shows the days not counted in the trial limit), one waiting for `mediator` to sign — made
through the mediation app's services. A second `make demo` adds nothing."""
from __future__ import annotations

from django.db import transaction

from xiezhi.cases.models import Case
from xiezhi.courts.models import Court


@transaction.atomic
def seed_entrusted(c: Court, users: dict) -> list:
    from xiezhi.mediation import entrusted
    from xiezhi.mediation.models import EntrustedMediation, Mediator

    if EntrustedMediation.objects.filter(case__court=c).exists():
        return []
    judge, mediator = users.get("judge"), users.get("mediator")
    md = Mediator.objects.filter(user=mediator).first() if mediator else None
    if judge is None or md is None:
        return []
    cases = list(Case.objects.filter(court=c, judge=judge, closed_on__isnull=True, case_type__type_code="民初",
                                     procedure__limit_code__in=("civil_ordinary", "civil_summary"))
                 .order_by("-filed_on", "pk")[:2])
    made = []
    for i, case in enumerate(cases):
        em = entrusted.entrust(judge, case, md, "双方当事人在庭前会议中同意委托调解")
        if i == 0:
            em = entrusted.accept(mediator, em)
            em = entrusted.extend(mediator, em, 10, "双方当事人电话同意延长十日，等待被告筹款")
        made.append(em)
    return made
