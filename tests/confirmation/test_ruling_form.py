"""The 民事裁定书 of a 司法确认 case (民事诉讼法 第二百零五条、第二百零六条; 2016 样式 民事裁定书（确认调解协议效力用）/
（驳回司法确认申请用）): the applicants, the procedure sentence, the agreement, the 主文 and the effect sentence, no fee."""
import io

import pytest
from docx import Document

from xiezhi.confirmation import services
from xiezhi.confirmation.models import State

pytestmark = pytest.mark.django_db


def _text(doc):
    with doc.docx.open("rb") as f:
        return [p.text for p in Document(io.BytesIO(f.read())).paragraphs if p.text.strip()]


def test_confirmation_ruling(accepted_app, staff):
    app, doc = services.decide(staff["judge"], accepted_app, State.CONFIRMED)
    ps = _text(doc)
    f = app.case.filed_on
    assert ps[1] == "民事裁定书" and ps[2] == app.case.number
    assert f"申请人张三、李四申请司法确认调解协议一案，本院于{f.year}年{f.month}月{f.day}日立案后，依法进行了审查。" in ps
    joined = "\n".join(ps)
    assert "李四于2026年12月31日前偿还张三借款10000元" in joined
    assert "申请人达成的调解协议有效" in joined and "第二百零五条、第二百零六条" in joined
    assert "本裁定送达后即发生法律效力。" in ps
    assert "上诉" not in joined and "受理费" not in joined


def test_dismissal_ruling_names_the_ground(accepted_app, staff):
    app, doc = services.decide(staff["judge"], accepted_app, State.DISMISSED, ground="voluntary")
    joined = "\n".join(_text(doc))
    assert "驳回申请人的司法确认申请" in joined and "违反自愿原则" in joined and "第三百五十八条" in joined
