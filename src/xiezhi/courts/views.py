"""The court's own settings page: 地址与电话, kept by the court's system administrator."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from xiezhi.site.access import staff_required

from . import services
from .forms import ContactForm


@staff_required("sysadmin")
def contact(request):
    court = request.user.court
    if court is None:
        return render(request, "courts/contact.html", {"court": None}, status=400)
    form = ContactForm(request.POST or None, initial={"address": court.address, "phone": court.phone})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contact(request.user, court, address=form.cleaned_data["address"],
                                    phone=form.cleaned_data["phone"], request=request)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for e in errors:
                    form.add_error(field, e)
        else:
            messages.success(request, _("已保存法院地址与电话。"))
            return redirect("courts:contact")
    return render(request, "courts/contact.html", {"court": court, "form": form},
                  status=400 if form.is_bound and form.errors else 200)
