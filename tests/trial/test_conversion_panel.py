"""The conversion form on the case page (民诉解释 第二百五十八条): the judge sees, before ruling,
the limit the case will have — still counted from the filing date — and a blank reason
changes nothing."""
import re

import pytest
from django.test import Client

from xiezhi.law.periods import add_months

pytestmark = pytest.mark.django_db


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def test_panel_previews_the_ordinary_limit_from_the_filing_date(new_case, staff):
    from xiezhi.trial import services as ts

    case = new_case()
    ts.assign_random(staff["lian"], case, seed="s")
    case.refresh_from_db()
    c = _client(case.judge)
    html = c.get(f"/staff/cases/{case.pk}/panels/trial/").content.decode()
    m = re.search(r'id="convert-limit-end">([\d-]+)<', html)
    assert m and m.group(1) == add_months(case.filed_on, 6).isoformat()  # 民事诉讼法 第一百五十二条

    r = c.post(f"/staff/trial/cases/{case.pk}/convert/", {"procedure": "civil_ordinary", "reason": "  "}, follow=True)
    assert "程序转换须载明理由。" in r.content.decode()
    case.refresh_from_db()
    assert case.procedure.limit_code == "civil_summary"
    assert not case.events.filter(code="procedure_converted").exists()

    c.post(f"/staff/trial/cases/{case.pk}/convert/", {"procedure": "civil_ordinary", "reason": "案情复杂"})
    case.refresh_from_db()
    assert case.procedure.limit_code == "civil_ordinary"
    assert case.limit_end == add_months(case.filed_on, 6)
    assert 'id="convert"' not in c.get(f"/staff/cases/{case.pk}/panels/trial/").content.decode()


def test_no_conversion_form_for_those_who_may_not_convert(new_case, staff):
    case = new_case()
    html = _client(staff["lian"]).get(f"/staff/cases/{case.pk}/panels/trial/").content.decode()
    assert 'id="convert"' not in html and "convert-limit-end" not in html
