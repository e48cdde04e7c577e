"""The shared view helpers of xiezhi.site.http."""
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from xiezhi.site.http import BadInput, errors_of, latest_date, parse_date, parse_id, parse_ids, run_action


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


@pytest.mark.parametrize("value", ["1949-09-30", "0001-01-01", "9999-12-31"])
def test_parse_date_refuses_dates_outside_the_window(value):
    """Not before the people's courts (1949-10-01), not more than 10 years ahead (review F18)."""
    with pytest.raises(ValidationError) as exc:
        parse_date(value)
    assert "日期超出" in exc.value.messages[0]


def test_parse_date_window_edges():
    assert parse_date("1949-10-01") == date(1949, 10, 1)
    last = latest_date()
    assert parse_date(last.isoformat()) == last
    with pytest.raises(ValidationError):
        parse_date(date.fromordinal(last.toordinal() + 1).isoformat())
    assert latest_date(date(2028, 2, 29)) == date(2038, 2, 28)


@pytest.mark.parametrize("value", ["abc", "1e3", "-1", "0", "１２", "12 3", "3.0", "1" * 19, "٣"])
def test_parse_id_refuses_what_no_select_sends(value):
    with pytest.raises(BadInput) as exc:
        parse_id(value, "承办法官")
    assert "承办法官" in exc.value.message


def test_parse_id():
    assert parse_id("42", "法庭") == 42 and parse_id(" 7 ", "法庭") == 7
    assert parse_id("", "法庭") is None and parse_id(None, "法庭") is None
    with pytest.raises(BadInput):
        parse_id("", "法庭", required=True)
    assert parse_ids(["1", "", "3"], "合议庭成员") == [1, 3]
    with pytest.raises(BadInput):
        parse_ids(["1", "x"], "合议庭成员")


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
