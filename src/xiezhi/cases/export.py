"""The case search exported as an Excel workbook (.xlsx, openpyxl). Written row by row in
openpyxl's write-only mode to a temporary file, which the response then streams: memory stays
flat however many rows; the count is capped at EXPORT_CAP."""
import tempfile

from django.utils.translation import gettext as _

# a court-wide search of every case since the platform started is not an export: narrow it
EXPORT_CAP = 5000


def write_workbook(cases, today) -> tuple[object, int, bool]:
    """(open temporary file positioned at 0, rows written, more than the cap) for the cases of
    a search (a queryset, already ordered)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("案件查询"))
    for width, col in zip((26, 40, 18, 14, 10, 12, 10, 12, 10), "ABCDEFGHI"):
        ws.column_dimensions[col].width = width
    header = [_("案号"), _("案件名称"), _("案由"), _("程序"), _("承办人"), _("立案日期"), _("状态"),
              _("审限届满日"), _("审限状态")]
    cells = []
    for title in header:
        c = WriteOnlyCell(ws, value=title)
        c.font = Font(bold=True)
        cells.append(c)
    ws.append(cells)
    n, more = 0, False
    rows = cases.select_related("cause", "procedure", "judge")[: EXPORT_CAP + 1].iterator(chunk_size=500)
    for case in rows:
        if n == EXPORT_CAP:
            more = True
            break
        closed = case.status in ("closed", "archived")
        ws.append([case.number, case.title, case.cause.name if case.cause else "",
                   case.procedure.name if case.procedure else "",
                   case.judge.display_name if case.judge else "", case.filed_on, case.get_status_display(),
                   case.limit_end, _("已结案") if closed else case.get_deadline_state_display()])
        n += 1
    if more:
        ws.append([_("结果超过 %(n)s 件，只导出前 %(n)s 件；请缩小查询范围。") % {"n": EXPORT_CAP}])
    out = tempfile.TemporaryFile()
    wb.save(out)
    out.seek(0)
    return out, n, more
