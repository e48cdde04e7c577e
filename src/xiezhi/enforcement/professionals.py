"""委托社会力量: the enforcement officer gives a task (asset investigation, auction assistance, service of documents,
audit) to a notary, lawyer, auditor or auction assistant; the assignee's report is filed in the case's e-file
through the cases.signals.paper_added signal (the dossier app files it, the enforcement app does not know how);
the officer then accepts the work. assigned → reported → accepted."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case
from xiezhi.cases.services import append_event, lock_case
from xiezhi.cases.signals import paper_added

from .disposal import _check, _choice, _date, _key
from .models_disposal import ProfessionalTask

MAX_REPORT_BYTES = 20 * 1024 * 1024
# a report is a PDF or a scan (JPG / PNG), judged by its first bytes, as the e-file accepts from a person
_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff")


@transaction.atomic
def assign(actor, case: Case, *, kind: str, assignee_kind: str, assignee_name: str, due_on, key: str,
           organisation: str = "") -> ProfessionalTask:
    case = lock_case(case)
    _check(actor, case)
    key = _key(key)
    earlier = ProfessionalTask.objects.filter(case=case, key=key).first()
    if earlier is not None:
        return earlier
    kind = _choice(kind, ProfessionalTask.Kind.choices, _("委托事项"))
    assignee_kind = _choice(assignee_kind, ProfessionalTask.AssigneeKind.choices, _("受托人类别"))
    name = (assignee_name or "").strip()[:100]
    if not name:
        raise ValidationError(_("请填写受托人。"))
    due_on = _date(due_on, _("完成期限"))
    if due_on < timezone.localdate():
        raise ValidationError(_("完成期限不能早于今天。"))
    task = ProfessionalTask.objects.create(case=case, kind=kind, assignee_kind=assignee_kind, assignee_name=name,
                                           organisation=(organisation or "").strip()[:200], due_on=due_on,
                                           created_by=actor, key=key)
    append_event(case, "professional_assigned", actor, {"task": task.pk, "kind": task.get_kind_display(),
                                                         "assignee": f"{task.get_assignee_kind_display()}{name}"})
    return task


@transaction.atomic
def report(actor, task: ProfessionalTask, *, title: str, data: bytes, name: str = "report.pdf") -> ProfessionalTask:
    """The assignee's report, entered by the officer: filed in the e-file, the task becomes reported."""
    case = lock_case(task.case_id)
    _check(actor, case)
    task = ProfessionalTask.objects.select_for_update().get(pk=task.pk)
    if task.status != "assigned":
        raise ValidationError(_("该委托事项已提交报告。"))
    title = (title or "").strip()[:200]
    if not title:
        raise ValidationError(_("请填写报告名称。"))
    if not data:
        raise ValidationError(_("请选择报告文件。"))
    if len(data) > MAX_REPORT_BYTES:
        raise ValidationError(_("报告文件过大。"))
    if not data.startswith(_MAGIC):
        raise ValidationError(_("报告只能是 PDF 或 JPG、PNG 图片。"))
    paper_added.send(sender=ProfessionalTask, case=case, file=ContentFile(data, name=name[:100]), title=title,
                     kind="report", source=f"enforcement.ProfessionalTask:{task.pk}", created_by=actor)
    task.status, task.report_title, task.reported_at = "reported", title, timezone.now()
    task.save(update_fields=["status", "report_title", "reported_at"])
    append_event(case, "professional_reported", actor, {"task": task.pk, "title": title,
                                                         "assignee": task.assignee_name})
    return task


@transaction.atomic
def accept(actor, task: ProfessionalTask) -> ProfessionalTask:
    case = lock_case(task.case_id)
    _check(actor, case)
    task = ProfessionalTask.objects.select_for_update().get(pk=task.pk)
    if task.status == "accepted":
        return task
    if task.status != "reported":
        raise ValidationError(_("受托人提交报告后才能验收。"))
    task.status, task.accepted_at = "accepted", timezone.now()
    task.save(update_fields=["status", "accepted_at"])
    append_event(case, "professional_accepted", actor, {"task": task.pk, "kind": task.get_kind_display(),
                                                         "assignee": task.assignee_name})
    return task
