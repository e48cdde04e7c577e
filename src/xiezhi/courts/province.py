"""Per-province figures (ProvinceSetting rows) turned into the law functions' inputs."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import ProvinceSetting

FEE_KEYS = ("divorce_base", "personality_base", "other_non_property", "ip_no_amount",
            "jurisdiction_objection", "enforcement_no_amount")


_fee_cache: dict[str, tuple[float, object]] = {}
FEE_CACHE_SECONDS = 60


@receiver([post_save, post_delete], sender=ProvinceSetting)
def _forget_fee_settings(**kwargs):
    _fee_cache.clear()


def fee_settings_for(province: str):
    """ProvinceFeeSettings with the figures the province chose within the statutory ranges
    (诉讼费用交纳办法 第十三条: 具体交纳标准由省级人民政府确定), or None when none is set.
    Cached for a minute per process (every fee estimate asks; the figures change yearly)."""
    hit = _fee_cache.get(province)
    if hit and time.monotonic() - hit[0] < FEE_CACHE_SECONDS:
        return hit[1]
    result = _load_fee_settings(province)
    _fee_cache[province] = (time.monotonic(), result)
    return result


def _load_fee_settings(province: str):
    from xiezhi.law.fees import ProvinceFeeSettings

    if not province:
        return None
    rows = dict(ProvinceSetting.objects.filter(province=province, key__in=FEE_KEYS + ("stack_halvings",))
                .values_list("key", "value"))
    if not rows:
        return None
    kwargs = {k: rows[k] for k in FEE_KEYS if k in rows}
    if "stack_halvings" in rows:
        kwargs["stack_halvings"] = rows["stack_halvings"] == Decimal("1")
    return ProvinceFeeSettings(**kwargs)


def wage_table(province: str) -> dict[int, Decimal]:
    """上年度就业人员年平均工资 by year (民事诉讼法 第一百六十五条; 民诉解释 第二百七十二条)."""
    return {y: v for y, v in ProvinceSetting.objects.filter(province=province, key="avg_wage_employed")
            .values_list("year", "value")}


def small_claims_wage(province: str, filed_on: date):
    from xiezhi.law.smallclaims import latest_published_wage

    table = wage_table(province)
    if not table:
        return None
    return latest_published_wage(table, filed_on)
