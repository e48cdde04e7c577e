"""SMS service links cannot be forged with the key every demo shared (security review F2): the
embedded profile signs with a random key of its own, so a link signed with the old public string
`embedded-demo-not-secret` opens nothing, counts as no read, and leaves a `denied` audit row."""
from django.conf import settings
from django.core import signing

from xiezhi.audit.models import AuditEntry
from xiezhi.delivery import services as ds
from xiezhi.delivery.models import ServiceRecord

OLD_PUBLIC_KEY = "embedded-demo-not-secret"


def test_a_link_signed_with_the_old_public_key_is_refused(world, sms_gateway, client,
                                                           django_capture_on_commit_callbacks):
    assert settings.SECRET_KEY != OLD_PUBLIC_KEY and len(settings.SECRET_KEY) >= 50
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, consent_judgments=True,
                         mobile="13912345678")
    with django_capture_on_commit_callbacks(execute=True):
        [rec] = ds.serve(world["clerk"], world["case"], title="民事判决书", kind="judgment", file_bytes=world["pdf"],
                         filename="judgment.pdf", parties=[world["plaintiff"]], methods=["sms"])
    forged = signing.TimestampSigner(key=OLD_PUBLIC_KEY, salt=ds.TOKEN_SALT).sign(str(rec.pk))
    resp = client.get(f"/delivery/d/{forged}/")
    assert resp.status_code == 404
    rec = ServiceRecord.objects.get(pk=rec.pk)
    assert rec.read_at is None  # the forged open is not the party's read
    row = AuditEntry.objects.filter(action="denied", path=f"/delivery/d/{forged}/").get()
    assert row.user is None and "短信送达链接" in row.detail
    # the court's own link still opens the document
    real = ds.sms_link(rec)
    assert client.get(real[real.index("/delivery/"):]).status_code == 200
