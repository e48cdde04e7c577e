"""送达 through the real channels: a local SMTP server, the local SMS gateway, the portal inbox;
paper and public-notice service recorded by staff; document_served for the appeal window."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from xiezhi.cases.signals import document_served
from xiezhi.delivery import services as ds
from xiezhi.delivery.models import ServiceReceipt, ServiceRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def served_signals():
    got = []

    def receiver(sender, **kw):
        got.append(kw)

    document_served.connect(receiver, dispatch_uid="test.delivery.capture")
    yield got
    document_served.disconnect(dispatch_uid="test.delivery.capture")


def _serve(w, actor=None, parties=None, methods=("portal",), kind="notice", title="举证通知书", capture=None):
    return ds.serve(actor or w["clerk"], w["case"], title=title, kind=kind, file_bytes=w["pdf"],
                    filename="notice.pdf", parties=parties or [w["plaintiff"]], methods=list(methods))


def test_electronic_service_is_refused_without_a_confirmed_address(world):
    """民诉解释 第一百三十六条；在线诉讼规则 第三十一条：no 送达地址确认书, no SMS or e-mail."""
    for method in ("sms", "email"):
        with pytest.raises(ValidationError) as exc:
            _serve(world, parties=[world["defendant"]], methods=[method])
        assert "未确认该电子送达地址" in "".join(exc.value.messages)
    # the defendant has no portal account either
    with pytest.raises(ValidationError):
        _serve(world, parties=[world["defendant"]], methods=["portal"])
    # a recipient who refused electronic service in the 确认书 gets no electronic service at all
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=False,
                         postal_address="河南省通许县城关镇")
    with pytest.raises(ValidationError) as exc:
        _serve(world, methods=["portal"])
    assert ServiceRecord.objects.count() == 0


def test_judgments_need_their_own_consent(world, smtp_server, django_capture_on_commit_callbacks):
    """民事诉讼法 第九十条第一款；流程公开规定 第十四条."""
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, email="yuangao@example.cn")
    with pytest.raises(ValidationError) as exc:
        _serve(world, methods=["email"], kind="judgment", title="民事判决书")
    assert "判决书、裁定书、调解书" in "".join(exc.value.messages)
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, consent_judgments=True,
                         email="yuangao@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        _serve(world, methods=["email"], kind="judgment", title="民事判决书")
    assert ServiceRecord.objects.get().status == "served"


def test_email_service_reaches_the_local_smtp_server_with_the_document(world, smtp_server, served_signals,
                                                                       django_capture_on_commit_callbacks):
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, email="yuangao@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        [rec] = _serve(world, methods=["email"])
    assert len(smtp_server.messages) == 1
    got = smtp_server.messages[0]
    assert got["to"] == ["yuangao@example.cn"]
    msg = got["message"]
    assert world["case"].number in str(email_header(msg["Subject"]))
    parts = [p for p in msg.walk() if p.get_content_disposition() == "attachment"]
    assert len(parts) == 1 and parts[0].get_payload(decode=True) == world["pdf"]
    rec.refresh_from_db()
    # 民诉解释 第一百三十五条第二款: the day the court's system shows the sending succeeded
    assert rec.status == "served" and rec.served_on == timezone.localdate()
    assert rec.external_id == msg["Message-ID"]
    assert ServiceReceipt.objects.filter(record=rec, kind="smtp").exists()
    assert served_signals == [{"signal": document_served, "case": world["case"], "document_kind": "notice",
                               "party_id": world["plaintiff"].pk, "served_on": timezone.localdate(),
                               "method": "email"}]
    codes = list(world["case"].events.values_list("code", flat=True))
    assert "document_sent" in codes and "document_served" in codes


def email_header(value):
    from email.header import decode_header, make_header

    return make_header(decode_header(value))


def test_email_to_a_relay_that_is_down_fails_visibly(world, settings, django_capture_on_commit_callbacks):
    from tests.delivery.conftest import _free_port

    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # nothing listens there
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, email="yuangao@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        [rec] = _serve(world, methods=["email"])
    rec.refresh_from_db()
    assert rec.status == "failed" and "邮件发送失败" in rec.failure
    assert world["case"].events.filter(code="service_failed").exists()


def test_sms_service_through_the_local_gateway(world, sms_gateway, served_signals, client,
                                               django_capture_on_commit_callbacks):
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, mobile="13912345678")
    ds.confirm_addresses(world["clerk"], world["defendant"], consent_electronic=True, mobile="13900000000")
    with django_capture_on_commit_callbacks(execute=True):
        recs = _serve(world, parties=[world["plaintiff"], world["defendant"]], methods=["sms"])
    ok, off = [ServiceRecord.objects.get(pk=r.pk) for r in recs]
    assert ok.status == off.status == "sent"  # accepted by the gateway, no delivery report yet
    sent = {m["phone"]: m for m in sms_gateway.messages.values()}
    assert set(sent) == {"13912345678", "13900000000"}
    assert world["case"].number in sent["13912345678"]["text"] and "/delivery/d/" in sent["13912345678"]["text"]
    assert served_signals == []
    assert ds.poll_sms_reports() == {"served": 1, "failed": 1, "pending": 0}
    ok.refresh_from_db()
    off.refresh_from_db()
    assert ok.status == "served" and ok.served_on == timezone.localdate()
    assert off.status == "failed" and "关机" in off.failure
    assert [s["party_id"] for s in served_signals] == [world["plaintiff"].pk]
    assert ds.poll_sms_reports() == {"served": 0, "failed": 0, "pending": 0}  # idempotent
    # the link in the SMS opens the document (audited) and records that it was read
    link = sent["13912345678"]["text"].split("：")[-1]
    resp = client.get(link[link.index("/delivery/"):])
    assert resp.status_code == 200 and b"".join(resp.streaming_content) == world["pdf"]
    ok.refresh_from_db()
    assert ok.read_at is not None
    assert client.get("/delivery/d/forged-token/").status_code == 404


def test_portal_service_to_a_confirmed_account_is_served_on_arrival(world, client, served_signals,
                                                                    django_capture_on_commit_callbacks):
    """在线诉讼规则 第三十一条第一款: arrival at a confirmed address is service; reading only adds 阅知."""
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, portal=True)
    with django_capture_on_commit_callbacks(execute=True):
        [rec] = _serve(world, methods=["portal"])
    rec.refresh_from_db()
    assert rec.status == "served" and rec.served_on == timezone.localdate() and rec.read_at is None
    client.force_login(world["litigant"])
    page = client.get("/delivery/inbox/")
    assert page.status_code == 200 and "举证通知书" in page.content.decode()
    resp = client.get(f"/delivery/inbox/{rec.pk}/")
    assert resp.status_code == 200
    rec.refresh_from_db()
    assert rec.read_at is not None and rec.served_on == timezone.localdate()
    assert ServiceReceipt.objects.filter(record=rec, kind="portal_read").exists()
    from xiezhi.audit.models import AuditEntry

    assert AuditEntry.objects.filter(user=world["litigant"], action="download", case=world["case"]).exists()
    assert len(served_signals) == 1


def test_portal_read_receipt_sets_the_service_date_for_an_unconfirmed_account(
        world, client, served_signals, django_capture_on_commit_callbacks, monkeypatch):
    """在线诉讼规则 第三十一条第二款: a real-name portal account the party has not confirmed is
    served when the system reports the party read it; until then it is only sent."""
    with django_capture_on_commit_callbacks(execute=True):
        [rec] = _serve(world, methods=["portal"])
    rec.refresh_from_db()
    assert rec.status == "sent" and rec.served_on is None and served_signals == []
    # three days later the party opens it
    later = timezone.now() + timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    client.force_login(world["litigant"])
    assert client.get(f"/delivery/inbox/{rec.pk}/").status_code == 200
    rec.refresh_from_db()
    assert rec.status == "served" and rec.served_on == timezone.localtime(later).date()
    assert served_signals[0]["served_on"] == timezone.localtime(later).date()
    # a judgment cannot go to an unconfirmed account at all
    with pytest.raises(ValidationError):
        _serve(world, methods=["portal"], kind="judgment", title="民事判决书")


def test_a_party_sees_only_their_own_inbox(world, client, make_public, django_capture_on_commit_callbacks):
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, portal=True)
    with django_capture_on_commit_callbacks(execute=True):
        [rec] = _serve(world, methods=["portal"])
    stranger = make_public()
    client.force_login(stranger)
    assert "举证通知书" not in client.get("/delivery/inbox/").content.decode()
    assert client.get(f"/delivery/inbox/{rec.pk}/").status_code == 404
    rec.refresh_from_db()
    assert rec.read_at is None
    # staff accounts have no inbox; anonymous users are sent to the login page
    client.force_login(world["judge"])
    assert client.get("/delivery/inbox/").status_code == 403
    client.logout()
    assert client.get("/delivery/inbox/").status_code == 302


def test_direct_left_and_postal_service_recorded_by_staff(world, served_signals, pdf_bytes):
    recs = _serve(world, parties=[world["plaintiff"]], methods=["direct"]) + \
        _serve(world, parties=[world["defendant"]], methods=["postal", "left"], title="应诉通知书", kind="response")
    direct = recs[0]
    postal, left = recs[1], recs[2]
    assert direct.status == "pending"
    with pytest.raises(ValidationError):  # a signed receipt is the proof (民事诉讼法 第八十七条)
        ds.record_paper_service(world["clerk"], direct, on=date.today())
    signed = timezone.localdate() - timedelta(days=2)
    ds.record_paper_service(world["clerk"], direct, on=signed, receipt=pdf_bytes, receipt_name="回证.pdf")
    direct.refresh_from_db()
    assert direct.status == "served" and direct.served_on == signed
    # postal: the date on the return receipt (第九十一条); the earlier 留置 later recorded does not
    # start a second window (在线诉讼规则 第三十一条第四款 by analogy: first completed service counts)
    ds.record_paper_service(world["clerk"], postal, on=timezone.localdate() - timedelta(days=1), receipt=pdf_bytes)
    with pytest.raises(ValidationError, match="第八十九条"):  # 留置 needs the witnessed receipt or photos
        ds.record_paper_service(world["clerk"], left, on=timezone.localdate())
    ds.record_paper_service(world["clerk"], left, on=timezone.localdate(), receipt=pdf_bytes)
    postal.refresh_from_db()
    assert postal.served_on == timezone.localdate() - timedelta(days=1)
    assert [(s["party_id"], s["method"]) for s in served_signals] == [
        (world["plaintiff"].pk, "direct"), (world["defendant"].pk, "postal")]
    assert world["case"].events.filter(code="document_served").count() == 2


def test_mediation_documents_are_not_left(world):
    with pytest.raises(ValidationError, match="第一百三十三条"):
        _serve(world, methods=["left"], kind="mediation", title="民事调解书")


def test_public_notice_is_deemed_served_after_30_days_and_60_abroad(world, served_signals):
    """民事诉讼法 第九十五条、第二百八十三条第二款."""
    [home] = _serve(world, parties=[world["defendant"]], methods=["public_notice"], title="传票", kind="summons")
    [abroad] = _serve(world, parties=[world["plaintiff"]], methods=["public_notice"], title="传票", kind="summons")
    published = date(2026, 3, 2)
    ds.record_public_notice(world["clerk"], home, published_on=published, today=published)
    ds.record_public_notice(world["clerk"], abroad, published_on=published, abroad=True, today=published)
    home.refresh_from_db()
    assert home.status == "sent" and home.served_on is None
    assert world["case"].events.filter(code="public_notice_published").count() == 2
    assert ds.settle_public_notices(date(2026, 3, 31)) == 0  # 29 days have passed
    assert ds.settle_public_notices(date(2026, 4, 1)) == 1  # 30 days: deemed served
    home.refresh_from_db()
    assert home.status == "served" and home.served_on == date(2026, 4, 1)
    assert ds.settle_public_notices(date(2026, 4, 30)) == 0
    # 60 days for a party abroad end on 05-01, 劳动节: rolled over to 05-06 (民事诉讼法 第八十五条第三款)
    assert ds.settle_public_notices(date(2026, 5, 5)) == 0
    assert ds.settle_public_notices(date(2026, 5, 6)) == 1
    abroad.refresh_from_db()
    assert abroad.served_on == date(2026, 5, 6)
    assert [s["served_on"] for s in served_signals] == [date(2026, 4, 1), date(2026, 5, 6)]


def test_public_notice_is_not_used_in_summary_procedure(world):
    from xiezhi.courts.models import Procedure

    case = world["case"]
    case.procedure = Procedure.objects.filter(limit_code="civil_summary").first()
    case.save(update_fields=["procedure"])
    with pytest.raises(ValidationError, match="第一百四十条"):
        _serve(world, methods=["public_notice"])


def test_judgment_service_opens_the_appeal_window(world, served_signals, pdf_bytes):
    """document_served carries the party's service date so the trial app can start the window."""
    [rec] = _serve(world, parties=[world["defendant"]], methods=["direct"], kind="judgment", title="民事判决书")
    ds.record_paper_service(world["clerk"], rec, on=date(2026, 1, 5), receipt=pdf_bytes)
    assert served_signals[0]["document_kind"] == "judgment"
    assert served_signals[0]["served_on"] == date(2026, 1, 5)
    assert world["case"].events.filter(code="appeal_window_started").exists()


def test_service_on_an_agent_counts_for_the_party(world, make_public, served_signals,
                                                  django_capture_on_commit_callbacks):
    """民事诉讼法 第八十八条；民诉解释 第一百三十二条."""
    from xiezhi.cases.models import Party

    lawyer = make_public(lawyer=True)
    agent = Party.objects.create(case=world["case"], role="agent", name=lawyer.real_name,
                                 represents=world["defendant"], user=lawyer)
    ds.confirm_addresses(world["clerk"], agent, consent_electronic=True, portal=True)
    with django_capture_on_commit_callbacks(execute=True):
        _serve(world, parties=[agent], methods=["portal"])
    assert served_signals[0]["party_id"] == world["defendant"].pk


def test_only_the_case_team_serves(world, make_staff):
    outsider = make_staff(["clerk"])
    with pytest.raises(PermissionDenied):
        _serve(world, actor=outsider)
    with pytest.raises(PermissionDenied):
        ds.confirm_addresses(outsider, world["plaintiff"], consent_electronic=True, portal=True)
    _serve(world, actor=world["judge"], methods=["direct"])


def test_receipts_reach_the_e_file(world, pdf_bytes, django_capture_on_commit_callbacks):
    """A scanned 送达回证 is a paper of the case: paper_added (kind "receipt") after commit."""
    from xiezhi.cases.signals import paper_added

    got = []

    def receiver(sender, **kw):
        got.append(kw)

    paper_added.connect(receiver, dispatch_uid="test.delivery.paper")
    try:
        [rec] = _serve(world, methods=["direct"])
        with django_capture_on_commit_callbacks(execute=True):
            ds.record_paper_service(world["clerk"], rec, on=timezone.localdate(), receipt=pdf_bytes,
                                    receipt_name="回证.pdf")
    finally:
        paper_added.disconnect(dispatch_uid="test.delivery.paper")
    assert [(g["kind"], g["case"], g["source"].split(":")[0]) for g in got] == [
        ("receipt", world["case"], "delivery.ServiceReceipt")]
    assert got[0]["file"].open("rb").read() == pdf_bytes
