import itertools
from datetime import date

import pytest

_n = itertools.count(1)


@pytest.fixture
def staff(make_staff):
    return {
        "lian": make_staff(["filing_judge"], "filing", name="立案法官"),
        "judge": make_staff(["judge"], "civil", name="民庭法官"),
        "mediator": make_staff(["mediator"], "service", name="调解员甲"),
        "other_mediator": make_staff(["mediator"], "service", name="调解员乙"),
    }


@pytest.fixture
def cause(court):
    from xiezhi.courts.models import Cause
    from xiezhi.filing.selectors import cause_version_for
    from django.utils import timezone

    return Cause.objects.filter(kind="civil", version=cause_version_for(timezone.localdate()),
                                name="民间借贷纠纷").first()


@pytest.fixture
def other_cause(court):
    from xiezhi.courts.models import Cause
    from xiezhi.filing.selectors import cause_version_for
    from django.utils import timezone

    return Cause.objects.filter(kind="civil", version=cause_version_for(timezone.localdate()),
                                name="离婚纠纷").first()


@pytest.fixture
def roster(court, staff, cause):
    from xiezhi.mediation.models import MediationOrganisation, Mediator, SuitableCauseList

    lst = SuitableCauseList.objects.create(court=court, version="t1", valid_from=date(2000, 1, 1))
    lst.causes.add(cause)
    org = MediationOrganisation.objects.create(court=court, name="人民调解委员会", kind="peoples")
    return {k: Mediator.objects.create(user=staff[k], court=court, organisation=org, enrolled_on=date(2025, 1, 1))
            for k in ("mediator", "other_mediator")}


@pytest.fixture
def make_filing(court, make_public, cause, pdf_bytes):
    """A submitted filing of `cause` by a new litigant."""
    from xiezhi.filing import services as fs

    def make(cause_=None):
        n = next(_n)
        user = make_public()
        f = fs.new_draft(user, court)
        c = cause_ or cause
        data = {"parties": [
            {"role": "plaintiff", "kind": "natural", "name": user.real_name, "id_number": user.id_number,
             "address": "河南省通许县城关镇", "phone": user.phone, "gender": "男", "ethnicity": "汉族"},
            {"role": "defendant", "kind": "natural", "name": f"被告{n}", "address": "河南省通许县玉皇庙镇",
             "gender": "女", "ethnicity": "汉族"}],
            "claims": "1. 判令被告偿还借款本金10000元。", "facts": "被告向原告借款，到期未还。", "amount": "10000",
            "cause_id": c.pk}
        f = fs.save_draft(user, f, data)
        from django.core.files.uploadedfile import SimpleUploadedFile

        fs.add_evidence(user, f, SimpleUploadedFile(f"借条{n}.pdf", pdf_bytes,
                                                    "application/pdf"), kind="evidence", title="借条")
        return fs.submit(user, f)

    return make


@pytest.fixture
def accepted(make_filing, staff, roster):
    """A mediation accepted by staff["mediator"]."""
    from xiezhi.mediation import services

    def make():
        f = make_filing()
        m = services.offer(staff["lian"], f)
        m = services.consent(f.submitted_by, m, True)
        m = services.assign(staff["lian"], m, roster["mediator"])
        return services.accept(staff["mediator"], m)

    return make
