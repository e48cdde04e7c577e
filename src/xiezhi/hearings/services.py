"""Hearing actions: schedule, postpone, hold; hearing records (笔录), audio, confirmations.
Every change appends a CaseEvent on the case's timeline inside the same transaction."""
from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, notify
from xiezhi.cases.signals import paper_added
from xiezhi.celery import run_after_commit
from xiezhi.courts.models import Courtroom
from xiezhi.law.hearings import (
    CLOSED_REASONS,
    SESSION_GAP_EXCEPTIONS,
    check_postponement,
    closed_hearing_problem,
    session_gap_ok,
    summons_late,
)
from xiezhi.site.drafts import CONFLICT, SKIP, decide_write
from xiezhi.site.uploads import clean_filename
from xiezhi.storage import store_once

from .models import (
    Hearing,
    HearingAudio,
    HearingStatus,
    Slot,
    Transcript,
    TranscriptConfirmation,
    TranscriptStatus,
)

log = logging.getLogger(__name__)

SCHEDULERS = ("judge", "assistant", "clerk", "division_head")
RECORDERS = ("clerk", "judge", "assistant")
PARTICIPANT_LOCK_SPACE = 8_011  # first key of the two-key advisory locks of hearing participants
MAX_LENGTH = timedelta(hours=12)  # a session longer than this is two sessions; bounds the index scan


@dataclass(frozen=True)
class Conflict:
    kind: str  # room / judge / clerk / lawyer
    key: str
    hearing_id: int
    message: str


def _require(actor, case, *roles):
    if not can_manage_case(actor, case, *roles):
        raise PermissionDenied(_("您无权办理此案件的庭审事项。"))


def participant_keys(case: Case, courtroom: Courtroom, clerk=None) -> dict[str, tuple[str, str]]:
    """key -> (kind, display name) for everyone and everything a hearing of `case` keeps busy:
    the room, the judge and the panel/team (case.judge, case.team), the clerk, and the agents'
    lawyers (by licence number across all cases on the platform, else by portal account).
    Two queries (team, agents)."""
    keys = {f"r:{courtroom.pk}": ("room", courtroom.name)}
    if case.judge_id:
        keys[f"s:{case.judge_id}"] = ("judge", case.judge.display_name)
    for u in case.team.all():
        kind = "judge" if u.has_role("judge") else "clerk" if u.has_role("clerk") else "staff"
        keys.setdefault(f"s:{u.pk}", (kind, u.display_name))
    if clerk is not None:
        keys[f"s:{clerk.pk}"] = ("clerk", clerk.display_name)
    agents = Party.objects.filter(case=case, role="agent", left_case_at__isnull=True).only(
        "name", "lawyer_licence", "user_id")
    for p in agents:  # both keys when known, so a lawyer matches by licence or by portal account
        if p.lawyer_licence:
            keys[f"l:{p.lawyer_licence}"] = ("lawyer", p.name)
        if p.user_id:
            keys[f"u:{p.user_id}"] = ("lawyer", p.name)
    return keys


def lock_participants(keys) -> None:
    """Serialise bookings that share anyone or anything: a transaction-level lock per participant
    key (room, judges and team, clerk, lawyers) before find_conflicts, held until commit. Without
    it two hearings of different cases in different rooms could both pass the check and share a
    judge or lawyer at the same hour. PostgreSQL: one advisory lock per key, taken in one query in
    the order of the hashed keys (every booking takes them in the same order: no deadlock; two keys
    with the same hash merely share a lock). SQLite: the IMMEDIATE transaction already serialises
    all writers."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cur:
        cur.execute(
            "SELECT pg_advisory_xact_lock(%s, h) FROM "
            "(SELECT DISTINCT hashtext(k) AS h FROM unnest(%s::text[]) AS k ORDER BY h) AS ordered",
            [PARTICIPANT_LOCK_SPACE, sorted(keys)])


def _fmt(start, end):
    s, e = timezone.localtime(start), timezone.localtime(end)
    return f"{s:%Y-%m-%d %H:%M}–{e:%H:%M}"


def find_conflicts(keys: dict[str, tuple[str, str]], start: datetime, end: datetime,
                   exclude_hearing_id: int | None = None) -> list[Conflict]:
    """One indexed query over Slot(key, start): every busy slot of any of `keys` that overlaps
    [start, end). A slot overlaps when slot.start < end and slot.end > start; since no slot is
    longer than MAX_LENGTH, slot.start > start - MAX_LENGTH bounds the index range."""
    qs = (Slot.objects.filter(key__in=list(keys), start__lt=end, start__gt=start - MAX_LENGTH, end__gt=start)
          .values_list("key", "start", "end", "hearing_id", "hearing__case__number"))
    if exclude_hearing_id:
        qs = qs.exclude(hearing_id=exclude_hearing_id)
    out, seen = [], set()
    for key, s, e, hid, number in qs.order_by("start"):
        kind, name = keys[key]
        if (kind, name, hid) in seen:  # one lawyer matched by licence and by account
            continue
        seen.add((kind, name, hid))
        when = _fmt(s, e)
        if kind == "room":
            msg = _("审判法庭“%(name)s”在 %(when)s 已安排 %(number)s 开庭。")
        elif kind == "judge":
            msg = _("审判人员 %(name)s 在 %(when)s 已有 %(number)s 的庭审。")
        elif kind == "clerk":
            msg = _("书记员 %(name)s 在 %(when)s 已有 %(number)s 的庭审。")
        elif kind == "lawyer":
            msg = _("代理律师 %(name)s 在 %(when)s 已有本平台其他案件 %(number)s 的庭审。")
        else:
            msg = _("审判团队成员 %(name)s 在 %(when)s 已有 %(number)s 的庭审。")
        out.append(Conflict(kind, key, hid, msg % {"name": name, "when": when, "number": number}))
    return out


def check_conflicts(case: Case, courtroom: Courtroom, start, end, clerk=None, exclude_hearing_id=None):
    return find_conflicts(participant_keys(case, courtroom, clerk), start, end, exclude_hearing_id)


def online_link(court, token: str) -> str:
    """A room URL on the court's own domain (no external service): HEARING_ONLINE_BASE
    if configured, else the first allowed host."""
    base = settings.HEARING_ONLINE_BASE or f"https://{settings.ALLOWED_HOSTS[0]}"
    return f"{base.rstrip('/')}/online-hearing/{court.code}/{token}"


def _validate_time(start, end):
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValidationError(_("开庭时间不完整。"))
    if end <= start:
        raise ValidationError(_("结束时间须晚于开庭时间。"))
    if end - start > MAX_LENGTH:
        raise ValidationError(_("单次庭审不得超过 12 小时，请分次排期。"))
    if start < timezone.now():
        raise ValidationError(_("开庭时间不能早于当前时间。"))


def _write_slots(hearing: Hearing, keys):
    Slot.objects.bulk_create([Slot(hearing=hearing, key=k, start=hearing.start, end=hearing.end) for k in keys])


def _party_users(case):
    return list({p.user for p in case.parties.filter(user__isnull=False, left_case_at__isnull=True).select_related("user")})


def _create(actor, case, courtroom, start, end, clerk, public, closed_reason, closed_note, party_applied, online,
            previous=None):
    if courtroom.court_id != case.court_id:
        raise ValidationError(_("只能在本院的审判法庭开庭。"))
    if clerk is not None and (clerk.court_id != case.court_id or not clerk.has_role("clerk")):
        raise ValidationError(_("所选人员不是本院书记员。"))
    _validate_time(start, end)
    problem = closed_hearing_problem(public, closed_reason, party_applied)
    if problem == "no_reason":
        raise ValidationError(_("不公开审理须选择法定理由（民事诉讼法第一百三十七条）。"))
    if problem == "needs_application":
        raise ValidationError(_("离婚案件、涉及商业秘密的案件，须经当事人申请方可不公开审理。"))
    keys = participant_keys(case, courtroom, clerk)
    lock_participants(keys)
    conflicts = find_conflicts(keys, start, end)
    if conflicts:
        raise ValidationError([c.message for c in conflicts])
    h = Hearing.objects.create(
        case=case, court_id=case.court_id, courtroom=courtroom, start=start, end=end, clerk=clerk, public=public,
        closed_reason="" if public else closed_reason, closed_note="" if public else closed_note[:300],
        online=online, online_url=online_link(case.court, secrets.token_urlsafe(12)) if online else "",
        previous=previous, created_by=actor)
    _write_slots(h, keys)
    return h


@transaction.atomic
def schedule_hearing(actor, case: Case, courtroom: Courtroom, start: datetime, end: datetime, *, clerk=None,
                     public: bool = True, closed_reason: str = "", closed_note: str = "",
                     party_applied: bool = False, online: bool = False) -> Hearing:
    """排定开庭. Refuses when the room, a judge or panel member, the clerk or one of the agents'
    lawyers is busy at that time (each conflict explained)."""
    _require(actor, case, *SCHEDULERS)
    case = Case.objects.select_for_update().get(pk=case.pk)
    h = _create(actor, case, courtroom, start, end, clerk, public, closed_reason, closed_note, party_applied, online)
    h.summons_late = _summons_late(case, start)
    append_event(case, "hearing_scheduled", actor, {
        "hearing_id": h.pk, "start": timezone.localtime(start).isoformat(), "room": courtroom.name,
        "public": public, "online": online, "summons_late": h.summons_late})
    notify(_party_users(case), _("%(number)s 定于 %(when)s 在%(room)s开庭。") % {
        "number": case.number, "when": f"{timezone.localtime(start):%Y-%m-%d %H:%M}", "room": courtroom.name},
        case=case, kind="hearing")
    return h


def _limit_code(case: Case) -> str:
    return case.procedure.limit_code if case.procedure_id else ""


def _summons_late(case: Case, start: datetime) -> bool:
    """Scheduled today for a hearing fewer than 3 days away: the summons cannot reach the parties
    three days before (民事诉讼法 第一百三十九条; 民诉解释 第二百二十七条). A warning, not a refusal:
    the parties may agree to an earlier date."""
    return summons_late(timezone.localdate(), timezone.localtime(start).date(), _limit_code(case))


SUMMONS_LATE_WARNING = gettext_lazy("开庭日距今不足三日，传票无法在开庭三日前送达当事人（民事诉讼法第一百三十九条；"
                         "民诉解释第二百二十七条），请确认当事人同意或另定日期。")


def postponements_used(case: Case) -> int:
    return Hearing.objects.filter(case=case, status=HearingStatus.POSTPONED).count()


@transaction.atomic
def postpone_hearing(actor, hearing: Hearing, reason: str, start: datetime, end: datetime,
                     courtroom: Courtroom | None = None, gap_exception: str = "") -> Hearing:
    """延期开庭: limited by the procedure's time-limit kind to 2 (ordinary, including 普通程序独任审理)
    / 1 (summary, small claims) (延长审限规定 第三条); the new session within one month unless by
    force majeure or with the parties' consent (`gap_exception`, 第五条); the reason is shown to the
    parties (第七条)."""
    case = Case.objects.select_for_update(of=("self",)).select_related("procedure", "court").get(pk=hearing.case_id)
    _require(actor, case, *SCHEDULERS)
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if hearing.status != HearingStatus.SCHEDULED:
        raise ValidationError(_("只有已排期的庭审可以延期。"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("延期开庭须写明理由。"))
    used = postponements_used(case)
    check = check_postponement(_limit_code(case), used)
    if not check.allowed:
        raise ValidationError(_("本案适用%(procedure)s，延期开庭已达 %(limit)s 次上限（延长审限规定第三条）。") % {
            "procedure": case.procedure.name, "limit": check.limit})
    if gap_exception not in ("", *SESSION_GAP_EXCEPTIONS):
        raise ValidationError(_("请选择超过一个月再开庭的法定事由。"))
    if not session_gap_ok(timezone.localtime(hearing.start).date(), timezone.localtime(start).date(),
                          exception=gap_exception):
        raise ValidationError(_("延期后的开庭日期距原定开庭日期不得超过一个月，因不可抗力或当事人同意的除外"
                                "（延长审限规定第五条）。"))
    hearing.status = HearingStatus.POSTPONED
    hearing.postpone_reason = reason[:300]
    hearing.save(update_fields=["status", "postpone_reason"])
    hearing.slots.all().delete()
    new = _create(actor, case, courtroom or hearing.courtroom, start, end, hearing.clerk, hearing.public,
                  hearing.closed_reason, hearing.closed_note, True, hearing.online, previous=hearing)
    new.summons_late = _summons_late(case, start)
    append_event(case, "hearing_postponed", actor, {
        "hearing_id": hearing.pk, "new_hearing_id": new.pk, "from": timezone.localtime(hearing.start).isoformat(),
        "start": timezone.localtime(start).isoformat(), "room": new.courtroom.name, "reason": reason[:300],
        "count": used + 1, "limit": check.limit, "gap_exception": gap_exception, "summons_late": new.summons_late})
    notify(_party_users(case), _("%(number)s 延期开庭至 %(when)s；理由：%(reason)s") % {
        "number": case.number, "when": f"{timezone.localtime(start):%Y-%m-%d %H:%M}", "reason": reason[:200]},
        case=case, kind="hearing")
    return new


@transaction.atomic
def mark_held(actor, hearing: Hearing) -> Hearing:
    case = Case.objects.select_for_update().get(pk=hearing.case_id)
    _require(actor, case, *RECORDERS)
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if hearing.status != HearingStatus.SCHEDULED:
        raise ValidationError(_("该庭审不是已排期状态。"))
    hearing.status = HearingStatus.HELD
    hearing.save(update_fields=["status"])
    append_event(case, "hearing_held", actor, {"hearing_id": hearing.pk, "start": timezone.localtime(hearing.start).isoformat(),
                                               "room": hearing.courtroom.name})
    return hearing


# ---- hearing records (笔录) ------------------------------------------------------------

SPEAKER_ROLES = {
    "presiding": "审判长", "judge": "审判员", "assessor": "人民陪审员", "clerk": "书记员",
    "plaintiff": "原告", "defendant": "被告", "third_party": "第三人", "agent": "委托诉讼代理人",
    "witness": "证人", "expert": "鉴定人", "other": "其他",
}


def _clean_lines(lines) -> list[dict]:
    if not isinstance(lines, list) or len(lines) > 5000:
        raise ValidationError(_("笔录内容格式不正确。"))
    out = []
    for row in lines:
        if not isinstance(row, dict):
            raise ValidationError(_("笔录内容格式不正确。"))
        role = str(row.get("role", "other"))
        text = str(row.get("text", ""))[:20000]
        name = str(row.get("name", ""))[:100]
        if role not in SPEAKER_ROLES:
            role = "other"
        if not text.strip() and not name.strip():
            continue
        out.append({"role": role, "name": name, "text": text})
    return out


def transcript_for(hearing: Hearing) -> Transcript:
    return Transcript.objects.get_or_create(hearing=hearing)[0]


class TranscriptConflict(ValidationError):
    """Someone else saved the record after the text being saved was loaded; carries the saved
    version so that the editor can show both and let the clerk keep either."""

    def __init__(self, tr: Transcript):
        super().__init__(_("笔录已被他人修改，请刷新后再编辑。"))
        self.transcript = tr


@transaction.atomic
def save_transcript(actor, hearing: Hearing, lines, revision: int | None, *, editor: str = "",
                    seq: int | None = None) -> Transcript:
    """Autosave: replace the lines. The row is locked; a text based on an older revision by
    someone else is a TranscriptConflict (two clerks do not overwrite each other silently), and a
    tab's retried or overtaken saves change nothing (xiezhi.site.drafts.decide_write)."""
    _require(actor, hearing.case, *RECORDERS)
    tr = Transcript.objects.select_for_update().get(pk=transcript_for(hearing).pk)
    if tr.status == TranscriptStatus.FINAL:
        raise ValidationError(_("笔录已定稿，不能再修改。"))
    clean = _clean_lines(lines)
    decision = decide_write(current_revision=tr.revision, current_editor=tr.editor, current_seq=tr.editor_seq,
                            revision=revision, editor=editor, seq=seq, same_content=clean == tr.lines)
    if decision == CONFLICT:
        raise TranscriptConflict(tr)
    if decision == SKIP:
        return tr
    tr.lines = clean
    tr.revision += 1
    tr.editor, tr.editor_seq = editor[:40], seq or 0
    tr.updated_by = actor
    tr.save()
    return tr


def render_text(tr: Transcript) -> str:
    h = tr.hearing
    case = h.case
    head = [f"{case.court.name}", "庭 审 笔 录", "",
            f"案号：{case.number}", f"案由：{case.cause.name if case.cause else ''}",
            f"时间：{timezone.localtime(h.start):%Y年%m月%d日 %H:%M}", f"地点：{h.courtroom.name}",
            f"公开审理：{'是' if h.public else '否'}", ""]
    body = [f"{SPEAKER_ROLES.get(r['role'], '')}{('（' + r['name'] + '）') if r.get('name') else ''}：{r['text']}"
            for r in tr.lines]
    return "\n".join(head + body) + "\n"


@transaction.atomic
def finalise_transcript(actor, hearing: Hearing) -> Transcript:
    """定稿: the record is frozen (its SHA-256 kept), the parties may confirm it on the portal,
    and the e-file receives it as a paper (paper_added, kind "transcript")."""
    case = Case.objects.select_for_update().get(pk=hearing.case_id)
    _require(actor, case, *RECORDERS)
    tr = Transcript.objects.select_for_update().get(pk=transcript_for(hearing).pk)
    if tr.status == TranscriptStatus.FINAL:
        return tr
    if not tr.lines:
        raise ValidationError(_("笔录为空，不能定稿。"))
    text = render_text(tr).encode("utf-8")
    tr.status, tr.sha256, tr.finalised_at, tr.updated_by = TranscriptStatus.FINAL, hashlib.sha256(text).hexdigest(), timezone.now(), actor
    tr.save()
    append_event(case, "transcript_finalised", actor, {"hearing_id": hearing.pk, "sha256": tr.sha256})
    notify(_party_users(case), _("%(number)s 的庭审笔录已定稿，请在诉讼服务网核对确认。") % {"number": case.number},
           case=case, kind="transcript")
    f = ContentFile(text, name=f"transcript-{hearing.pk}.txt")
    f.content_type = "text/plain; charset=utf-8"
    transaction.on_commit(lambda: paper_added.send(
        sender=Transcript, case=case, file=f, title=f"庭审笔录（{timezone.localtime(hearing.start):%Y-%m-%d}）",
        kind="transcript", source=f"hearings.Transcript:{tr.pk}", created_by=actor))
    return tr


@transaction.atomic
def confirm_transcript(user, hearing: Hearing) -> TranscriptConfirmation:
    """A party or their lawyer confirms the finalised record on the portal (CPL 第一百五十条)."""
    case = Case.objects.select_for_update().get(pk=hearing.case_id)
    party = Party.objects.filter(case=case, user=user, left_case_at__isnull=True).first()
    if party is None or not user.is_public_user:
        raise PermissionDenied(_("您不是本案当事人或代理人。"))
    tr = Transcript.objects.filter(hearing=hearing, status=TranscriptStatus.FINAL).first()
    if tr is None:
        raise ValidationError(_("笔录尚未定稿。"))
    existing = TranscriptConfirmation.objects.filter(transcript=tr, party=party).first()
    if existing:
        return existing
    c = TranscriptConfirmation.objects.create(transcript=tr, party=party, user=user, sha256=tr.sha256)
    append_event(case, "transcript_confirmed", None, {"hearing_id": hearing.pk, "party": party.name,
                                                      "role": party.get_role_display(), "sha256": tr.sha256})
    return c


# ---- audio ----------------------------------------------------------------------------

def sniff_audio(head: bytes) -> str:
    """Identify audio by its bytes: WAV (RIFF…WAVE), OGG (OggS), MP3 (ID3 tag or MPEG frame sync)."""
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[:4] == b"OggS":
        return "audio/ogg"
    if head[:3] == b"ID3" or (len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x06)):
        return "audio/mpeg"
    return ""


def audio_limit() -> int:
    return settings.HEARING_AUDIO_MAX_BYTES


@transaction.atomic
def add_audio(actor, hearing: Hearing, uploaded) -> HearingAudio:
    case = Case.objects.select_for_update().get(pk=hearing.case_id)
    _require(actor, case, *RECORDERS)
    size = uploaded.size or 0
    if size == 0:
        raise ValidationError(_("录音文件为空。"))
    if size > audio_limit():
        raise ValidationError(_("录音文件超过 %(mb)s MB 上限。") % {"mb": audio_limit() // (1024 * 1024)})
    uploaded.seek(0)
    head = uploaded.read(16)
    kind = sniff_audio(head)
    if not kind:
        raise ValidationError(_("只接受 WAV、MP3 或 OGG 格式的录音（按文件内容识别）。"))
    uploaded.seek(0)
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    sha = digest.hexdigest()
    existing = HearingAudio.objects.filter(hearing=hearing, sha256=sha).first()
    if existing:
        return existing
    a = HearingAudio(hearing=hearing, original_name=clean_filename(uploaded.name) or "audio", content_type=kind,
                     size=size, sha256=sha, uploaded_by=actor)
    uploaded.seek(0)
    store_once(a.file, "hearings/audio", sha, uploaded)  # one file per recording, even across hearings
    a.save()
    append_event(case, "hearing_audio_added", actor, {"hearing_id": hearing.pk, "sha256": sha, "size": size})
    return a


STT_CLAIM_TIMEOUT = timedelta(hours=3)  # longer than any recording takes; older means the run died
TRANSCRIBE_TASK = "xiezhi.hearings.tasks.transcribe_audio"


def transcribe(audio_id: int) -> HearingAudio:
    """Run the configured engine on one recording. Idempotent, "claim, then act": a done recording is
    left alone, and a run claims the recording (stt_started_at, under the row lock, committed) before
    the minutes of speech-to-text, so a second delivery of the task finds it claimed and returns. A
    claim older than STT_CLAIM_TIMEOUT is taken over (the first run died)."""
    from .stt import EngineUnavailable, get_engine

    with transaction.atomic():
        a = HearingAudio.objects.select_for_update().get(pk=audio_id)
        now = timezone.now()
        if a.stt_status == HearingAudio.SttStatus.DONE:
            return a
        if a.stt_started_at is not None and a.stt_started_at > now - STT_CLAIM_TIMEOUT:
            log.info("recording %s is being transcribed since %s; not running twice", a.pk, a.stt_started_at)
            return a
        a.stt_started_at = claim = now
        a.save(update_fields=["stt_started_at"])
    engine = get_engine()
    segments, status = [], HearingAudio.SttStatus.DONE
    try:
        with a.file.open("rb"):
            path = a.file.path
        segments = [s.as_dict() for s in engine.transcribe(path)]
    except EngineUnavailable:
        status = HearingAudio.SttStatus.UNAVAILABLE
    except Exception:  # noqa: BLE001 — a damaged recording must not break the queue
        log.exception("speech-to-text of recording %s failed", a.pk)
        status = HearingAudio.SttStatus.FAILED
    with transaction.atomic():
        a = HearingAudio.objects.select_for_update().get(pk=audio_id)
        if a.stt_started_at != claim:  # taken over by a later run after our claim timed out
            log.warning("recording %s: transcription finished after its claim was taken over; discarded", a.pk)
            return a
        a.segments, a.stt_status, a.stt_engine, a.stt_started_at = segments, status, engine.name, None
        a.save(update_fields=["segments", "stt_status", "stt_engine", "stt_started_at"])
    return a


def request_transcription(actor, audio: HearingAudio) -> None:
    """Ask for a transcription: on the worker when there is one; without one (the embedded demo) in a
    thread of this process, since speech-to-text takes minutes and the page shows "转写中" meanwhile."""
    _require(actor, audio.hearing.case, *RECORDERS)
    from .stt import get_engine

    if get_engine().name == "none":
        audio.stt_status, audio.stt_engine = HearingAudio.SttStatus.UNAVAILABLE, "none"
        audio.save(update_fields=["stt_status", "stt_engine"])
        return
    audio.stt_status = HearingAudio.SttStatus.PENDING
    audio.save(update_fields=["stt_status"])
    run_after_commit(TRANSCRIBE_TASK, audio.pk, in_thread=True)


def closed_reason_choices():
    return [(k, v[0]) for k, v in CLOSED_REASONS.items()]
