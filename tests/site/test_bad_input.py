"""No 500 on bad input (issue 9 §6.5; security review 2026-12, findings F12–F18 and F4).

Each request below answered 500 in the review. Sent by the role that may act, it now answers 400
with a Chinese sentence (JSON {"error": …} for the autosave endpoints), or the page again with the
sentence, and changes nothing in the database (tests.helpers.assert_nothing_changed)."""
import io
import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from tests.helpers import assert_nothing_changed, complaint, row_counts

pytestmark = pytest.mark.django_db


def _pillow_pdf() -> bytes:
    """A PDF as Pillow writes it: xref generation 65536, which pyHanko refuses (review F4)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buf, "PDF")
    return buf.getvalue()


@pytest.fixture
def world(court, make_staff, make_public, pdf_bytes, settings, tmp_path):
    from xiezhi.cases.services import assign_judge
    from xiezhi.courts.models import Courtroom
    from xiezhi.documents import services as doc_services
    from xiezhi.dossier.services import dossier_for
    from xiezhi.filing import services as fs
    from xiezhi.hearings import services as hs

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    lian = make_staff(["filing_judge"], "filing")
    head = make_staff(["division_head"])
    judge = make_staff(["judge"])
    clerk = make_staff(["clerk"])
    litigant = make_public()
    case = fs.register(lian, fs.counter_filing(lian, court, complaint()), procedure_code="civil_ordinary")
    assign_judge(lian, case, judge)
    case.refresh_from_db()  # the summons below names its 审判员
    case.team.add(clerk)
    room = Courtroom.objects.create(court=court, name="坏输入测试法庭", location="二楼")
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=5)
    hearing = hs.schedule_hearing(judge, case, room, start, start + timedelta(hours=2))
    # a filing waiting for the filing judge, and a draft of the litigant
    submitted = fs.save_draft(litigant, fs.new_draft(litigant, court),
                              complaint(plaintiff_name=litigant.real_name, plaintiff_id=litigant.id_number))
    fs.add_evidence(litigant, submitted, SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf"),
                    kind="complaint")
    fs.submit(litigant, submitted)
    draft = fs.new_draft(litigant, court)
    # a document whose PDF the seal step cannot parse
    doc = doc_services.generate(judge, case, "summons",  # no 【待填写】 gap, so the seal step reaches the PDF
                                extra_context={"hearing_time": "2026年12月1日上午9时", "hearing_place": "第一法庭"})
    doc.pdf_sha256 = doc_services._store(doc.pdf, "x.pdf", _pillow_pdf())
    doc.save()
    dossier_for(case)
    return {"lian": lian, "head": head, "judge": judge, "clerk": clerk, "litigant": litigant, "case": case,
            "room": room, "hearing": hearing, "submitted": submitted, "draft": draft, "doc": doc}


def _day(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _file():
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(buf, "PNG")
    return SimpleUploadedFile("scan.png", buf.getvalue(), "image/png")


# name → (who, method, path, data as a function of the world or a JSON body, what the answer says).
# The path is formatted with the world's ids: {case}, {hearing}, {submitted}, {draft}, {doc}, {judge}, {room}.
BAD = {
    # F12: non-numeric ids in POST bodies
    "F12 assign: judge=abc": ("lian", "post", "/staff/trial/cases/{case}/assign/",
                              {"action": "manual", "judge": "abc", "reason": "回避"}, "承办法官"),
    "F12 panel: judges=abc": ("judge", "post", "/staff/trial/cases/{case}/panel/",
                              {"judges": "abc", "assessors": "0"}, "合议庭成员"),
    "F12 appeal: party=abc": ("judge", "post", "/staff/trial/cases/{case}/appeal/", {"party": "abc"}, "上诉人"),
    "F12 approvals: extension id=abc": ("head", "post", "/staff/trial/approvals/",
                                        {"kind": "extension", "id": "abc", "decision": "approve"}, "待审批事项"),
    "F12 approvals: assignment id=abc": ("head", "post", "/staff/trial/approvals/",
                                         {"kind": "assignment", "id": "abc", "decision": "approve"}, "待审批事项"),
    "F12 schedule: room=abc": ("judge", "post", "/staff/hearings/cases/{case}/schedule/",
                               {"room": "abc", "date": _day(20), "start": "09:00", "end": "10:00"}, "审判法庭"),
    "F12 schedule: clerk=abc": ("judge", "post", "/staff/hearings/cases/{case}/schedule/",
                                {"room": "{room}", "clerk": "abc", "date": _day(20), "start": "09:00",
                                 "end": "10:00"}, "书记员"),
    "F12 postpone: room=abc": ("judge", "post", "/staff/hearings/{hearing}/postpone/",
                               {"room": "abc", "reason": "当事人申请", "date": _day(21), "start": "09:00",
                                "end": "10:00"}, "审判法庭"),
    "F12 filing decide: cause_id=abc": ("lian", "post", "/staff/filings/{submitted}/decide/",
                                        {"action": "register", "cause_id": "abc", "procedure": "civil_ordinary"},
                                        "案由"),
    "F12 e-file upload: supersedes=abc": ("judge", "post", "/staff/dossier/cases/{case}/upload/",
                                          {"supersedes": "abc", "title": "补充证据", "kind": "other", "file": _file},
                                          "被更正的材料"),
    "F12 serve: upload=abc": ("judge", "post", "/delivery/cases/{case}/serve/",
                              {"upload": "abc", "title": "传票", "kind": "summons", "methods": "postal"}, "案件材料"),
    "F12 portal new filing: court=abc": ("litigant", "post", "/portal/filings/new/", {"court": "abc"}, "受理法院"),
    # F13: malformed autosave JSON (JSON answers)
    "F13 filing autosave: body []": ("litigant", "json", "/portal/filings/{draft}/autosave/", "[]", "格式不正确"),
    "F13 filing autosave: body \"x\"": ("litigant", "json", "/portal/filings/{draft}/autosave/", '"x"', "格式不正确"),
    "F13 filing autosave: revision 1e309": ("litigant", "json", "/portal/filings/{draft}/autosave/",
                                            '{"data": {}, "revision": 1e309}', "修订号须为整数"),
    "F13 filing autosave: amount NaN": ("litigant", "json", "/portal/filings/{draft}/autosave/",
                                        '{"data": {"amount": "NaN"}}', "诉讼标的额须为数字"),
    "F13 record autosave: body []": ("clerk", "json", "/staff/hearings/{hearing}/record/autosave/", "[]",
                                     "格式不正确"),
    # F14: sNaN in the filing form: the form again with its message
    "F14 filing form: amount sNaN": ("litigant", "post", "/portal/filings/{draft}/",
                                     {"party_count": "0", "amount": "sNaN"}, "诉讼标的额须为数字"),
    # F15: calendar weeks outside any sane window
    "F15 court calendar: week 9999-12-31": ("judge", "get", "/staff/hearings/?week=9999-12-31", None, "日期超出"),
    "F15 court calendar: week 0001-01-01": ("judge", "get", "/staff/hearings/?week=0001-01-01", None, "日期超出"),
    "F15 judge calendar: week 9999-12-31": ("judge", "get", "/staff/hearings/judges/{judge}/?week=9999-12-31",
                                            None, "日期超出"),
    "F15 judge calendar: week 0001-01-03": ("judge", "get", "/staff/hearings/judges/{judge}/?week=0001-01-03",
                                            None, "日期超出"),
    # F16: a missing form field
    "F16 deduction end: no kind": ("judge", "post", "/staff/cases/{case}/deduction/", {"action": "end"},
                                   "审限扣除事由"),
    # F17: a 5,000-character e-file query (SQLite refused the expression): searched shortened, and said so
    "F17 e-file reader: q of 5000 characters": ("judge", "get", "/staff/dossier/cases/{case}/?q=" + "字" * 5000,
                                                None, "检索词过长"),
    "F17 e-file search: q of 5000 characters": ("judge", "get", "/staff/dossier/search/?q=" + "字" * 5000,
                                                None, "检索词过长"),
    # F18: a hearing in year 9999 (the case page again with the message)
    "F18 schedule: date 9999-12-31": ("judge", "post", "/staff/hearings/cases/{case}/schedule/",
                                      {"room": "{room}", "date": "9999-12-31", "start": "23:00", "end": "23:59"},
                                      "日期超出"),
    # F4: a PDF the seal step cannot parse (the case page again with the message)
    "F4 seal: PDF pyHanko cannot parse": ("judge", "post", "/documents/staff/{doc}/seal/", {}, "PDF 无法签章"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_gets_a_message_not_a_500(world, name):
    from xiezhi.audit.models import AuditEntry

    who, method, path, data, says = BAD[name]
    ids = {k: world[k].pk for k in ("case", "hearing", "submitted", "draft", "doc", "judge", "room")}
    path = path.format(**ids)
    c = Client(raise_request_exception=False)
    c.force_login(world[who])
    before = row_counts()
    reads = AuditEntry.objects.filter(action=AuditEntry.Action.READ)
    reads_before = reads.count()
    if method == "get":
        resp = c.get(path)
    elif method == "json":
        resp = c.post(path, data=data, content_type="application/json")
    else:
        body = {k: (v() if callable(v) else v.format(**ids)) for k, v in data.items()}
        resp = c.post(path, body)
    assert resp.status_code in (200, 302, 400), f"{name}: {resp.status_code}"
    if method == "get":  # a search is a read of case data, and every read is audited (design.md rule 10)
        before["audit.AuditEntry"] += reads.count() - reads_before
    assert_nothing_changed(before, name)
    if method == "json":
        assert resp.status_code == 400 and says in resp.json()["error"], name
        return
    if resp.status_code == 302:  # an action its service refused: the page it came from, with the message
        resp = c.get(resp["Location"])
        assert resp.status_code == 200, name
    assert says in resp.content.decode(), f"{name}: no message {says!r} in the answer"


def test_there_are_the_24_of_the_review_and_the_3_found_beside_them():
    """F12 (12) + F13 (4, the `"x"` body counted with `[]`) + F14 + F15 (4) + F16 + F17 (2) = 24 in the
    review; plus `"x"` on its own, F18 and F4."""
    assert len(BAD) == 27
    assert sum(1 for n in BAD if n.startswith(("F12", "F13", "F14", "F15", "F16", "F17"))) == 25


def test_the_400_page_keeps_the_layout_of_who_sent_the_request(world):
    staff = Client()
    staff.force_login(world["judge"])
    resp = staff.post(f"/staff/trial/cases/{world['case'].pk}/appeal/", {"party": "abc"})
    assert resp.status_code == 400 and "sidenav" in resp.content.decode() and "上诉人" in resp.content.decode()
    portal = Client()
    portal.force_login(world["litigant"])
    resp = portal.post("/portal/filings/new/", {"court": "abc"})
    assert resp.status_code == 400 and "sidenav" not in resp.content.decode()
    assert "受理法院" in resp.content.decode()
