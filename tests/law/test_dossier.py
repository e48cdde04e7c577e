"""E-file page numbering and archive rules (人民法院诉讼文书立卷归档办法; 人民法院诉讼档案管理办法)."""
import pytest

from xiezhi.law.dossier import Paper, archive_number, retention_for, running_pages


def test_pages_run_through_each_volume_in_catalogue_order():
    # 立卷归档办法: papers ordered by the catalogue, pages numbered continuously; 正卷 and 副卷 apart
    papers = [Paper("evidence", "main", 60, 1, 5), Paper("complaint", "main", 30, 2, 3),
              Paper("deliberation", "side", 20, 3, 2), Paper("judgment", "main", 90, 4, 4),
              Paper("pending", "main", 60, 5, 0)]
    assert running_pages(papers) == {"complaint": (1, 3), "evidence": (4, 8), "judgment": (9, 12),
                                     "deliberation": (1, 2), "pending": (None, None)}


@pytest.mark.parametrize("fmt,expected", [
    ("（{year}）{court}{type}档{serial}号", "（2026）豫0222民初档12号"),
    ("{court}-{year}-{type}-{serial:05d}", "豫0222-2026-民初-00012"),
])
def test_archive_number_follows_the_configured_format(fmt, expected):
    # 诉讼档案管理办法: 档案号 = 年度 + 法院代字 + 类型代字 + 顺序号 (format is local, ⚠ configurable)
    assert archive_number(fmt, year=2026, court_code="豫0222", type_code="民初", serial=12) == expected


@pytest.mark.parametrize("type_code,expected", [("民初", "long"), ("刑初", "permanent"), ("执恢", "short"),
                                                ("民特", "short"), ("商初", "long")])
def test_retention_by_case_type(type_code, expected):
    # 诉讼档案管理办法: 保管期限 永久 / 长期 / 短期 by the kind of case (table is data)
    table = {"*": "long", "民初": "long", "刑初": "permanent", "执": "short", "民特": "short"}
    assert retention_for(type_code, table) == expected


def test_retention_without_a_rule_is_an_error():
    with pytest.raises(ValueError):
        retention_for("民初", {"刑": "permanent"})
