from datetime import timedelta

import pytest
from django.utils import timezone

# the pre-suit mediation fixtures (a roster, a submitted filing, an accepted mediation) are the mediation app's
from tests.mediation.conftest import accepted, cause, make_filing, roster  # noqa: F401


@pytest.fixture
def staff(make_staff):
    return {
        "lian": make_staff(["filing_judge"], "filing", name="立案法官"),
        "head": make_staff(["division_head"], "filing", name="立案庭庭长"),
        "judge": make_staff(["judge"], "civil", name="民庭法官"),
        "other_judge": make_staff(["judge"], "civil", name="另一法官"),
        "clerk": make_staff(["clerk"], "civil", name="书记员"),
        "mediator": make_staff(["mediator"], "service", name="调解员甲"),
        "other_mediator": make_staff(["mediator"], "service", name="调解员乙"),
    }


APPLICANTS = [{"name": "张三", "id_number": "410222199001011234", "phone": "13900000001", "address": "通许县城关镇"},
              {"name": "李四", "phone": "13900000002", "address": "通许县玉皇庙镇"}]


@pytest.fixture
def receive(court, staff):
    from xiezhi.confirmation import services

    def make(effective_on=None, **kw):
        args = dict(origin="self_organised", venue_ground="domicile", organisation_name="通许县城关镇人民调解委员会",
                    agreement_text="一、李四于2026年12月31日前偿还张三借款10000元。\n二、双方再无其他争议。",
                    agreement_effective_on=effective_on or timezone.localdate() - timedelta(days=3),
                    applicants=APPLICANTS)
        args.update(kw)
        return services.receive(staff["lian"], court, **args)

    return make


@pytest.fixture
def accepted_app(receive, staff):
    from xiezhi.confirmation import services

    return services.accept(staff["lian"], receive(), judge=staff["judge"])


@pytest.fixture
def no_service(settings):
    # closing without waiting for service (⚠ XIEZHI_CLOSING_REQUIRES_SERVICE): the decision closes at once
    settings.CLOSING_REQUIRES_SERVICE = False


@pytest.fixture
def agreed(accepted, staff):
    """A pre-suit mediation in state `agreement`."""
    from xiezhi.mediation import services as ms

    m = accepted()
    return ms.record_agreement(staff["mediator"], m, "被告于2026年12月31日前偿还原告10000元。")

