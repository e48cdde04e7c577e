from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers import complaint
from xiezhi.cases.models import Party
from xiezhi.cases.services import assign_judge
from xiezhi.courts.models import Courtroom
from xiezhi.filing import services as fs


@pytest.fixture
def world(court, make_staff, make_public):
    filer = make_staff(["filing_judge"], "filing")
    judge = make_staff(["judge"], name="王法官")
    judge2 = make_staff(["judge"], name="李法官")
    clerk = make_staff(["clerk"], name="赵书记员")
    litigant = make_public()
    lawyer = make_public(lawyer=True)

    def new_case(procedure="civil_ordinary", j=judge, plaintiff=litigant):
        data = complaint(plaintiff_name=plaintiff.real_name, plaintiff_id=plaintiff.id_number)
        case = fs.register(filer, fs.counter_filing(filer, court, data), procedure_code=procedure)
        assign_judge(filer, case, j)
        case.team.add(clerk)
        case.parties.filter(role="plaintiff").update(user=plaintiff)
        return case

    case = new_case()
    plaintiff = case.parties.get(role="plaintiff")
    Party.objects.create(case=case, role="agent", name=lawyer.real_name, lawyer_licence=lawyer.lawyer_licence,
                         law_firm=lawyer.law_firm, user=lawyer, represents=plaintiff)
    rooms = [Courtroom.objects.create(court=court, name=f"第{i}审判庭", location="通许县人民法院二楼", supports_online=True)
             for i in (1, 2, 3)]
    tomorrow = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=2)
    return {"court": court, "filer": filer, "judge": judge, "judge2": judge2, "clerk": clerk, "litigant": litigant,
            "lawyer": lawyer, "case": case, "rooms": rooms, "t": tomorrow, "new_case": new_case}
