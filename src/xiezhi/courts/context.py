"""Template context: `public_court` (name, address, phone, hours, hotline) for the public pages'
footer and home page, read only when a template uses it."""
from django.utils.functional import SimpleLazyObject


def public_court(request):
    from .selectors import public_contact

    return {"public_court": SimpleLazyObject(public_contact)}
