class SecurityHeadersMiddleware:
    """Headers Django does not set by itself. No CDN: everything is served from 'self'.
    Whatever is sent to a signed-in user (case pages, files, page images) is `Cache-Control:
    no-store`: on a shared court workstation the browser keeps no copy after logout (security
    review F26)."""

    CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
           "frame-ancestors 'none'; form-action 'self'; base-uri 'self'")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


class CourtLanguageMiddleware:
    """Simplified Chinese unless the user picked another language (language cookie set by
    /i18n/setlang/). The browser's Accept-Language is ignored on purpose: a court's pages
    must not switch language because a workstation's browser was installed in English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        lang = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = lang
        # override() puts the thread's previous language back afterwards, so one request's
        # choice never leaks into work the same thread does next
        with translation.override(lang):
            response = self.get_response(request)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response.headers.setdefault("Content-Language", lang)
        return response


def back_link(request) -> str:
    """The page the user came from, when it is one of ours (the Referer of the same host), for
    the "back" link of an error page; never another site's address."""
    from django.utils.http import url_has_allowed_host_and_scheme

    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()):
        return referer
    return ""


class MethodNotAllowedPageMiddleware:
    """An address that only takes a form's POST (require_POST) answers a GET — a bookmark, a
    reload, an address typed or pasted — with a page in the user's layout that says what to do
    and links back, instead of Django's blank 405. The status stays 405 and the Allow header is
    kept; JSON APIs (DRF answers 405 with its own body) are left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponseNotAllowed
        from django.template.response import TemplateResponse

        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed) and request.method in ("GET", "HEAD"):
            page = TemplateResponse(request, "405.html", {"back": back_link(request)}, status=405)
            page.render()
            page["Allow"] = response["Allow"]
            return page
        return response
