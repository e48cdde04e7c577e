"""Per-province figures (ProvinceSetting rows) turned into the law functions' inputs."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from .models import ProvinceSetting

FEE_KEYS = ("divorce_base", "personality_base", "other_non_property", "ip_no_amount",
            "jurisdiction_objection", "enforcement_no_amount")


def fee_settings_for(province: str):
    """ProvinceFeeSettings with the figures the province chose within the statutory ranges
    (诉讼费用交纳办法 第十三条: 具体交纳标准由省级人民政府确定), or None when none is set."""
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
