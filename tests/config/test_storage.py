"""xiezhi.storage: content-addressed files are written once and never copied under a random suffix."""
import hashlib

from django.core.files.storage import FileSystemStorage

from xiezhi.storage import content_name, save_once


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_the_same_bytes_saved_twice_are_one_file(tmp_path):
    storage, data = FileSystemStorage(location=tmp_path), b"%PDF-1.7 same bytes"
    name = content_name("evidence", hashlib.sha256(data).hexdigest(), ".pdf")
    assert save_once(storage, name, data) == save_once(storage, name, data) == name
    assert _files(tmp_path) == [name]
    assert name.startswith(f"evidence/{name.split('/')[2][:2]}/")


def test_a_save_racing_another_process_keeps_no_suffixed_copy(tmp_path, monkeypatch):
    """Between exists() and save() another worker stored the same bytes: Django would keep a
    `<sha>_XXXXXXX` copy; save_once deletes it and returns the content-addressed name."""
    storage, data = FileSystemStorage(location=tmp_path), b"scan of a receipt"
    name = content_name("delivery/receipts", hashlib.sha256(data).hexdigest())
    save_once(storage, name, data)
    checks = []
    real_exists = storage.exists

    def exists(n):  # our look-up misses the file; Django's own look-ups inside save() see it
        checks.append(n)
        return False if len(checks) == 1 else real_exists(n)

    monkeypatch.setattr(storage, "exists", exists)
    assert save_once(storage, name, data) == name
    assert _files(tmp_path) == [name]
