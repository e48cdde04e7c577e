from django.contrib import admin

from .models import PaymentIntent


@admin.register(PaymentIntent)
class PaymentIntentAdmin(admin.ModelAdmin):
    """Payments as the court's finance office checks them against the provider's statement: a
    PENDING row older than a few minutes is a payment whose outcome the provider has not told us."""

    list_display = ("assessment", "amount", "status", "reference", "payer", "created_at", "settled_at")
    list_filter = ("status",)
    search_fields = ("reference", "idempotency_key", "assessment__case__number")
    readonly_fields = [f.name for f in PaymentIntent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
