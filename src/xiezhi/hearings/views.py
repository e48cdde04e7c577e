"""Hearing pages. Thin: parse, call a service or selector, render."""
import json
from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.accounts.models import User
from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.accounts.selectors import staff_with_role
from xiezhi.cases.selectors import can_manage_case, case_for_request
from xiezhi.courts.models import Courtroom
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.drafts import parse_draft_request
from xiezhi.site.http import BadInput, errors_of, parse_date, parse_id, run_action

from . import selectors, services
from .models import HearingAudio, Transcript, TranscriptStatus

STAFF_CASE_PAGE = "cases:detail"


def _dt(day: str, hm: str):
    try:
        at = datetime.strptime(f"{day} {hm}", "%Y-%m-%d %H:%M")
    except (ValueError, TypeError):
        raise ValidationError(_("请填写正确的开庭日期和时间。"))
    parse_date(day)  # within the window of dates a form may give (security review F18: year 9999)
    return timezone.make_aware(at)


def _hearing(request, pk):
    try:
        return selectors.hearing_for_staff(request.user, pk)
    except ObjectDoesNotExist:
        raise deny(request, detail=f"庭审 {pk}")


@staff_required(*services.SCHEDULERS)
@require_POST
def schedule(request, case_pk):
    case = case_for_request(request, case_pk)
    p = request.POST
    room_id, clerk_id = parse_id(p.get("room"), _("审判法庭")), parse_id(p.get("clerk"), _("书记员"))

    def go():
        room = Courtroom.objects.filter(pk=room_id, court_id=case.court_id).first() if room_id else None
        if room is None:
            raise ValidationError(_("请选择审判法庭。"))
        clerk = User.objects.filter(pk=clerk_id, kind="staff").first() if clerk_id else None
        h = services.schedule_hearing(request.user, case, room, _dt(p.get("date"), p.get("start")), _dt(p.get("date"), p.get("end")),
                                      clerk=clerk, public=p.get("public", "1") == "1", closed_reason=p.get("closed_reason", ""),
                                      closed_note=p.get("closed_note", ""), party_applied=bool(p.get("party_applied")),
                                      online=bool(p.get("online")))
        if h.summons_late:
            messages.warning(request, services.SUMMONS_LATE_WARNING)
    return run_action(request, go, _("已排定开庭。"), reverse(STAFF_CASE_PAGE, args=[case.pk]))


@staff_required(*services.SCHEDULERS)
@require_POST
def postpone(request, pk):
    h = _hearing(request, pk)
    p = request.POST
    room_id = parse_id(p.get("room"), _("审判法庭"))

    def go():
        room = Courtroom.objects.filter(pk=room_id, court_id=h.court_id).first() if room_id else None
        new = services.postpone_hearing(request.user, h, p.get("reason", ""), _dt(p.get("date"), p.get("start")),
                                        _dt(p.get("date"), p.get("end")), courtroom=room,
                                        gap_exception=p.get("gap_exception", ""))
        if new.summons_late:
            messages.warning(request, services.SUMMONS_LATE_WARNING)
    return run_action(request, go, _("已延期开庭。"), reverse(STAFF_CASE_PAGE, args=[h.case_id]))


@staff_required(*services.RECORDERS)
@require_POST
def held(request, pk):
    h = _hearing(request, pk)
    return run_action(request, lambda: services.mark_held(request.user, h), _("已记录开庭。"),
                      reverse(STAFF_CASE_PAGE, args=[h.case_id]))


def _monday(request):
    """The Monday of the week asked for (this week by default). A week outside the window of
    site.http.parse_date is refused with its sentence (security review F15: 0001-01-01 and
    9999-12-31 overflowed the date arithmetic)."""
    try:
        d = parse_date(request.GET.get("week", ""), default=timezone.localdate())
    except ValidationError as exc:
        raise BadInput(errors_of(exc)[0])
    return d - timedelta(days=d.weekday())


@staff_required()
def court_calendar(request):
    monday = _monday(request)
    hearings = list(selectors.court_week(request.user, monday))
    rooms = list(Courtroom.objects.filter(court_id=request.user.court_id).order_by("name"))
    days = [monday + timedelta(days=i) for i in range(7)]
    grid = {(r.pk, d): [] for r in rooms for d in days}
    for h in hearings:
        grid.setdefault((h.courtroom_id, timezone.localtime(h.start).date()), []).append(h)
    rows = [(r, [grid[(r.pk, d)] for d in days]) for r in rooms]
    judges = sorted(staff_with_role(request.user.court_id, "judge"), key=lambda u: u.real_name)
    return render(request, "hearings/calendar.html", {
        "days": days, "rows": rows, "monday": monday, "prev": monday - timedelta(days=7),
        "next": monday + timedelta(days=7), "judges": judges, "count": len(hearings)})


@staff_required()
def judge_calendar(request, user_pk):
    judge = User.objects.filter(pk=user_pk, kind="staff", court_id=request.user.court_id).first()
    if judge is None:
        raise Http404
    monday = _monday(request)
    hearings = list(selectors.judge_week(request.user, judge, monday))
    days = [(monday + timedelta(days=i), [h for h in hearings if timezone.localtime(h.start).date() == monday + timedelta(days=i)])
            for i in range(7)]
    return render(request, "hearings/judge_calendar.html", {
        "judge": judge, "days": days, "monday": monday, "prev": monday - timedelta(days=7),
        "next": monday + timedelta(days=7)})


@staff_required(*services.RECORDERS)
def record_edit(request, pk):
    h = _hearing(request, pk)
    if not can_manage_case(request.user, h.case, *services.RECORDERS):
        raise PermissionDenied(_("您无权办理此案件的庭审事项。"))
    record(request, AuditEntry.Action.READ, case=h.case)
    tr = services.transcript_for(h)
    return render(request, "hearings/record.html", {
        "hearing": h, "case": h.case, "tr": tr, "lines": tr.lines or [{"role": "presiding", "name": "", "text": ""}],
        "roles": list(services.SPEAKER_ROLES.items()), "audio": h.audio.order_by("uploaded_at"),
        "confirmations": tr.confirmations.select_related("party"), "lines_json": json.dumps(tr.lines, ensure_ascii=False),
        "audio_max_mb": services.audio_limit() // (1024 * 1024)})


@staff_required(*services.RECORDERS)
@require_POST
def record_autosave(request, pk):
    """Autosave of the record editor (JSON, or a form-encoded `payload` from navigator.sendBeacon
    when the page is closed): 400 for malformed input, 409 with the saved lines on a conflict."""
    h = _hearing(request, pk)
    try:
        req = parse_draft_request(request)
        if req.payload.get("lines") is None:
            raise ValidationError(_("笔录内容格式不正确。"))
        tr = services.save_transcript(request.user, h, req.payload["lines"], req.revision,
                                      editor=req.editor, seq=req.seq)
    except PermissionDenied as exc:
        return JsonResponse({"error": str(exc)}, status=403)
    except services.TranscriptConflict as exc:
        return JsonResponse({"error": "；".join(exc.messages), "conflict": True, "revision": exc.transcript.revision,
                             "lines": exc.transcript.lines}, status=409)
    except ValidationError as exc:
        final = Transcript.objects.filter(hearing=h, status=TranscriptStatus.FINAL).exists()
        return JsonResponse({"error": "；".join(exc.messages)}, status=409 if final else 400)
    return JsonResponse({"revision": tr.revision, "saved_at": tr.updated_at.isoformat(), "lines": len(tr.lines)})


@staff_required(*services.RECORDERS)
@require_POST
def record_finalise(request, pk):
    h = _hearing(request, pk)
    return run_action(request, lambda: services.finalise_transcript(request.user, h),
                      _("笔录已定稿，已通知当事人核对确认。"), reverse("hearings:record", args=[h.pk]))


@staff_required(*services.RECORDERS)
@require_POST
def audio_upload(request, pk):
    h = _hearing(request, pk)
    upload = request.FILES.get("file")

    def go():
        if upload is None:
            raise ValidationError(_("请选择录音文件。"))
        services.add_audio(request.user, h, upload)
    return run_action(request, go, _("录音已上传。"), reverse("hearings:record", args=[h.pk]))


@staff_required(*services.RECORDERS)
@require_POST
def audio_transcribe(request, pk, audio_pk):
    h = _hearing(request, pk)
    a = HearingAudio.objects.filter(pk=audio_pk, hearing=h).first()
    if a is None:
        raise Http404
    try:
        services.request_transcription(request.user, a)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect("hearings:record", pk=h.pk)


# ---- portal (litigants and lawyers) --------------------------------------------------

@public_required
def my_hearings(request):
    return render(request, "hearings/my_hearings.html", {"hearings": selectors.my_hearings(request.user)})


@public_required
def party_record(request, pk):
    try:
        h = selectors.hearing_for_party(request.user, pk)
    except ObjectDoesNotExist:
        raise deny(request, detail=f"庭审笔录 {pk}")
    tr = Transcript.objects.filter(hearing=h, status=TranscriptStatus.FINAL).first()
    if request.method == "POST":
        try:
            services.confirm_transcript(request.user, h)
            messages.success(request, _("您已确认庭审笔录。"))
        except (ValidationError, PermissionDenied) as exc:
            for m in errors_of(exc):
                messages.error(request, m)
        return redirect("hearings:party_record", pk=h.pk)
    record(request, AuditEntry.Action.READ, case=h.case)
    mine = tr.confirmations.filter(user=request.user).exists() if tr else False
    return render(request, "hearings/party_record.html", {
        "hearing": h, "tr": tr, "confirmed": mine,
        "lines": [(services.SPEAKER_ROLES.get(r["role"], ""), r.get("name", ""), r["text"]) for r in (tr.lines if tr else [])]})
