"""诉访分离: register → classify as 诉 (routed into the procedure of the open remedy: a FilingApplication
of its case type at the competent court) or 访 (petition handling: department, deadline, reply, closing,
hand-over); duty lawyers and their opinions; 判后答疑.

Every change locks the complaint row (SELECT … FOR UPDATE) and checks the state on the locked copy, so
a double click or two clerks at once route a complaint once (one filing). Nodes on the case timeline are
internal (public=False) for 诉访 and never move the case's status: a 访 never blocks the case."""
from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case
from xiezhi.cases.selectors import visible_cases
from xiezhi.cases.services import append_event, notify
from xiezhi.cases.signals import paper_added
from xiezhi.courts import refcache
from xiezhi.courts.calendar import get_work_calendar
from xiezhi.filing import services as filing_services
from xiezhi.filing.models import FilingChannel
from xiezhi.law import complaints as law
from xiezhi.law.periods import working_days_after

from .models import Channel, Complaint, ComplaintEvent, DutyLawyer, Kind, PostJudgmentQuestion, State
from .selectors import can_answer

MAX_TEXT = 5000


def _calendar():
    return get_work_calendar(strict=False)


def _office(user, court_id) -> None:
    if not (user.is_court_staff and user.has_role("filing_judge") and user.court_id == court_id):
        raise PermissionDenied(_("只有本院诉讼服务中心（立案庭）人员可以办理涉诉信访。"))


def _lock(c: Complaint) -> Complaint:
    return Complaint.objects.select_for_update(of=("self",)).select_related("case", "court").get(pk=c.pk)


def _log(c: Complaint, code: str, actor, case_code: str = "", **payload) -> None:
    ComplaintEvent.objects.create(complaint=c, code=code, actor=actor, payload=payload)
    if c.case_id and case_code:
        append_event(c.case, case_code, actor, {"complaint": c.pk, **payload})


def _text(value, label, *, required=True, limit=MAX_TEXT) -> str:
    text = (value or "").strip()
    if required and len(text) < 2:
        raise ValidationError(_("请填写%(label)s。") % {"label": label})
    if len(text) > limit:
        raise ValidationError(_("%(label)s不能超过 %(n)s 字。") % {"label": label, "n": limit})
    return text


# ---------------------------------------------------------------- intake

@transaction.atomic
def register(actor, *, channel: str, name: str, contact: str = "", case_number: str = "", request: str,
             key: str = "") -> Complaint:
    """Register a letter, visit, online message or 12368 call. A case number is looked up among the cases
    the clerk may see; an unknown number is refused (the clerk leaves it blank if there is none)."""
    _office(actor, actor.court_id)
    if channel not in Channel.values:
        raise ValidationError(_("请选择来源。"))
    name = _text(name, _("信访人"), limit=100)
    request = _text(request, _("诉求"))
    case_number = (case_number or "").strip()[:60]
    case = None
    if case_number:
        case = visible_cases(actor).filter(number=case_number).first()
        if case is None:
            raise ValidationError(_("没有找到案号为 %(n)s 的本院案件。") % {"n": case_number})
    key = (key or "").strip()[:64]
    if key:
        done = Complaint.objects.filter(court_id=actor.court_id, key=key).first()
        if done:
            return done  # a double click: the one complaint
    try:
        with transaction.atomic():
            c = Complaint.objects.create(court_id=actor.court_id, channel=channel, name=name,
                                         contact=(contact or "").strip()[:100], case=case, case_number=case_number,
                                         request=request, registered_by=actor, key=key)
    except IntegrityError:
        return Complaint.objects.get(court_id=actor.court_id, key=key)
    _log(c, "registered", actor, "complaint_registered", channel=channel)
    return c


def effective_on(case: Case) -> date | None:
    """The date the case's decision took effect (trial.selectors.effective_on), or None."""
    try:
        from xiezhi.trial.selectors import effective_on as trial_effective_on
        return trial_effective_on(case)
    except Exception:  # noqa: BLE001 — a case without appeal windows (seeded, migrated): the clerk types the date
        return None


def _served_on(case: Case) -> date | None:
    from xiezhi.trial.models import AppealWindow

    w = AppealWindow.objects.filter(case=case).order_by("-served_on").first()
    return w.served_on if w else None


def competent_court(case: Case, remedy: str, *, to_original: bool = False):
    """Where the remedy is filed: a retrial application at the court above (民事诉讼法 第二百一十条), or
    the original court when the parties may and the party chooses it; an appeal and a reconsideration at
    the court above; an enforcement objection at the enforcing court (第二百三十六条)."""
    if remedy == "enforcement_objection":
        return case.court
    if remedy == "retrial" and to_original:
        parties = [p for p in case.parties.all() if p.is_party]
        many = len([p for p in parties if p.role in ("plaintiff", "applicant", "appellant")]) > 10 or \
            len([p for p in parties if p.role not in ("plaintiff", "applicant", "appellant")]) > 10
        both_citizens = bool(parties) and all(p.kind == "natural" for p in parties)
        if "original" not in law.retrial_court_choice(many_parties=many, both_citizens=both_citizens):
            raise ValidationError(_("只有一方人数众多或者双方为公民的案件，才可以向原审法院申请再审"
                                    "（民事诉讼法 第二百一十条）。"))
        return case.court
    if case.court.parent_id is None:
        raise ValidationError(_("没有上一级法院的数据，无法确定受理法院。"))
    return case.court.parent


def _filing_parties(c: Complaint, case: Case) -> list[dict]:
    applicant_role = "applicant"
    out, found = [], False
    for p in case.parties.all():
        if not p.is_party or p.left_case_at is not None:
            continue
        mine = p.name == c.name
        found = found or mine
        out.append({"role": applicant_role if mine else "respondent", "kind": p.kind, "name": p.name,
                    "id_number": p.id_number, "phone": p.phone, "address": p.address})
    if not found:
        out.insert(0, {"role": applicant_role, "kind": "natural", "name": c.name, "phone": c.contact})
    return out


@transaction.atomic
def route_to_litigation(actor, c: Complaint, remedy: str, *, to_original: bool = False,
                        effective: date | None = None, served: date | None = None) -> Complaint:
    """诉: a legal remedy is open, so the complaint is taken out of petition handling and filed in that
    procedure (信访工作条例 第二十条、第二十八条第二款): a FilingApplication of the remedy's case type (民申 for a
    civil retrial application) at the competent court, with the complainant's text and the case carried
    over. It lands in that court's filing queue. A second click returns the same filing."""
    c = _lock(c)
    _office(actor, c.court_id)
    if c.kind == Kind.LITIGATION and c.filing_id:
        return c
    if c.kind != Kind.UNSORTED:
        raise ValidationError(_("该信访事项已甄别，不能再导入诉讼程序。"))
    if remedy not in law.REMEDIES:
        raise ValidationError(_("请选择救济途径。"))
    if c.case is None:
        raise ValidationError(_("导入诉讼程序须写明所涉案件的案号。"))
    case = c.case
    today = timezone.localdate()
    status = law.remedy_status(remedy, today, calendar=_calendar(),
                               served_on=served or _served_on(case),
                               effective_on=effective or effective_on(case),
                               enforcement_ended=case.status in ("closed", "archived"))
    if not status.open:
        raise ValidationError(_("%(remedy)s途径已不可用：%(reason)s（%(basis)s）。") % {
            "remedy": law.REMEDIES[remedy].label, "reason": status.reason, "basis": status.basis})
    court = competent_court(case, remedy, to_original=to_original)
    r = law.REMEDIES[remedy]
    case_type = refcache.case_type(r.type_code)
    if case_type is None:
        raise ValidationError(_("未知的案件类型。"))
    data = {"parties": _filing_parties(c, case), "claims": c.request,
            "facts": _("%(name)s 经%(channel)s对 %(number)s（%(court)s）提出，诉讼服务中心甄别为%(remedy)s。") % {
                "name": c.name, "channel": c.get_channel_display(), "number": case.number, "court": case.court.name,
                "remedy": r.label} + "\n" + c.request,
            "amount": "", "cause_id": case.cause_id}
    routed = {"source_case": {"id": case.pk, "number": case.number, "court": case.court.name},
              "complaint": c.pk, "remedy": remedy}
    if c.lawyer_opinion:
        routed["lawyer_opinion"] = c.lawyer_opinion
    filing = filing_services.lodge(actor, court, data, type_code=r.type_code, channel=FilingChannel.COUNTER,
                                   routed=routed, event_payload={"via": "complaint", "complaint": c.pk,
                                                                 "source_case": case.number})
    c.kind, c.remedy, c.filing, c.state = Kind.LITIGATION, remedy, filing, State.ROUTED
    c.accepted_on, c.closed_at = today, timezone.now()
    c.save(update_fields=["kind", "remedy", "filing", "state", "accepted_on", "closed_at"])
    _log(c, "routed", actor, "complaint_routed", remedy=r.label, court=court.name, type_code=r.type_code,
         filing=filing.pk, basis=r.basis)
    return c


@transaction.atomic
def route_to_petition(actor, c: Complaint, department: str) -> Complaint:
    """访: conduct complaints and suggestions go to petition handling with a deadline
    (信访工作条例 第三十二条; COMPLAINT_PETITION_DAYS ⚠)."""
    c = _lock(c)
    _office(actor, c.court_id)
    if c.kind == Kind.PETITION:
        return c
    if c.kind != Kind.UNSORTED:
        raise ValidationError(_("该信访事项已甄别。"))
    c.department = _text(department, _("承办部门"), limit=100)
    c.kind, c.state, c.accepted_on = Kind.PETITION, State.HANDLING, timezone.localdate()
    c.due_on = law.petition_due(c.accepted_on, days=settings.COMPLAINT_PETITION_DAYS)
    c.save(update_fields=["kind", "state", "department", "accepted_on", "due_on"])
    _log(c, "petition", actor, "complaint_petition", department=c.department, due_on=c.due_on.isoformat())
    return c


@transaction.atomic
def reply(actor, c: Complaint, text: str) -> Complaint:
    c = _lock(c)
    _office(actor, c.court_id)
    if c.state not in (State.HANDLING, State.REPLIED):
        raise ValidationError(_("只有办理中的信访事项可以答复。"))
    c.reply, c.state = _text(text, _("答复意见")), State.REPLIED
    c.save(update_fields=["reply", "state"])
    _log(c, "replied", actor)
    return c


@transaction.atomic
def close(actor, c: Complaint, note: str) -> Complaint:
    c = _lock(c)
    _office(actor, c.court_id)
    if c.state == State.CLOSED:
        return c
    if c.state not in (State.HANDLING, State.REPLIED):
        raise ValidationError(_("只有办理中的信访事项可以办结。"))
    c.closing_note, c.state, c.closed_at = _text(note, _("办结情况")), State.CLOSED, timezone.now()
    c.save(update_fields=["closing_note", "state", "closed_at"])
    _log(c, "closed", actor, "complaint_closed")
    return c


@transaction.atomic
def hand_over(actor, c: Complaint, body: str, note: str = "") -> Complaint:
    """Not a court matter: handed to the competent body (信访工作条例 第二十一条: 按照属地管理、分级负责)."""
    c = _lock(c)
    _office(actor, c.court_id)
    if c.state == State.HANDED_OVER:
        return c
    if c.state in (State.CLOSED, State.ROUTED):
        raise ValidationError(_("该信访事项已办结。"))
    c.handed_to = _text(body, _("移交机关"), limit=200)
    c.closing_note = (note or "").strip()[:MAX_TEXT]
    if c.kind == Kind.UNSORTED:
        c.kind = Kind.PETITION
    c.state, c.closed_at = State.HANDED_OVER, timezone.now()
    c.save(update_fields=["handed_to", "closing_note", "kind", "state", "closed_at"])
    _log(c, "handed_over", actor, "complaint_closed", body=c.handed_to)
    return c


# ---------------------------------------------------------------- duty lawyers

@transaction.atomic
def enrol_lawyer(actor, user) -> DutyLawyer:
    _office(actor, actor.court_id)
    if not (user.is_public_user and user.is_lawyer and user.lawyer_licence):
        raise ValidationError(_("只有持律师执业证的诉讼服务网账户可以列入值班律师名册。"))
    dl, _created = DutyLawyer.objects.get_or_create(court_id=actor.court_id, user=user,
                                                    defaults={"enrolled_on": timezone.localdate()})
    if not dl.active:
        dl.active = True
        dl.save(update_fields=["active"])
    return dl


@transaction.atomic
def assign_lawyer(actor, c: Complaint, lawyer: DutyLawyer) -> Complaint:
    c = _lock(c)
    _office(actor, c.court_id)
    if not (lawyer.active and lawyer.court_id == c.court_id):
        raise ValidationError(_("该律师不在本院值班律师名册内。"))
    if c.lawyer_id == lawyer.pk:
        return c
    if c.lawyer_opinion:
        raise ValidationError(_("律师已提交法律意见，不能更换。"))
    c.lawyer = lawyer
    c.save(update_fields=["lawyer"])
    _log(c, "lawyer_assigned", actor, lawyer=lawyer.user.display_name)
    notify([lawyer.user], _("您被指派参与涉诉信访事项 #%(pk)s，请在诉讼服务网提交法律意见。") % {"pk": c.pk},
           kind="complaint")
    return c


@transaction.atomic
def submit_opinion(lawyer_user, c: Complaint, text: str) -> Complaint:
    """The duty lawyer's written opinion (法律意见), filed with the complaint and, if the complaint was
    routed as 诉, with the filing it became."""
    c = _lock(c)
    if not (lawyer_user.is_public_user and c.lawyer_id and c.lawyer.user_id == lawyer_user.pk):
        raise PermissionDenied(_("只有受指派的值班律师可以提交法律意见。"))
    text = _text(text, _("法律意见"))
    if c.lawyer_opinion == text:
        return c
    c.lawyer_opinion, c.lawyer_opinion_at = text, timezone.now()
    c.save(update_fields=["lawyer_opinion", "lawyer_opinion_at"])
    if c.filing_id:
        filing_services.set_data_note(lawyer_user, c.filing, "lawyer_opinion", text)
    _log(c, "lawyer_opinion", lawyer_user)
    return c


# ---------------------------------------------------------------- 判后答疑

def _served_judgment(case: Case) -> bool:
    from xiezhi.trial.models import AppealWindow

    return AppealWindow.objects.filter(case=case).exists() or \
        case.events.filter(code="closed").exists()


@transaction.atomic
def ask_question(party_user, case: Case, question: str, key: str = "") -> PostJudgmentQuestion:
    """A party who does not accept the judgment asks the judge (判后答疑, domain §7.6 ⚠); the judge answers
    within POST_JUDGMENT_ANSWER_WORKING_DAYS working days (⚠ a court setting)."""
    if not (party_user.is_public_user and
            case.parties.filter(user=party_user, left_case_at__isnull=True).exists()):
        raise PermissionDenied(_("只有本案当事人可以申请判后答疑。"))
    if not _served_judgment(case):
        raise ValidationError(_("裁判文书送达后才能申请判后答疑。"))
    question = _text(question, _("问题"), limit=2000)
    key = (key or "").strip()[:64]
    if key:
        done = PostJudgmentQuestion.objects.filter(asked_by=party_user, key=key).first()
        if done:
            return done
    due = working_days_after(timezone.localdate(), settings.POST_JUDGMENT_ANSWER_WORKING_DAYS, _calendar())
    try:
        with transaction.atomic():
            q = PostJudgmentQuestion.objects.create(case=case, asked_by=party_user, question=question, due_on=due,
                                                    key=key)
    except IntegrityError:
        return PostJudgmentQuestion.objects.get(asked_by=party_user, key=key)
    append_event(case, "pjq_asked", party_user, {"question": q.pk, "due_on": due.isoformat()})
    recipients = [u for u in [case.judge] if u is not None]
    if recipients:
        notify(recipients, _("%(number)s 的当事人申请判后答疑，请于 %(date)s 前答复。") % {
            "number": case.number, "date": due}, case=case, kind="pjq")
    return q


@transaction.atomic
def answer_question(actor, q: PostJudgmentQuestion, *, mode: str, answer: str,
                    meeting_at: datetime | None = None, meeting_place: str = "") -> PostJudgmentQuestion:
    """The judge (or assistant) answers in writing or records the meeting's explanation; the record joins
    the e-file (cases.signals.paper_added → dossier) and the party sees it."""
    q = PostJudgmentQuestion.objects.select_for_update(of=("self",)).select_related("case").get(pk=q.pk)
    case = q.case
    if not can_answer(actor, case):
        raise PermissionDenied(_("只有本案承办法官或法官助理可以答疑。"))
    if q.answered_at is not None:
        return q
    if mode not in PostJudgmentQuestion.Mode.values:
        raise ValidationError(_("请选择答疑方式。"))
    answer = _text(answer, _("答疑记录"))
    if mode == PostJudgmentQuestion.Mode.MEETING:
        if meeting_at is None:
            raise ValidationError(_("约见答疑请填写约见时间。"))
        meeting_place = _text(meeting_place, _("约见地点"), limit=200)
    q.mode, q.answer, q.meeting_at, q.meeting_place = mode, answer, meeting_at, meeting_place or ""
    q.answered_by, q.answered_at = actor, timezone.now()
    q.save(update_fields=["mode", "answer", "meeting_at", "meeting_place", "answered_by", "answered_at"])
    record = _("判后答疑记录\n案号：%(number)s\n提问人：%(asker)s\n问题：%(question)s\n答疑方式：%(mode)s\n%(meeting)s"
               "答疑人：%(by)s\n答疑内容：\n%(answer)s\n") % {
        "number": case.number, "asker": q.asked_by.display_name, "question": q.question,
        "mode": q.get_mode_display(),
        "meeting": (_("约见时间：%(at)s　地点：%(place)s\n") % {
            "at": timezone.localtime(meeting_at).strftime("%Y-%m-%d %H:%M"), "place": meeting_place}
            if meeting_at else ""),
        "by": actor.display_name, "answer": answer}
    paper_added.send(sender=PostJudgmentQuestion, case=case,
                     file=ContentFile(record.encode("utf-8"), name=f"pjq-{q.pk}.txt"),
                     title=_("判后答疑记录"), kind="other", source=f"complaints.PostJudgmentQuestion:{q.pk}",
                     created_by=actor)
    append_event(case, "pjq_answered", actor, {"question": q.pk, "mode": q.mode})
    notify([q.asked_by], _("法官已答复您在 %(number)s 提出的判后答疑。") % {"number": case.number}, case=case,
           kind="pjq")
    return q
