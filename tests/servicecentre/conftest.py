import datetime
import itertools

import pytest

_serial = itertools.count(1)


@pytest.fixture
def lian(make_staff):
    return make_staff(["filing_judge"], "filing", name="林立安")


@pytest.fixture
def windows(court):
    from xiezhi.servicecentre.models import ServiceWindow

    return [ServiceWindow.objects.create(court=court, number=1, services=["filing", "materials"]),
            ServiceWindow.objects.create(court=court, number=2, services=["filing", "consult", "reading"])]


@pytest.fixture
def make_case(court):
    from xiezhi.cases.models import Case, Party
    from xiezhi.courts.models import CaseType

    def make(id_number="410222199001010013", judge=None):
        n = next(_serial)
        case = Case.objects.create(court=court, case_type=CaseType.objects.order_by("id").first(),
                                   number=f"（2026）豫0222民初{9000 + n}号", year=2026, serial=9000 + n,
                                   filed_on=datetime.date(2026, 3, 1), judge=judge, title="张三与李四民间借贷纠纷")
        Party.objects.create(case=case, role="plaintiff", name="马当事", id_number=id_number)
        return case

    return make


@pytest.fixture
def device():
    """The device simulator, started for real; settings point the kiosk at it."""
    from django.conf import settings

    from xiezhi.servicecentre import device_simulator

    server, sim, url = device_simulator.start()
    old = settings.KIOSK_DEVICE_URL
    settings.KIOSK_DEVICE_URL = url
    yield sim
    settings.KIOSK_DEVICE_URL = old
    server.shutdown()
