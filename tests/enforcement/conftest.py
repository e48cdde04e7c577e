import itertools

import pytest

_n = itertools.count(1)


@pytest.fixture
def staff(make_staff):
    return {
        "enforcer": make_staff(["enforcement"], "enforcement", name="执行员甲"),
        "other_enforcer": make_staff(["enforcement"], "enforcement", name="执行员乙"),
        "head": make_staff(["division_head"], "enforcement", name="执行局局长"),
        "president": make_staff(["president"], "management", name="院长"),
        "judge": make_staff(["judge"], "civil", name="民庭法官"),
        "lian": make_staff(["filing_judge"], "filing", name="立案法官"),
    }


@pytest.fixture
def enforcement_case(court, staff):
    """An enforcement case (执) handled by staff["enforcer"], with an applicant, a debtor and the
    applicant's agent."""
    from django.utils import timezone

    from xiezhi.cases.models import Case, Party
    from xiezhi.courts import refcache
    from xiezhi.courts.models import Division

    def make(officer=None):
        n = next(_n)
        today = timezone.localdate()
        case = Case.objects.create(
            court=court, case_type=refcache.case_type("执"), number=f"（{today.year}）豫0222执{9000 + n}号",
            year=today.year, serial=9000 + n, filed_on=today, title="申请执行人甲与被执行人乙借款合同纠纷执行案",
            judge=officer or staff["enforcer"], division=Division.objects.filter(court=court, kind="enforcement").first(),
            amount="150000")
        applicant = Party.objects.create(case=case, role="enf_applicant", name="申请执行人甲")
        debtor = Party.objects.create(case=case, role="judgment_debtor", name="被执行人乙")
        Party.objects.create(case=case, role="agent", name="代理律师丙", represents=applicant)
        case.applicant, case.debtor = applicant, debtor
        return case

    return make


@pytest.fixture
def case(enforcement_case):
    """One enforcement case of staff["enforcer"]."""
    return enforcement_case()
