"""Recompute the stored deadlines (appeal windows, filing review, fee payment, service dates) after
the holiday days of a year were loaded or corrected (民事诉讼法 第八十五条第三款)."""
from django.core.management.base import BaseCommand, CommandError

from xiezhi.courts.calendar import year_loaded


class Command(BaseCommand):
    help = "重新计算依赖某年节假日安排的已存期限（上诉期、立案审查期限、交费期限、送达日期）"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", required=True, help="年份，可重复")

    def handle(self, *args, year, **options):
        if any(not 2000 <= y <= 2099 for y in year):
            raise CommandError("年份应在 2000–2099 之间")
        counts = year_loaded(year)
        total = sum(counts.values())
        for name, n in counts.items():
            self.stdout.write(f"{name}: {n}")
        self.stdout.write(f"共更新 {total} 项期限")
