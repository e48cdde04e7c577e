"""庭审排期: hearings, the busy-slots index used by the conflict check, hearing records (笔录),
their audio and the parties' confirmations."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HearingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("已排期")
    POSTPONED = "postponed", _("已延期")
    HELD = "held", _("已开庭")
    CANCELLED = "cancelled", _("已取消")


class Hearing(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="hearings")
    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), db_index=False, on_delete=models.PROTECT)
    courtroom = models.ForeignKey("courts.Courtroom", verbose_name=_("审判法庭"), db_index=False,
                                  on_delete=models.PROTECT, related_name="hearings")
    start = models.DateTimeField(_("开庭时间"))
    end = models.DateTimeField(_("预计结束时间"))
    clerk = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("书记员"), null=True, blank=True,
                              db_index=False, on_delete=models.PROTECT, related_name="clerked_hearings")
    public = models.BooleanField(_("公开审理"), default=True)
    closed_reason = models.CharField(_("不公开审理理由"), max_length=30, blank=True)
    closed_note = models.CharField(_("不公开审理说明"), max_length=300, blank=True)
    online = models.BooleanField(_("在线庭审"), default=False)
    online_url = models.CharField(_("在线庭审链接"), max_length=300, blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=HearingStatus.choices, default=HearingStatus.SCHEDULED)
    postpone_reason = models.CharField(_("延期理由"), max_length=300, blank=True)
    previous = models.OneToOneField("self", verbose_name=_("原定庭期"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="next_session")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, db_index=False, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("庭审")
        verbose_name_plural = _("庭审")
        ordering = ["start"]
        indexes = [models.Index(fields=["court", "start"])]

    def __str__(self):
        return f"{self.case} {self.start:%Y-%m-%d %H:%M}"


class Slot(models.Model):
    """Who and what a scheduled hearing keeps busy: one row per (hearing, key). Keys: "r:<room>",
    "s:<staff user>" (judges, panel, clerk), "l:<licence>" / "u:<user>" (lawyers). Derived index
    data for the conflict check — deleted when the hearing is postponed or cancelled."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="slots")
    key = models.CharField(max_length=48)
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["key", "start"], include=["end", "hearing"], name="hearing_slot_key_start")]


class TranscriptStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    FINAL = "final", _("已定稿")


class Transcript(models.Model):
    """庭审笔录. `lines` is an ordered list of {"role", "name", "text"}."""

    hearing = models.OneToOneField(Hearing, verbose_name=_("庭审"), on_delete=models.PROTECT, related_name="transcript")
    lines = models.JSONField(_("笔录内容"), default=list, blank=True)
    revision = models.PositiveIntegerField(_("修订号"), default=0)
    # the browser tab that saved last and its count of saves (xiezhi.site.drafts.decide_write)
    editor = models.CharField(max_length=40, blank=True, default="")
    editor_seq = models.PositiveIntegerField(default=0)
    status = models.CharField(_("状态"), max_length=10, choices=TranscriptStatus.choices, default=TranscriptStatus.DRAFT)
    sha256 = models.CharField(_("定稿摘要"), max_length=64, blank=True)
    finalised_at = models.DateTimeField(_("定稿时间"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, db_index=False, on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("庭审笔录")
        verbose_name_plural = _("庭审笔录")


class TranscriptConfirmation(models.Model):
    transcript = models.ForeignKey(Transcript, on_delete=models.PROTECT, related_name="confirmations")
    party = models.ForeignKey("cases.Party", verbose_name=_("确认人"), on_delete=models.PROTECT)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, db_index=False, on_delete=models.PROTECT)
    sha256 = models.CharField(_("确认时笔录摘要"), max_length=64)
    confirmed_at = models.DateTimeField(_("确认时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("笔录确认")
        verbose_name_plural = _("笔录确认")
        constraints = [models.UniqueConstraint(fields=["transcript", "party"], name="uniq_transcript_party")]


def audio_path(instance, filename):
    return f"hearings/audio/{instance.sha256[:2]}/{instance.sha256}"


class HearingAudio(models.Model):
    """庭审录音. Stored by SHA-256, never overwritten or deleted (files are evidence)."""

    class SttStatus(models.TextChoices):
        NONE = "none", _("未转写")
        PENDING = "pending", _("转写中")
        DONE = "done", _("已转写")
        UNAVAILABLE = "unavailable", _("未配置语音识别引擎")
        FAILED = "failed", _("转写失败")

    hearing = models.ForeignKey(Hearing, verbose_name=_("庭审"), on_delete=models.PROTECT, related_name="audio")
    file = models.FileField(_("文件"), upload_to=audio_path)
    original_name = models.CharField(_("原文件名"), max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, db_index=False, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    stt_status = models.CharField(_("转写状态"), max_length=12, choices=SttStatus.choices, default=SttStatus.NONE)
    stt_engine = models.CharField(_("转写引擎"), max_length=40, blank=True)
    # set while one run transcribes (its claim), so that a second delivery of the task does not run too
    stt_started_at = models.DateTimeField(_("转写开始时间"), null=True, blank=True)
    segments = models.JSONField(_("转写结果"), default=list, blank=True)

    class Meta:
        verbose_name = _("庭审录音")
        verbose_name_plural = _("庭审录音")
        constraints = [models.UniqueConstraint(fields=["hearing", "sha256"], name="uniq_hearing_audio")]
