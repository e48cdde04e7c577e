"""manage.py load_refdata — load (or refresh) the versioned reference data of xiezhi.courts.

Idempotent: safe to run on every deployment. See xiezhi/courts/data/README.md."""
from django.core.management.base import BaseCommand, CommandError

from xiezhi.courts import refdata

LABELS = {
    "courts": "法院",
    "case_types": "案件类型",
    "causes": "案由/罪名",
    "procedures": "审理程序",
    "province_settings": "省级设置",
    "calendar": "节假日/调休日",
}


class Command(BaseCommand):
    help = "导入法院代码、案件类型、案由/罪名、审理程序、省级设置和节假日安排等基础数据（可重复执行）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", default="",
            help="只导入指定项，逗号分隔：" + ", ".join(refdata.LOADERS))
        parser.add_argument(
            "--years", default="",
            help="节假日只导入这些年度，逗号分隔（默认：chinese_calendar 覆盖的全部年度）")

    def handle(self, *args, only="", years="", **options):
        names = [n.strip() for n in only.split(",") if n.strip()] or list(refdata.LOADERS)
        unknown = [n for n in names if n not in refdata.LOADERS]
        if unknown:
            raise CommandError(f"未知的数据项：{', '.join(unknown)}；可选：{', '.join(refdata.LOADERS)}")
        try:
            year_list = [int(y) for y in years.split(",") if y.strip()] or None
        except ValueError as exc:
            raise CommandError(f"年度格式有误：{years}") from exc
        for name in names:
            try:
                if name == "calendar":
                    count = refdata.load_calendar(year_list)
                else:
                    count = refdata.LOADERS[name]()
            except refdata.RefDataError as exc:
                raise CommandError(f"{LABELS[name]}导入失败：{exc}") from exc
            self.stdout.write(f"{LABELS[name]}：已导入 {count} 条")
        self.stdout.write(self.style.SUCCESS("基础数据导入完成。"))
