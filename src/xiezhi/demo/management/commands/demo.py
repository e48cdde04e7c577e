"""`xiezhi demo`: migrate the embedded database, load the demo court, and serve it on
127.0.0.1:8000, printing the demo logins. Every periodic job of settings.CELERY_BEAT_SCHEDULE
(deadline warnings, public notices, SMS reports, the delivery sweep, e-file pages, missing PDFs) runs
in-process (xiezhi.celery.start_in_process_beat); production runs them on Celery beat + workers with Redis."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "运行演示法院（嵌入式 SQLite）"

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument("--cases", type=int, default=300)
        parser.add_argument("--no-serve", action="store_true", help="只准备数据，不启动服务")

    def handle(self, *args, addr, cases, no_serve, **kw):
        from django.conf import settings

        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", verbosity=0)
        from xiezhi.cases.services import mark_deadlines
        from xiezhi.demo.seed import DEMO_PASSWORD, PUBLIC, STAFF, seed_all
        from xiezhi.demo.seed_linkage import ensure_simulator

        # the simulator of the eight 网络查控 bodies, in this process, unless XIEZHI_LINKAGE_URL names a gateway:
        # the seed's searches, the officers' searches and the poll_linkage job all talk to it
        linkage_url = ensure_simulator()
        from xiezhi.demo.seed_mediation import ensure_video_simulator

        # the video-conference simulator (online mediation rooms), unless XIEZHI_VIDEO_URL names a service
        video_url = ensure_video_simulator()
        from xiezhi.demo.seed_servicecentre import ensure_device_simulator

        # the kiosk's ID-card reader and receipt printer (诉讼服务中心), unless XIEZHI_KIOSK_DEVICE_URL names a bridge
        device_url = ensure_device_simulator()

        self.stdout.write("正在准备演示数据（首次约需一分钟）…")
        started = time.monotonic()
        result = seed_all(cases)
        counts = mark_deadlines()
        self.stdout.write(self.style.SUCCESS(f"演示法院：{result['court'].name}（{result['court'].case_code}）"
                                             f"，准备用时 {time.monotonic() - started:.0f} 秒"))
        self.stdout.write(f"审限预警：检查 {counts['checked']} 件，临近 {counts['near']} 件，超期 {counts['overdue']} 件")
        self.stdout.write("")
        self.stdout.write(f"法院内网  http://{addr}/staff/login/   （用户名 / 密码 {DEMO_PASSWORD}）")
        from xiezhi.accounts.models import Role

        for username, name, roles, _ in STAFF:
            self.stdout.write(f"  {username:<10} {name:<6} {'、'.join(str(Role(r).label) for r in roles)}")
        # the other accounts the issue-12 seeds make: more invited mediators, and the filing clerk of the
        # neighbouring court that sends and receives the demo's cross-region filings
        self.stdout.write("  mediator2…mediator4  其他特邀调解员    lian2  宋立诚  杞县人民法院立案法官（跨域立案）")
        self.stdout.write(f"诉讼服务网 http://{addr}/login/   （手机号 / 密码 {DEMO_PASSWORD}）")
        for phone, name, _, licence, _ in PUBLIC:
            self.stdout.write(f"  {phone}  {name}  {'律师' if licence else '当事人'}")
        self.stdout.write(f"系统管理  http://{addr}/admin/   （admin / {DEMO_PASSWORD}）")
        self.stdout.write(f"接口文档  http://{addr}/api/docs/")
        self.stdout.write(f"网络查控协助单位模拟器 {linkage_url}")
        self.stdout.write(f"视频会议模拟器 {video_url}")
        self.stdout.write(f"自助服务终端   http://{addr}/kiosk/   （设备模拟器 {device_url}）")
        if no_serve:
            return

        from xiezhi.celery import start_in_process_beat

        start_in_process_beat()  # every job of settings.CELERY_BEAT_SCHEDULE, in this process
        call_command("runserver", addr, "--noreload", "--insecure")
