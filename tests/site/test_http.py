"""The shared view helpers of xiezhi.site.http."""
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from xiezhi.site.http import errors_of, parse_date, run_action


def test_errors_of_gives_every_sentence():
    assert errors_of(ValidationError(["一。", "二。"])) == ["一。", "二。"]
    assert errors_of(PermissionDenied("无权。")) == ["无权。"]
    assert errors_of(PermissionDenied()) == ["您无权办理此事项。"]


def test_parse_date():
    assert parse_date("2026-03-01") == date(2026, 3, 1)
    assert parse_date("") is None
    assert parse_date(None, default=date(2026, 1, 1)) == date(2026, 1, 1)
    with pytest.raises(ValidationError):
        parse_date("2026-13-01")


def _request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_run_action_says_what_happened_and_redirects():
    done = []
    request = _request()
    resp = run_action(request, lambda: done.append(1), "好了。", "/staff/", on_success=lambda: done.append(2))
    assert resp.status_code == 302 and resp["Location"] == "/staff/"
    assert done == [1, 2]
    assert [str(m) for m in get_messages(request)] == ["好了。"]


def test_run_action_shows_each_error_and_skips_on_success():
    def fail():
        raise ValidationError(["缺少理由。", "日期不正确。"])

    done = []
    request = _request()
    resp = run_action(request, fail, "好了。", "/x/", on_success=lambda: done.append(1))
    assert resp["Location"] == "/x/" and done == []
    assert [str(m) for m in get_messages(request)] == ["缺少理由。", "日期不正确。"]
