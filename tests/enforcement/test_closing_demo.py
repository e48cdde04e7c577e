"""The demo court's 执行结案: a closed case of each method, 终本 cases with two re-searches due (so the
daily job has work) and one already run, and the debtor of the clean-up page with several cases."""
import pytest
from django.test import Client
from django.utils import timezone

from xiezhi.demo.seed import seed_people
from xiezhi.demo.seed_closing import DEBTOR_ID, seed_closing
from xiezhi.enforcement.models_closing import EnforcementClosing, RescanDue

pytestmark = pytest.mark.django_db


def test_demo_closing(court):
    users = seed_people(court)
    assert seed_closing(court, users)["closed"] == 6
    assert set(EnforcementClosing.objects.values_list("method", flat=True)) == {
        "paid", "terminated", "not_enforced", "zhongben"}
    today = timezone.localdate()
    assert RescanDue.objects.filter(due_on__lte=today, claimed_at__isnull=True).count() >= 2
    assert RescanDue.objects.filter(result="nothing").exists()
    assert seed_closing(court, users)["closed"] == 0  # a second `make demo` adds nothing
    officer = Client()
    officer.force_login(users["enforcer"])
    page = officer.get("/staff/enforcement/zhongben/")
    assert page.status_code == 200 and page.content.decode().count("<tr>") >= 4
    page = officer.get(f"/staff/enforcement/debtors/{DEBTOR_ID}/")
    html = page.content.decode()
    from xiezhi.cases.models import Case

    numbers = list(Case.objects.filter(parties__id_number=DEBTOR_ID).values_list("number", flat=True))
    assert page.status_code == 200 and len(numbers) == 2 and all(n in html for n in numbers)
