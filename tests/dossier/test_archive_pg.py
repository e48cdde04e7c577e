"""Archive numbers under concurrency (issue 8 §3): two clerks archiving two cases of the same
court, type and year at the same moment get two different, consecutive 档案号."""
import pytest
from django.utils import timezone

from tests.concurrency import at_once, require_postgresql
from tests.helpers import complaint
from xiezhi.cases.services import assign_judge, close_case
from xiezhi.dossier import services
from xiezhi.dossier.models import Dossier
from xiezhi.filing import services as fs

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("n", [2, 6])
def test_cases_archived_at_once_get_different_consecutive_archive_numbers(court, make_staff, monkeypatch, n):
    require_postgresql()
    import time

    append_event = services.append_event

    def slow_append_event(*args, **kwargs):  # widen the window between drawing the number and commit
        time.sleep(0.2)
        return append_event(*args, **kwargs)

    monkeypatch.setattr(services, "append_event", slow_append_event)
    filer = make_staff(["filing_judge"], "filing")
    cases, judges = [], []
    for i in range(n):
        judge = make_staff(["judge"], "civil")
        case = fs.register(filer, fs.counter_filing(filer, court, complaint(plaintiff_name=f"原告{i}")),
                           procedure_code="civil_summary")
        assign_judge(filer, case, judge)
        close_case(judge, case, timezone.localdate(), "判决")
        cases.append(case)
        judges.append(judge)
    # the reference tables exist, as in production: refilling them inside the race (a flushed test
    # database) would serialise the archives on their unique keys and hide the race of the counter
    services.retention_table()
    outcomes = at_once(*[(lambda c=c, j=j: services.archive_case(j, c)) for c, j in zip(cases, judges)])
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    dossiers = Dossier.objects.filter(case__in=cases)
    serials = sorted(dossiers.values_list("archive_serial", flat=True))
    assert serials == list(range(serials[0], serials[0] + n))
    assert len(set(dossiers.values_list("archive_number", flat=True))) == n
    assert all(c.events.filter(code="archived").count() == 1 for c in cases)


def test_an_archive_clicked_twice_is_archived_once(court, make_staff):
    require_postgresql()
    filer, judge = make_staff(["filing_judge"], "filing"), make_staff(["judge"], "civil")
    case = fs.register(filer, fs.counter_filing(filer, court, complaint()), procedure_code="civil_summary")
    assign_judge(filer, case, judge)
    close_case(judge, case, timezone.localdate(), "判决")
    outcomes = at_once(*[(lambda: services.archive_case(judge, case))] * 3)
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    assert case.events.filter(code="archived").count() == 1
    assert len({o.archive_number for o in outcomes}) == 1
