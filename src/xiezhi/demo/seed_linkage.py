"""网络查控 in the demo court (issue 11 item 3): the enforcement officer's open 执 cases (those in the
查控 stage first) searched at all eight bodies of the simulator, every answer read, assets found;
one bank deposit frozen, another frozen and then deducted — the deduction is a receipt in the case's
执行款 ledger. So /staff/enforcement/linkage/ shows an answered batch and the case page's 网络查控
section shows found, frozen and deducted assets.

The bodies are `xiezhi.enforcement.linkage_simulator`, started in this process when
XIEZHI_LINKAGE_URL is not set (`ensure_simulator`, also called by the demo command before it
seeds, so the served demo's searches and its poll_linkage job reach the same simulator). Everything
goes through the services (orders, answers, events, the ledger); a second run adds nothing."""
from __future__ import annotations

import json
import logging
import os
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.cases.models import Case
from xiezhi.courts.models import Court

log = logging.getLogger(__name__)
N_CASES = 4
# two deposits put into the world of the simulator (its /world/assets hook), so the demo's freeze and
# deduction do not depend on which accounts the ID numbers happen to generate
DEPOSITS = [("icbc", "ICBC-DEMO-0001", "120000.00"), ("ccb", "CCB-DEMO-0001", "36000.00")]


def ensure_simulator() -> str:
    """LINKAGE_URL, starting the simulator of the eight bodies in this process when none is set."""
    if not settings.LINKAGE_URL and not settings.LINKAGE_ADAPTER:
        from xiezhi.enforcement import linkage_simulator

        # a little unreliable, as the real link is: answers late, partly, twice, a few lost
        _server, _sim, url = linkage_simulator.start(seed=2026, max_delay=2, drop=0.05, partial=0.2, duplicate=0.1)
        settings.LINKAGE_URL = url
        os.environ["XIEZHI_LINKAGE_URL"] = url
    return settings.LINKAGE_URL


def _add_to_world(id_number: str, body: str, identifier: str, value: str) -> None:
    req = urllib.request.Request(f"{settings.LINKAGE_URL}/world/assets", method="POST",
                                 data=json.dumps({"id_number": id_number, "body": body, "identifier": identifier,
                                                  "value": value}).encode(),
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=10).read()


def _settle(rounds: int = 40) -> None:
    """Run the poll job until every order is answered; a lost order is sent again after its deadline
    (moved into the past here: the demo cannot wait two days)."""
    from xiezhi.enforcement import linkage
    from xiezhi.enforcement.models_linkage import LinkageOrder

    open_ = LinkageOrder.objects.exclude(status__in=["answered", "failed"])
    for n in range(rounds):
        linkage.run_poll()
        if not open_.exists():
            return
        if n % 3 == 2:
            open_.filter(status__in=["sent", "partial"]).update(due_at=timezone.now() - timedelta(minutes=1))


def _cases(c: Court, enforcer: User) -> list[Case]:
    cases = (Case.objects.filter(court=c, judge=enforcer, case_type__type_code="执", closed_on__isnull=True,
                                 status__in=("registered", "in_trial"))
             .filter(parties__role="judgment_debtor", parties__kind="natural").exclude(parties__id_number="")
             .distinct().order_by("pk"))
    in_search = [x for x in cases if getattr(getattr(x, "enforcement", None), "stage", "") == "search"]
    return (in_search + [x for x in cases if x not in in_search])[:N_CASES]


def seed_linkage(c: Court, users: dict[str, User]) -> dict[str, int]:
    from xiezhi.enforcement import linkage
    from xiezhi.enforcement.linkage_adapters import LinkageUnavailable
    from xiezhi.enforcement.models_linkage import Asset

    done = {"cases": 0, "assets": 0, "frozen": 0, "deducted": 0}
    enforcer = users["enforcer"]
    cases = _cases(c, enforcer)
    if not cases or Asset.objects.filter(case__court=c).exists():
        return done  # seeded already (or nothing to search): a second run adds nothing
    ensure_simulator()
    debtors = [x.parties.filter(role="judgment_debtor", kind="natural").exclude(id_number="").order_by("pk").first()
               for x in cases[:len(DEPOSITS)]]
    try:
        for debtor, (body, identifier, value) in zip(debtors, DEPOSITS):
            _add_to_world(debtor.id_number, body, identifier, value)
        linkage.start_search(enforcer, cases, reason="central_unit")
        _settle()
        first = Asset.objects.filter(identifier=DEPOSITS[0][1]).first()
        second = Asset.objects.filter(identifier=DEPOSITS[1][1]).first()
        for asset in (first, second):
            if asset is not None:
                linkage.freeze(enforcer, asset, asset.value, key="demo")
        _settle()
        if first is not None:
            first.refresh_from_db()
            if first.status == "frozen":
                linkage.deduct(enforcer, first, first.frozen_amount, key="demo")
                _settle()
    except LinkageUnavailable as exc:  # a configured gateway that is down: the demo runs without searches
        log.warning("网络查控演示数据未生成：%s", exc)
        return done
    assets = Asset.objects.filter(case__court=c)
    done.update(cases=len(cases), assets=assets.count(), frozen=assets.filter(status="frozen").count(),
                deducted=assets.filter(status="deducted").count())
    return done
