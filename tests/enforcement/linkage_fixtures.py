"""Fixtures of the 网络查控 tests: the simulator of the eight bodies as a real local HTTP service,
and helpers to drive the periodic job until every order is answered."""
import pytest

from xiezhi.enforcement import linkage
from xiezhi.enforcement.linkage_simulator import generated_assets
from xiezhi.enforcement.models_linkage import LinkageOrder

DEBTOR_ID = "410222198001011234"


@pytest.fixture
def simulator(settings):
    """start(**options) -> the Simulator; settings.LINKAGE_URL points at it."""
    from xiezhi.enforcement import linkage_simulator

    servers = []
    settings.CELERY_TASK_ALWAYS_EAGER = True  # send after commit, in-process

    def start(**options):
        server, sim, url = linkage_simulator.start(**{"seed": 7, **options})
        servers.append(server)
        settings.LINKAGE_URL = url
        return sim

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture
def debtor_case(case):
    case.debtor.id_number = DEBTOR_ID
    case.debtor.save(update_fields=["id_number"])
    return case


def expected_assets(id_number=DEBTOR_ID, sim=None):
    out = set()
    for body in linkage.BODIES:
        found = sim.assets(id_number, body) if sim else generated_assets(id_number, body)
        out |= {(body, a["identifier"]) for a in found}
    return out


def overdue_all():
    """Move every sent order past its follow-up deadline (as if two days had gone by)."""
    from datetime import timedelta

    from django.utils import timezone

    LinkageOrder.objects.filter(status__in=["sent", "partial"]).update(due_at=timezone.now() - timedelta(minutes=1))


def run_until_settled(rounds=40, force_timeouts_every=5):
    for n in range(1, rounds + 1):
        linkage.run_poll()
        if not LinkageOrder.objects.exclude(status__in=["answered", "failed"]).exists():
            return n
        if n % force_timeouts_every == 0:
            overdue_all()
    raise AssertionError(list(LinkageOrder.objects.exclude(status="answered").values("key", "status", "attempts")))
