"""网络查控 under concurrency (PostgreSQL): two pollers (run_poll) at once record each answer once
and each asset once — they take turns on a body's cursor row and lock the cases they write to in
one order —; two senders at once send each order once (the claim is SKIP LOCKED, committed before
the HTTP call)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from tests.enforcement.linkage_fixtures import expected_assets, simulator  # noqa: F401 (fixture)
from xiezhi.enforcement import linkage
from xiezhi.enforcement.models_linkage import Asset, LinkageAnswer, LinkageOrder

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def _debtor_cases(enforcement_case, n=3):
    cases = []
    for i in range(n):
        case = enforcement_case()
        case.debtor.id_number = f"41022219800101{1000 + i:04d}"
        case.debtor.save(update_fields=["id_number"])
        cases.append(case)
    return cases


def _released(sim):
    return {(code, a["answer_id"]) for code, b in sim.bodies.items() for a in b.log}


def test_two_pollers_at_once_record_each_answer_once_and_each_asset_once(enforcement_case, staff, simulator):
    sim = simulator(max_delay=2, drop=0.3, partial=0.6, duplicate=0.6)
    cases = _debtor_cases(enforcement_case)
    linkage.start_search(staff["enforcer"], cases)
    for round_ in range(30):
        outcomes = at_once(linkage.run_poll, linkage.run_poll)
        assert all(isinstance(o, dict) for o in outcomes), outcomes
        if not LinkageOrder.objects.exclude(status__in=["answered", "failed"]).exists():
            break
        if round_ % 5 == 4:
            from tests.enforcement.linkage_fixtures import overdue_all

            overdue_all()
    for _ in range(4):  # late duplicates
        assert all(isinstance(o, dict) for o in at_once(linkage.run_poll, linkage.run_poll))
    assert set(LinkageOrder.objects.values_list("status", flat=True)) == {"answered"}
    released = _released(sim)
    assert sum(len(b.log) for b in sim.bodies.values()) > len(released), "the simulator sent duplicates"
    assert LinkageAnswer.objects.count() == len(released)
    assert set(LinkageAnswer.objects.values_list("body", "answer_id")) == released
    for case in cases:
        found = list(Asset.objects.filter(case=case).values_list("body", "identifier"))
        assert len(found) == len(set(found))
        assert set(found) == expected_assets(case.debtor.id_number)
        events = case.events.filter(code="linkage_answers_received")
        assert sum(e.payload["assets"] for e in events) == len(found)
        seqs = list(case.events.values_list("seq", flat=True))
        assert len(seqs) == len(set(seqs))


def test_two_senders_at_once_send_each_order_once(enforcement_case, staff, simulator, monkeypatch):
    sim = simulator(max_delay=0)
    monkeypatch.setattr(linkage, "run_after_commit", lambda *a, **k: None)  # the two senders below send
    monkeypatch.setattr(linkage, "SEND_CHUNK", 3)  # small claims: both senders take some
    cases = _debtor_cases(enforcement_case, n=4)
    batch = linkage.start_search(staff["enforcer"], cases)
    total = batch.orders.count()
    outcomes = at_once(*[(lambda: linkage.send_pending(batch.pk))] * 2)
    assert all(isinstance(o, int) for o in outcomes), outcomes
    assert sum(outcomes) == total
    assert set(LinkageOrder.objects.values_list("status", "attempts")) == {("sent", 1)}
    seen = {ref: n for b in sim.bodies.values() for ref, n in b.seen.items()}
    assert len(seen) == total and set(seen.values()) == {1}
