import itertools

import pytest

_n = itertools.count(1)


@pytest.fixture
def staff(make_staff):
    return {
        "lian": make_staff(["filing_judge"], "filing", name="立案法官"),
        "head": make_staff(["division_head"], "filing", name="立案庭庭长"),
        "president": make_staff(["president"], "management", name="院长"),
        "judge": make_staff(["judge"], "civil", name="民庭法官"),
    }


@pytest.fixture
def wage(court):
    """河南 previous-year monthly average wage: the cap is 36 × 6000 = 216000."""
    from django.utils import timezone

    from xiezhi.assistance.models import WageBase

    return WageBase.objects.create(province="豫", year=timezone.localdate().year - 1, monthly_wage="6000.00",
                                   source="测试")


@pytest.fixture
def origin_case(court, staff):
    from django.utils import timezone

    from xiezhi.cases.models import Case
    from xiezhi.courts import refcache

    n = next(_n)
    today = timezone.localdate()
    return Case.objects.create(court=court, case_type=refcache.case_type("刑初"), number=f"（{today.year}）豫0222刑初{800 + n}号",
                               year=today.year, serial=800 + n, filed_on=today, title="被告人某故意伤害案",
                               judge=staff["judge"])


@pytest.fixture
def apply_for(staff, court, origin_case, wage):
    from xiezhi.assistance import services

    def make(user, **kw):
        args = dict(category=1, origin_kind="criminal", facts="被害人重伤，加害人无赔偿能力", amount_asked="50000",
                    bank_account="6222 0000 1111 2222", origin_case=origin_case)
        args.update(kw)
        return services.apply(user, court, **args)

    return make


@pytest.fixture
def reviewed(apply_for, make_public, staff):
    from xiezhi.assistance import services

    def make(**kw):
        party = make_public()
        a = apply_for(party, **kw)
        a = services.accept(staff["lian"], a)
        a = services.investigate(staff["lian"], a, "走访核实：生活困难属实")
        a = services.review(staff["lian"], a, "合议庭一致意见：给予救助")
        return a

    return make
