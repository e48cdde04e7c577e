"""The parties' pages of 诉前调解 on the portal: my mediations (/portal/mediation/, linked from the
portal home) and one mediation (/portal/mediation/<pk>/) with the POSTs behind it — consent or refuse,
choose a mediator from the roster, a message to the mediator. Anyone but the filer gets the 404 of a
refused read (audited)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.site.access import public_required
from xiezhi.site.http import BadInput, file_response, parse_id, run_action

from . import portal, services
from .models import Mediator


@public_required
def my_list(request):
    items = list(portal.party_mediations(request.user).order_by("closed_at", "-pk")[:200])
    return render(request, "mediation/portal/list.html", {"mediations": items})


def _mine(request, pk):
    m = portal.party_mediation(request.user, pk)
    if m is None:
        raise deny(request, detail=f"诉前调解 {pk}")
    return m


@public_required
def detail(request, pk):
    m = _mine(request, pk)
    record(request, AuditEntry.Action.READ, filing=m.filing, detail=f"诉前调解 {m.number}")
    from . import room

    return render(request, "mediation/portal/detail.html", {**portal.page_context(request.user, m),
                                                            **room.party_room_context(request.user, m)})


def _post(request, pk, act, success):
    m = _mine(request, pk)
    back = reverse("mediation_portal:detail", args=[m.pk])
    if portal.over_limit(request.user):
        messages.error(request, _("操作过于频繁，请稍后再试。"))
        return redirect(back)
    return run_action(request, lambda: act(m, request.POST), success, back,
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, filing=m.filing,
                                                detail=f"诉前调解 {m.number}"))


@require_POST
@public_required
def consent(request, pk):
    def act(m, p):
        answer = p.get("answer")
        if answer not in ("yes", "no"):
            raise BadInput(_("请选择是否同意调解。"))
        return services.consent(request.user, m, answer == "yes")

    return _post(request, pk, act, _("已记录您的意见。"))


@require_POST
@public_required
def choose(request, pk):
    def act(m, p):
        mid = parse_id(p.get("mediator"), _("调解员"), required=True)
        mediator = Mediator.objects.filter(pk=mid, court_id=m.court_id).first()
        if mediator is None:
            raise BadInput(_("调解员不正确，请从列表中选择。"))
        return services.choose_mediator(request.user, m, mediator)

    return _post(request, pk, act, _("已选定调解员。"))


@require_POST
@public_required
def message(request, pk):
    return _post(request, pk, lambda m, p: services.add_party_note(request.user, m, p.get("text", ""),
                                                                   key=p.get("key", "")[:64]), _("留言已发送。"))


# ---------------------------------------------------------------- the online room (room.py)

@require_POST
@public_required
def document(request, pk):
    from . import room

    def act(m, p):
        upload = request.FILES.get("file")
        if upload is None:
            raise ValidationError(_("请选择要上传的文件。"))
        return room.add_document(request.user, m, upload, title=p.get("title", ""),
                                 concession=p.get("concession") == "1")

    return _post(request, pk, act, _("材料已提交。"))


@public_required
def document_file(request, pk, doc_pk):
    from . import room

    m = _mine(request, pk)
    doc = room.visible_documents(request.user, m).filter(pk=doc_pk).first()
    if doc is None:
        raise deny(request, detail=f"调解材料 {doc_pk}")
    record(request, AuditEntry.Action.READ, filing=m.filing, detail=f"诉前调解 {m.number} 材料 {doc.title}")
    return file_response(doc.file, doc.content_type, doc.original_name)


@require_POST
@public_required
def proposal(request, pk):
    from . import room

    return _post(request, pk, lambda m, p: room.propose(request.user, m, p.get("text", ""),
                                                        key=p.get("key", "")[:64]), _("调解方案已提出。"))


@require_POST
@public_required
def answer(request, pk, proposal_pk):
    from . import room
    from .models import MediationProposal

    def act(m, p):
        choice = p.get("answer")
        if choice not in ("accept", "reject"):
            raise BadInput(_("请选择同意或不同意。"))
        prop = MediationProposal.objects.filter(pk=proposal_pk, mediation=m).first()
        if prop is None:
            raise ValidationError(_("调解方案不存在。"))
        return room.answer(request.user, m, prop, choice == "accept")

    return _post(request, pk, act, _("已记录您的答复。"))
