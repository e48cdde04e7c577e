from django.core.management.base import BaseCommand

from xiezhi.cases.models import Case
from xiezhi.dossier import services
from xiezhi.dossier.tasks import run_pending


class Command(BaseCommand):
    help = "File registered cases' filing uploads into their e-files and OCR pending pages in-process"

    def add_arguments(self, parser):
        parser.add_argument("--no-ocr", action="store_true")

    def handle(self, *args, **options):
        filed = 0
        for case in Case.objects.filter(filing__isnull=False, status__in=("registered", "in_trial", "suspended")):
            filed += len(services.file_registration_uploads(case))
        done = 0 if options["no_ocr"] else run_pending()
        self.stdout.write(f"filed {filed} papers, processed {done} pages")
