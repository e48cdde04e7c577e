"""Reference data of the e-file: the standard catalogue and the retention table, loaded from
data/*.csv (versioned; a court edits them in the admin or replaces the files and reloads)."""
import csv
from pathlib import Path

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load(apps=None) -> None:
    """Create or update the rows from the CSV files (idempotent)."""
    if apps is None:
        from django.apps import apps as _apps
        apps = _apps
    CatalogueItem = apps.get_model("dossier", "CatalogueItem")
    RetentionRule = apps.get_model("dossier", "RetentionRule")
    for r in rows("catalogue.csv"):
        CatalogueItem.objects.update_or_create(
            version=r["version"], kind=r["kind"],
            defaults={"section": r["section"], "order": int(r["order"]), "title": r["title"]})
    for r in rows("retention.csv"):
        RetentionRule.objects.update_or_create(version=r["version"], type_code=r["type_code"],
                                               defaults={"retention": r["retention"]})
