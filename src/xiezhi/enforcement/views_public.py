"""执行信息公开 (domain §9.1): the public search of the dishonest-debtor list and of the persons
under a consumption restriction, open to everybody. ID numbers are shown masked
(law.enforcement_credit.mask_id_number); searches are counted per client address
(PUBLIC_SEARCH_RATE_LIMIT) so the list cannot be walked name by name."""
from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from xiezhi.site.access import anyone
from xiezhi.site.throttle import count_in_window

from . import credit


def over_limit(request) -> bool:
    """Count one search for this client address; True once it has made more than the limit in the
    current window. Fixed windows in the shared cache, as the login throttle keeps its counts."""
    limit, window = settings.PUBLIC_SEARCH_RATE_LIMIT
    return count_in_window(f"public-search:{request.META.get('REMOTE_ADDR', '')}", window) > limit


@require_GET
@anyone
def search(request):
    query = (request.GET.get("q") or "").strip()[:100]
    ctx = {"q": query, "rows": None, "min_chars": credit.MIN_NAME_CHARS, "max_results": credit.MAX_RESULTS}
    if not query:
        return render(request, "enforcement/public/search.html", ctx)
    if over_limit(request):
        ctx["error"] = _("查询过于频繁，请稍后再试。")
        return render(request, "enforcement/public/search.html", ctx, status=429)
    ctx["rows"] = credit.public_records(query=query)
    return render(request, "enforcement/public/search.html", ctx)
