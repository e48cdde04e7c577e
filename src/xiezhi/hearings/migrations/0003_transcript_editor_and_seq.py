from django.db import migrations, models


class Migration(migrations.Migration):
    """The browser tab that saved a hearing record last and its count of saves (xiezhi.site.drafts)."""

    dependencies = [("hearings", "0002_transcription_claim")]

    operations = [
        migrations.AddField("transcript", "editor", models.CharField(blank=True, default="", max_length=40)),
        migrations.AddField("transcript", "editor_seq", models.PositiveIntegerField(default=0)),
    ]
