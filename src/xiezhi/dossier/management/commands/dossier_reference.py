from django.core.management.base import BaseCommand

from xiezhi.dossier.reference import load


class Command(BaseCommand):
    help = "Reload the e-file catalogue and retention table from xiezhi/dossier/data/*.csv"

    def handle(self, *args, **options):
        load()
        self.stdout.write("ok")
