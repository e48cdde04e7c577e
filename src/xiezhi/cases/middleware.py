from .selectors import request_memo


class CaseVisibilityMemoMiddleware:
    """Opens the per-request memo of "may this user see this case?" (cases/selectors.py): the
    case page and every panel on it ask the same question, and it is answered once per request.
    It lives in cases, which owns the question, and not in the site's language middleware,
    which must not know about cases."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_memo():
            response = self.get_response(request)
            # a lazily rendered response still reads through the memo while it renders
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response
