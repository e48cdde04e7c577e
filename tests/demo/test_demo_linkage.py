"""The demo court shows 网络查控 (issue 11 item 3): the enforcement officer's cases were searched at
the eight bodies of the simulator (started in-process when no gateway is configured), the answers
recorded, assets found; one deposit frozen, one deducted with the money a receipt in the ledger. A
second run adds nothing."""
import pytest

from xiezhi.demo.seed import seed_cases, seed_people
from xiezhi.demo.seed_linkage import DEPOSITS, seed_linkage
from xiezhi.enforcement.models import MoneyMovement
from xiezhi.enforcement.models_linkage import Asset, LinkageOrder, SearchBatch

pytestmark = pytest.mark.django_db


def test_demo_searches_were_answered_and_assets_frozen_and_deducted(court, settings, monkeypatch):
    settings.LINKAGE_URL = ""  # the seed starts the simulator itself
    monkeypatch.setenv("XIEZHI_LINKAGE_URL", "")  # (and names it in the environment: restored after)
    settings.CELERY_TASK_ALWAYS_EAGER = True
    users = seed_people(court)
    seed_cases(court, users, n=300)
    done = seed_linkage(court, users)
    assert settings.LINKAGE_URL.startswith("http://127.0.0.1:")
    assert done["cases"] >= 2 and done["assets"] >= 2
    assert (done["frozen"], done["deducted"]) == (1, 1)
    batch = SearchBatch.objects.get()
    assert batch.requested_by == users["enforcer"]
    assert set(batch.orders.values_list("status", flat=True)) == {"answered"}
    deducted = Asset.objects.get(identifier=DEPOSITS[0][1])
    assert deducted.status == "deducted"
    assert Asset.objects.get(identifier=DEPOSITS[1][1]).status == "frozen"
    order = LinkageOrder.objects.get(asset=deducted, kind="deduct")
    receipt = MoneyMovement.objects.get(case=deducted.case, kind="receipt", key=f"linkage-{order.pk}")
    assert receipt.amount == order.amount
    assert seed_linkage(court, users) == {"cases": 0, "assets": 0, "frozen": 0, "deducted": 0}
    assert SearchBatch.objects.count() == 1
