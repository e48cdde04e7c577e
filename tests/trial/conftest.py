import pytest

from tests.helpers import complaint


@pytest.fixture
def staff(make_staff):
    return {
        "lian": make_staff(["filing_judge"], "filing", name="立案法官"),
        "head": make_staff(["division_head"], "civil", name="庭长"),
        "president": make_staff(["president"], "management", name="院长"),
        "j1": make_staff(["judge"], "civil", name="法官甲"),
        "j2": make_staff(["judge"], "civil", name="法官乙"),
        "j3": make_staff(["judge"], "civil", name="法官丙"),
        "crim": make_staff(["judge"], "criminal", name="刑庭法官"),
    }


@pytest.fixture
def new_case(court, staff):
    from xiezhi.filing import services as fs

    def make(amount="150000", procedure_code="civil_summary", **kw):
        data = complaint(amount=amount, **kw)
        return fs.register(staff["lian"], fs.counter_filing(staff["lian"], court, data), procedure_code=procedure_code)

    return make
