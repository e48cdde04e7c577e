from django.db import migrations, models


class Migration(migrations.Migration):
    """The browser tab that saved a draft last and its count of saves: a tab's retried or overtaken
    autosave changes nothing, another tab's stale one is a conflict (xiezhi.site.drafts)."""

    dependencies = [("filing", "0002_payment_intent_and_unique_evidence")]

    operations = [
        migrations.AddField("filingapplication", "draft_editor", models.CharField(blank=True, default="", max_length=40)),
        migrations.AddField("filingapplication", "draft_seq", models.PositiveIntegerField(default=0)),
    ]
