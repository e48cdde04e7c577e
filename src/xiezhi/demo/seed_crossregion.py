"""跨域立案 in the demo (issue 12 item 4): a second court on the platform, 杞县人民法院 (豫0221, next to
通许 in 开封), with its filing clerk `lian2`; one complaint received at the demo court's counter for
杞县 (forwarded, paper originals in the mail) and one received at 杞县 for the demo court, waiting in
`lian`'s queue marked 跨域立案. Both through the real services; the second belongs to the demo
litigant 马当事, who follows it on the portal (我的跨域立案).

A second `make demo` adds nothing: the seed returns when a cross-region filing exists."""
from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from xiezhi.accounts.models import User
from xiezhi.courts.models import Court, Division

NEIGHBOUR = "豫0221"  # 杞县人民法院


def _complaint(plaintiff: dict, defendant: str, amount: str) -> dict:
    return {"parties": [{"role": "plaintiff", "kind": "natural", "phone": "13912345678", **plaintiff},
                        {"role": "defendant", "kind": "natural", "name": defendant, "address": "河南省杞县城关镇"}],
            "claims": f"1. 判令被告偿还借款{amount}元；2. 诉讼费由被告负担。",
            "facts": "被告向原告借款，约定三个月归还，到期未还。", "amount": amount}


@transaction.atomic
def seed_crossregion(c: Court, users: dict[str, User]) -> dict:
    from xiezhi.courts.refdata import divisions_for_basic_court
    from xiezhi.filing import crossregion as cr
    from xiezhi.filing.models_crossregion import CrossRegionRequest

    from .seed_mediation import _blank_pdf  # not .seed: seed imports this module

    if CrossRegionRequest.objects.exists():
        return {}
    other = Court.objects.get(case_code=NEIGHBOUR)
    divisions_for_basic_court(other)
    lian, litigant = users["lian"], users["13800000002"]
    lian2, _created = User.objects.get_or_create(username="lian2", defaults=dict(
        kind=User.Kind.STAFF, real_name="宋立诚", court=other, roles=["filing_judge"],
        division=Division.objects.filter(court=other, kind="filing").first(),
        password=lian.password))  # the demo password, hashed once

    # received here (通许) for 杞县: a party living in 通许 sues a 杞县 defendant at 杞县's court
    out = cr.receive(lian, other, _complaint({"name": "褚海涛", "id_number": "410222198807120030",
                                             "address": "河南省通许县咸平街道"}, "卫明辉", "38000"),
                     id_type="resident", id_number="410222198807120030", id_name="褚海涛")
    cr.add_scan(lian, out, SimpleUploadedFile("起诉状.pdf", _blank_pdf(),
                                              "application/pdf"), kind="complaint", title="起诉状")
    cr.forward(lian, out)
    cr.record_mail_sent(lian, out, "1151234567801")

    # received at 杞县 for this court: the demo litigant, waiting in lian's queue
    into = cr.receive(lian2, c, _complaint({"name": litigant.real_name, "id_number": litigant.id_number,
                                           "address": "河南省杞县五里河镇"}, "蒋国庆", "26000"),
                      id_type="resident", id_number=litigant.id_number, id_name=litigant.real_name)
    cr.add_scan(lian2, into, SimpleUploadedFile("起诉状.pdf", _blank_pdf(), "application/pdf"),
                kind="complaint", title="起诉状")
    cr.forward(lian2, into)
    cr.record_mail_sent(lian2, into, "1151234567802")
    users["lian2"] = lian2
    return {"sent": out, "received": into}
