"""`make demo` must give a court that shows every part working: staff in every role, cases in
every state, and applications waiting in the filing queue."""
import pytest

from xiezhi.accounts.models import Role, User
from xiezhi.cases.models import Case, CaseStatus
from xiezhi.demo.seed import seed_cases, seed_filings, seed_people, seed_trial
from xiezhi.filing.models import FilingApplication

pytestmark = pytest.mark.django_db


def test_demo_court_has_every_role_every_state_and_a_filing_queue(court):
    users = seed_people(court)
    assert seed_cases(court, users, n=160) == 160
    seed_filings(court, users)
    roles = {r for u in User.objects.filter(kind="staff", court=court) for r in u.roles}
    assert roles == set(Role.values)
    statuses = set(Case.objects.filter(court=court).values_list("status", flat=True))
    assert statuses == {CaseStatus.REGISTERED, CaseStatus.IN_TRIAL, CaseStatus.CLOSED, CaseStatus.ARCHIVED} | (
        statuses & {CaseStatus.SUSPENDED})
    states = set(Case.objects.filter(court=court).values_list("deadline_state", flat=True))
    assert {"ok", "overdue"} <= states
    queue = set(FilingApplication.objects.filter(court=court).values_list("status", flat=True))
    assert {"draft", "submitted", "correction"} <= queue
    # the demo lawyer and litigant can follow their cases on the portal
    from xiezhi.cases.selectors import visible_cases

    assert visible_cases(users["13800000001"]).exists() and visible_cases(users["13800000002"]).exists()
    assert seed_cases(court, users, n=10) == 0  # a second `make demo` keeps the data


def test_demo_judge_can_try_cases_courtrooms_assessors_and_hearings(court):
    """A judge in the demo can schedule (there are courtrooms), form a panel (there are assessors)
    and sees hearings in the coming workdays, none of them in conflict."""
    from django.utils import timezone

    from xiezhi.courts.models import Courtroom
    from xiezhi.hearings.models import Hearing
    from xiezhi.trial.models import Assessor

    users = seed_people(court)
    seed_cases(court, users, n=120)
    made = seed_trial(court, users)
    assert Courtroom.objects.filter(court=court).count() >= 6
    assert Assessor.objects.filter(court=court, active=True).count() >= 2
    hearings = list(Hearing.objects.filter(court_id=court.pk).select_related("case"))
    assert made == len(hearings) >= 1
    assert all(h.start > timezone.now() and h.start.astimezone(timezone.get_current_timezone()).weekday() < 5
               for h in hearings)
    assert all(h.case.judge_id and users["clerk"] in h.case.team.all() and h.clerk_id == users["clerk"].pk
               for h in hearings)
    assert any(h.case.judge_id == users["judge"].pk for h in hearings)
    assert len({h.start for h in hearings}) == len(hearings)  # one clerk, never two hearings at once
    assert seed_trial(court, users) == 0  # a second `make demo` keeps the data
