from datetime import timedelta

import pytest
from django.utils import timezone


@pytest.fixture
def staff(make_staff):
    return {
        "lian": make_staff(["filing_judge"], "filing", name="立案法官"),
        "judge": make_staff(["judge"], "civil", name="承办法官"),
        "other_judge": make_staff(["judge"], "civil", name="其他法官"),
        "president": make_staff(["president"], "management", name="院长"),
    }


@pytest.fixture
def upper_lian(court, make_staff):
    return make_staff(["filing_judge"], "filing", court_=court.parent, name="中院立案法官")


@pytest.fixture
def judged(court, staff):
    """A closed 民初 case whose judgment was served on both parties 40 days ago and took effect (no appeal)."""
    from xiezhi.cases.models import Case, CaseStatus, Party
    from xiezhi.courts import refcache
    from xiezhi.trial.models import AppealWindow, Closing

    today = timezone.localdate()
    case = Case.objects.create(court=court, case_type=refcache.case_type("民初"),
                               number=f"（{today.year}）豫0222民初9901号", year=today.year, serial=9901,
                               filed_on=today - timedelta(days=120), title="甲诉乙借款", judge=staff["judge"],
                               status=CaseStatus.CLOSED, closed_on=today - timedelta(days=40))
    a = Party.objects.create(case=case, role="plaintiff", name="原告甲")
    b = Party.objects.create(case=case, role="defendant", name="被告乙")
    Closing.objects.create(case=case, method="judgment", document_kind="judgment", closed_on=case.closed_on,
                           closed_by=staff["judge"])
    served = today - timedelta(days=40)
    for p in (a, b):
        AppealWindow.objects.create(case=case, party=p, document_kind="judgment", served_on=served,
                                    ends_on=served + timedelta(days=15), basis="民事诉讼法 第一百七十一条")
    case.a, case.b = a, b
    return case
