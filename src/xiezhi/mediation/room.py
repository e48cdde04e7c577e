"""The online mediation room (在线调解室): sessions (a video room with one link per participant, or a
meeting in person), shared documents, and proposals the parties answer. Messages are the mediation's
notes (services.add_note / add_party_note).

Each change locks the mediation row (services._lock) and appends a MediationEvent; the writes a double
click repeats carry a key (sessions, proposals) or are the same bytes (documents), so they happen once.
A party's answer is stored once per party (ProposalAnswer), and the proposal turns "agreed" exactly once,
when the last party accepts."""
from __future__ import annotations

import uuid
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.filing.uploads import check_upload
from xiezhi.site.uploads import clean_filename
from xiezhi.storage import extension_for, store_once

from . import services
from .models import (
    MEDIATOR_KEY, MediationDocument, MediationProposal, MediationSession, MediationState, PreSuitMediation,
    ProposalAnswer, ProposalState,
)
from .portal import party_keys
from .video import VideoUnavailable, get_adapter

S = MediationState
P = ProposalState
NON_PARTY_ROLES = ("agent",)


def all_party_keys(m: PreSuitMediation) -> list[str]:
    """Every party who must accept a proposal: each entry of the complaint's parties but agents."""
    return [f"party-{i}" for i, p in enumerate(m.parties or []) if p.get("role") not in NON_PARTY_ROLES]


def participants(m: PreSuitMediation) -> list[dict]:
    out = [{"key": MEDIATOR_KEY, "name": m.mediator.user.display_name if m.mediator_id else ""}]
    for i, p in enumerate(m.parties or []):
        if p.get("role") not in NON_PARTY_ROLES:
            out.append({"key": f"party-{i}", "name": p.get("name", "")})
    return out


def _is_mediator(user, m) -> bool:
    return bool(m.mediator_id and m.mediator.user_id == user.pk and user.is_court_staff)


def _actor_side(user, m) -> tuple[bool, list[str]]:
    """(is the mediator, the party keys the user speaks for); refused for anyone else."""
    if _is_mediator(user, m):
        return True, []
    keys = party_keys(user, m) if getattr(user, "is_public_user", False) else []
    if not keys:
        raise PermissionDenied(_("只有本调解的调解员或当事人可以办理该事项。"))
    return False, keys


def _in_progress(m) -> None:
    if m.state != S.ACCEPTED:
        raise ValidationError(_("调解员签收后、调解结束前才能使用调解室。"))


def _key(key: str) -> str:
    return (key or "").strip()[:64]


# ---------------------------------------------------------------- sessions

def schedule_session(mediator_user, m: PreSuitMediation, starts_at: datetime, *, online: bool = True,
                     place: str = "", key: str = "") -> MediationSession:
    """The mediator schedules a session. Online: the video service makes a room with a link per
    participant — called before the row lock (an outside call must not hold it) with a ref derived
    from the key, so a retry gets the same room; the session row is written under the lock, once."""
    key = _key(key) or uuid.uuid4().hex
    m = PreSuitMediation.objects.select_related("mediator__user").get(pk=m.pk)
    if not _is_mediator(mediator_user, m):
        raise PermissionDenied(_("只有受委派的调解员可以安排调解会议。"))
    done = m.sessions.filter(key=key).first()
    if done:
        return done
    _in_progress(m)
    if starts_at is None:
        raise ValidationError(_("请填写调解时间。"))
    place = (place or "").strip()[:200]
    if not online and len(place) < 2:
        raise ValidationError(_("线下调解请填写调解地点。"))
    room_id, links = "", {}
    if online:
        try:
            room = get_adapter().create_room(f"mediation-{m.pk}-{key}", f"{m.number} {m.title}"[:200],
                                             starts_at.isoformat(), participants(m))
        except VideoUnavailable as exc:
            raise ValidationError(_("视频会议服务暂不可用，请稍后再试或改为线下调解。")) from exc
        room_id, links = room["room_id"], room["links"]
    with transaction.atomic():
        m = services._lock(m)
        done = m.sessions.filter(key=key).first()
        if done:
            return done
        _in_progress(m)
        s = MediationSession.objects.create(mediation=m, starts_at=starts_at, online=online, place=place,
                                            room_id=room_id, links=links, created_by=mediator_user, key=key)
        services._log(m, "session", mediator_user, at=starts_at.isoformat(), online=online, place=place)
    return s


def link_for(session: MediationSession, participant_key: str) -> str:
    return (session.links or {}).get(participant_key, "")


# ---------------------------------------------------------------- documents

@transaction.atomic
def add_document(user, m: PreSuitMediation, uploaded, *, title: str = "", private: bool = False,
                 concession: bool = False) -> MediationDocument:
    """A paper shared in the room, checked as the filing's uploads are. Only the mediator's own papers
    may be private; a concession (特邀调解规定 第二十二条) stays out of the trial's evidence."""
    m = services._lock(m)
    is_mediator, _keys = _actor_side(user, m)
    _in_progress(m)
    checked = check_upload(uploaded)
    done = m.documents.filter(sha256=checked.sha256).first()
    if done:
        return done  # the same file again (a retry)
    name = clean_filename(uploaded.name) or "file"
    doc = MediationDocument(mediation=m, title=((title or "").strip() or name)[:200], original_name=name,
                            content_type=checked.content_type, size=checked.size, sha256=checked.sha256,
                            pages=checked.pages, uploaded_by=user, by_mediator=is_mediator,
                            private=bool(private and is_mediator), concession=bool(concession))
    store_once(doc.file, "mediation", checked.sha256, checked.content, extension_for(checked.content_type))
    try:
        with transaction.atomic():
            doc.save()
    except IntegrityError:
        return m.documents.get(sha256=checked.sha256)
    services._log(m, "document", user, title=doc.title, concession=doc.concession, private=doc.private)
    return doc


def visible_documents(user, m: PreSuitMediation):
    """The mediator sees every paper; the parties and the office all but the mediator's private ones."""
    qs = m.documents.select_related("uploaded_by")
    if not _is_mediator(user, m):
        qs = qs.filter(private=False)
    return qs


# ---------------------------------------------------------------- proposals

@transaction.atomic
def propose(user, m: PreSuitMediation, text: str, key: str = "") -> MediationProposal:
    """Terms put by the mediator or a party. The proposer, if a party, has not accepted by proposing:
    every party answers."""
    m = services._lock(m)
    is_mediator, _keys = _actor_side(user, m)
    key = _key(key)
    if key:
        done = m.proposals.filter(key=key).first()
        if done:
            return done
    _in_progress(m)
    text = (text or "").strip()
    if len(text) < 4:
        raise ValidationError(_("请填写调解方案的内容。"))
    if len(text) > 4000:
        raise ValidationError(_("调解方案不能超过 %(n)s 字。") % {"n": 4000})
    p = MediationProposal.objects.create(mediation=m, text=text, proposed_by=user, by_mediator=is_mediator, key=key)
    services._log(m, "proposal", user, text=text[:2000], proposal=p.pk)
    return p


@transaction.atomic
def answer(party_user, m: PreSuitMediation, proposal: MediationProposal, accept: bool) -> MediationProposal:
    """A party accepts or rejects a proposal, for every party they speak for. The last acceptance makes
    it "agreed" (once: the mediation row lock orders two parties answering at once); one rejection
    closes it. Answering again (a double click) changes nothing."""
    m = services._lock(m)
    keys = party_keys(party_user, m) if getattr(party_user, "is_public_user", False) else []
    if not keys:
        raise PermissionDenied(_("只有本调解的当事人可以答复调解方案。"))
    proposal = MediationProposal.objects.select_for_update().get(pk=proposal.pk, mediation=m)
    answered = set(proposal.answers.values_list("party_key", flat=True))
    todo = [k for k in keys if k not in answered]
    if not todo:
        return proposal
    if proposal.state != P.OPEN:
        raise ValidationError(_("该调解方案已不再等待答复。"))
    _in_progress(m)
    ProposalAnswer.objects.bulk_create([ProposalAnswer(proposal=proposal, party_key=k, accepted=accept,
                                                       user=party_user) for k in todo])
    services._log(m, "answered", party_user, proposal=proposal.pk, accepted=accept, parties=todo)
    if not accept:
        proposal.state = P.REJECTED
    elif set(all_party_keys(m)) <= set(proposal.answers.filter(accepted=True).values_list("party_key", flat=True)):
        proposal.state = P.AGREED
        services._log(m, "proposal_agreed", None, proposal=proposal.pk, text=proposal.text[:2000])
        if m.mediator_id:
            services.notify([m.mediator.user], _("诉前调解 %(number)s 的各方当事人已同意调解方案，请记录调解协议。")
                            % {"number": m.number}, filing=m.filing, kind="mediation")
    proposal.save(update_fields=["state"])
    return proposal


@transaction.atomic
def agreement_from(mediator_user, m: PreSuitMediation, proposal: MediationProposal) -> PreSuitMediation:
    """One click: the agreement is the proposal every party accepted (services.record_agreement)."""
    m = services._lock(m)
    proposal = MediationProposal.objects.select_for_update().get(pk=proposal.pk, mediation=m)
    if proposal.state == P.RECORDED:
        return m
    if proposal.state != P.AGREED:
        raise ValidationError(_("各方当事人均同意调解方案后才能据此记录调解协议。"))
    m = services.record_agreement(mediator_user, m, proposal.text)
    proposal.state = P.RECORDED
    proposal.save(update_fields=["state"])
    return m


def proposals_with_answers(m: PreSuitMediation) -> list[dict]:
    names = {f"party-{i}": p.get("name", "") for i, p in enumerate(m.parties or [])}
    out = []
    for p in m.proposals.select_related("proposed_by").prefetch_related("answers"):
        got = {a.party_key: a for a in p.answers.all()}
        out.append({"p": p, "answers": [{"key": k, "name": names.get(k, k), "accepted":
                                         got[k].accepted if k in got else None} for k in all_party_keys(m)]})
    return out


def party_room_context(user, m: PreSuitMediation) -> dict:
    """What a party's portal page shows of the room: sessions with their own links only, the papers
    they may see, the proposals and whether they still have to answer each."""
    keys = party_keys(user, m)
    proposals = proposals_with_answers(m)
    for row in proposals:
        row["mine_open"] = row["p"].state == P.OPEN and any(a["key"] in keys and a["accepted"] is None
                                                            for a in row["answers"])
    return {
        "in_room": m.state == S.ACCEPTED,
        "sessions": [{"s": s, "links": [s.links[k] for k in keys if (s.links or {}).get(k)]}
                     for s in m.sessions.all()],
        "documents": visible_documents(user, m),
        "proposals": proposals,
    }


def parse_when(text: str) -> datetime:
    """The form's datetime-local value, in the court's time zone."""
    text = (text or "").strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(_("调解时间格式不正确。")) from exc
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value
