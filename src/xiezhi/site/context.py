from django.conf import settings


def site(request):
    return {"XIEZHI_PROFILE": settings.PROFILE}
