"""`xiezhi audit_verify`: walk the audit log's hash chain and report every row that was changed,
deleted or inserted out of turn. Exit status 0 when the chain holds, 1 otherwise (for cron)."""
from django.core.management.base import BaseCommand

from xiezhi.audit.services import verify_chain


class Command(BaseCommand):
    help = "检查审计日志的哈希链（篡改、删除、插入）"

    def handle(self, *args, **options):
        n, problems = verify_chain()
        if not problems:
            self.stdout.write(f"审计日志完整：{n} 条记录，哈希链校验通过。")
            return
        for pk, sentence in problems:
            self.stderr.write(f"第 {pk} 条：{sentence}")
        self.stderr.write(f"审计日志哈希链校验失败：{len(problems)} 处问题（共 {n} 条记录）。")
        raise SystemExit(1)
