import pytest

from xiezhi.courts import calendar as work_calendar


@pytest.fixture
def fresh_calendar_cache():
    """The working calendar is cached per process; drop it around a test so no test sees
    another test's (rolled-back) rows."""
    work_calendar._invalidate()
    yield
    work_calendar._invalidate()
