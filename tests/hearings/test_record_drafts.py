"""The hearing record's autosave (issue 9 §3): malformed input is a 400 with a Chinese sentence,
never a 500; another clerk's stale save is a conflict answered with the saved lines; a tab's
retried or overtaken save changes nothing."""
import json
from datetime import timedelta

import pytest
from django.test import Client

from xiezhi.hearings import services as hs
from xiezhi.hearings.models import Transcript

pytestmark = pytest.mark.django_db


@pytest.fixture
def hearing(world):
    return hs.schedule_hearing(world["judge"], world["case"], world["rooms"][0], world["t"],
                               world["t"] + timedelta(hours=1), clerk=world["clerk"])


def post(user, url, body):
    c = Client()
    c.force_login(user)
    return c.post(url, body if isinstance(body, bytes) else json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("body", [
    b"[]", b'"x"', b"not json", b"{}", b'{"lines": {}}', b'{"lines": "x"}', b'{"lines": [1, 2]}',
    b'{"lines": [], "revision": 1e309}', b'{"lines": [], "revision": -3}', b'{"lines": [], "revision": NaN}',
    b'{"lines": [], "seq": "1"}', b'{"lines": [], "editor": ["a"]}',
])
def test_malformed_record_autosave_is_a_400_with_a_chinese_message(world, hearing, body):
    r = post(world["clerk"], f"/staff/hearings/{hearing.pk}/record/autosave/", body)
    assert r.status_code == 400, (body, r.status_code)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in r.json()["error"])


def test_record_conflict_answers_with_the_saved_lines_and_a_retry_is_applied_once(world, hearing):
    url = f"/staff/hearings/{hearing.pk}/record/autosave/"
    line = [{"role": "presiding", "name": "", "text": "现在开庭。"}]
    for _ in range(2):  # the same save twice (its answer was lost): one revision
        r = post(world["clerk"], url, {"revision": 0, "editor": "A", "seq": 1, "lines": line})
        assert r.status_code == 200 and r.json()["revision"] == 1
    other = post(world["judge"], url, {"revision": 0, "editor": "B", "seq": 1,
                                      "lines": [{"role": "presiding", "name": "", "text": "另一人的记录"}]})
    assert other.status_code == 409 and other.json()["conflict"] and other.json()["lines"][0]["text"] == "现在开庭。"
    assert Transcript.objects.get(hearing=hearing).lines == line
