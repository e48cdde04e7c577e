"""特邀调解 and 诉前调解 in the demo court (issue 12 item 1): three mediation organisations, the demo
`mediator` and three more invited mediators, the court's list of causes suitable for pre-suit
mediation, and pre-suit mediations in every state — made through the filing and mediation services,
so every node is real. `mediator` lands on open matters (one due soon, one just assigned).

The mediations in progress have an online room: a session whose video room and links come from the
video-conference simulator (`ensure_video_simulator`, started in this process when XIEZHI_VIDEO_URL is
not set, as seed_linkage starts the linkage simulator; the demo command calls it before it seeds), a
paper from each side (the party's marked as a concession) and the mediator's proposal. The portal
user 马当事 (13800000002) files two of them, so /portal/mediation/ shows a live room.

A second `make demo` adds nothing: the seed returns when the court already has mediations."""
from __future__ import annotations

import random
from datetime import date

from django.db import transaction
from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.courts.models import Cause, Court
from xiezhi.filing import services as filing_services

ORGS = [("通许县人民调解委员会驻法院工作室", "peoples"), ("通许县物业纠纷行业调解委员会", "industry"),
        ("河南通正律师调解工作室", "lawyer")]
MEDIATORS = [  # username, name, organisation index or None (individual)
    ("mediator", None, 0), ("mediator2", "钱和睦", 0), ("mediator3", "吴公道", 1), ("mediator4", "郑平之", None)]
SUITABLE = ["民间借贷纠纷", "买卖合同纠纷", "物业服务合同纠纷", "婚约财产纠纷", "机动车交通事故责任纠纷"]
# the state each demo mediation ends in, and whose it is
STORIES = [("offered", None), ("consented", None), ("refused", None), ("assigned", "mediator"),
           ("accepted", "mediator"), ("accepted", "mediator2"), ("agreement", "mediator"), ("failed", "mediator3"),
           ("withdrawn", "mediator4"), ("accepted", "mediator3")]


SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GIVEN = ["建国", "秀英", "志强", "丽娟", "海涛", "桂兰", "明辉", "淑珍", "国庆", "红梅"]


def _person(role: str, rng, k: int) -> dict:
    """A natural person for the complaint (names only from the lists above: a demo, not real people)."""
    from xiezhi.law.identity import resident_id_check_char

    body = f"410222{rng.randint(1960, 1999)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    return {"role": role, "kind": "natural", "name": SURNAMES[k % len(SURNAMES)] + GIVEN[rng.randrange(len(GIVEN))],
            "id_number": body + resident_id_check_char(body),
            "gender": rng.choice("男女"), "ethnicity": "汉族", "address": "河南省通许县城关镇",
            "phone": f"139{rng.randint(10000000, 99999999)}"}


def _blank_pdf() -> bytes:
    """The complaint's attachment (a one-page PDF): the filing refuses a complaint without one."""
    import io

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def ensure_video_simulator() -> str:
    """VIDEO_URL, starting the video-conference simulator in this process when none is set."""
    from django.conf import settings

    if not settings.VIDEO_URL and not settings.VIDEO_ADAPTER:
        from xiezhi.mediation import video_simulator

        _server, url = video_simulator.start()
        settings.VIDEO_URL = url
    return settings.VIDEO_URL


def _room(mu, m, party, k: int) -> None:
    """A session tomorrow at 9:30 (online), a paper from each side, the mediator's proposal."""
    from datetime import datetime, time, timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from xiezhi.mediation import room

    when = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(9, 30)))
    room.schedule_session(mu, m, when, online=True, key=f"demo-session-{k}")
    pdf = _blank_pdf()
    room.add_document(mu, m, SimpleUploadedFile(f"调解须知{k}.pdf", pdf + f"%mediator-{k}".encode(), "application/pdf"),
                      title="诉前调解告知书")
    room.add_document(party, m, SimpleUploadedFile(f"还款计划{k}.pdf", pdf + f"%party-{k}".encode(), "application/pdf"),
                      title="还款计划（让步方案）", concession=True)
    room.propose(mu, m, "被告于三个月内分三期偿还原告借款本金，原告放弃利息主张；案件受理费减半由被告负担。",
                 key=f"demo-proposal-{k}")


def _causes(on: date) -> list[Cause]:
    version = filing_services.cause_version_for(on)
    return list(Cause.objects.filter(kind="civil", version=version, name__in=SUITABLE))


def seed_mediation(c: Court, users: dict[str, User]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from xiezhi.mediation import services
    from xiezhi.mediation.models import MediationOrganisation, Mediator, PreSuitMediation, SuitableCauseList

    if PreSuitMediation.objects.filter(court=c).exists():
        return
    today = timezone.localdate()
    causes = _causes(today)
    lst, _ = SuitableCauseList.objects.get_or_create(court=c, version=f"{today.year}-1", defaults=dict(
        valid_from=date(today.year, 1, 1), note="本院审判委员会确定的适宜诉前调解的民事纠纷"))
    lst.causes.add(*causes)
    orgs = [MediationOrganisation.objects.get_or_create(court=c, name=n, defaults={"kind": k})[0] for n, k in ORGS]
    base = users["mediator"]
    roster = {}
    for username, name, org in MEDIATORS:
        u = users.get(username) or User.objects.filter(username=username).first()
        if u is None:
            u = User.objects.create(username=username, kind=User.Kind.STAFF, real_name=name, court=c,
                                    division=base.division, roles=["mediator"], password=base.password)  # the demo password, hashed once
        users[username] = u
        m, _ = Mediator.objects.get_or_create(user=u, defaults=dict(
            court=c, organisation=orgs[org] if org is not None else None, enrolled_on=date(today.year - 1, 3, 1)))
        m.specialities.add(*causes[:3])
        roster[username] = m
    clerk, lawyer, litigant = users["lian"], users["13800000001"], users["13800000002"]
    ensure_video_simulator()
    rng = random.Random(12)
    for k, (state, who) in enumerate(STORIES):
        with transaction.atomic():
            applicant = lawyer if k % 2 == 0 else litigant
            cause = causes[k % len(causes)] if causes else None
            plaintiff = _person("plaintiff", rng, k)
            defendant = _person("defendant", rng, k + 7)
            if applicant == litigant:
                plaintiff.update(name=litigant.real_name, id_number=litigant.id_number)
            f = filing_services.new_draft(applicant, c)
            f = filing_services.save_draft(applicant, f, {
                "parties": [plaintiff, defendant], "claims": "1. 判令被告支付欠款及利息；2. 诉讼费由被告负担。",
                "facts": "双方发生纠纷，经协商未果。", "amount": str(rng.choice([8000, 30000, 60000])),
                "cause_id": cause.pk if cause else None})
            scan = _blank_pdf()
            filing_services.add_evidence(applicant, f, SimpleUploadedFile(f"借条{k}.pdf", scan, "application/pdf"),
                                         kind="evidence", title="借条", purpose="证明借贷关系")
            filing_services.submit(applicant, f)
            m = services.offer(clerk, f)
            if state == "offered":
                continue
            m = services.consent(applicant, m, state != "refused")
            if state in ("consented", "refused"):
                continue
            m = services.assign(clerk, m, roster[who], chosen_by_parties=k % 2 == 0)
            if state == "assigned":
                continue
            mu = roster[who].user
            m = services.accept(mu, m)
            services.add_note(mu, m, "已电话联系双方当事人，约定本周内组织调解。", key=f"demo-note-{k}")
            if k == 5:
                services.extend(mu, m, 15, "双方当事人书面同意延长调解期限。", key="demo-extend")
            if state == "accepted":
                _room(mu, m, applicant, k)
            if state == "agreement":
                services.record_agreement(mu, m, "被告于本月底前一次性支付原告欠款，原告放弃利息。")
            elif state == "failed":
                services.record_failure(mu, m, "双方对欠款数额分歧较大，调解不成。")
            elif state == "withdrawn":
                services.withdraw(mu, m, "原告撤回调解申请，要求直接立案。")
