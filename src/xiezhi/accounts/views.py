"""Sign-in for the two faces. Staff and public accounts are separate kinds: each login
page accepts only its own kind."""
import re

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from xiezhi.accounts.adapters import identity_adapter
from xiezhi.accounts.models import User
from xiezhi.site.access import anyone, public_required

from . import phone_codes, ratelimit


def _safe_next(request, default):
    nxt = request.POST.get("next") or request.GET.get("next")
    if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}, require_https=request.is_secure()):
        return nxt
    return default


def _login_view(request, *, kind, template, default_next):
    error = ""
    username = ""
    if request.method == "POST":
        username = request.POST.get("username", "").strip()[:150]
        password = request.POST.get("password", "")
        # the portal signs in by phone number
        user_obj = User.objects.filter(kind=kind, **({"phone": username} if kind == User.Kind.PUBLIC
                                                     else {"username": username})).first() if username else None
        if ratelimit.is_locked(request, username):
            ratelimit.audit_failure(request, kind, username, user_obj, locked=True)
            error = ratelimit.locked_message(request, username)
        else:
            if user_obj is not None:
                user = authenticate(request, username=user_obj.username, password=password)
            else:
                User().set_password(password)  # same work as a real check: no timing hint
                user = None
            if user is None or user.kind != kind:
                ratelimit.record_failure(request, username)
                ratelimit.audit_failure(request, kind, username, user_obj)
                error = _("账号或密码不正确。")
            else:
                ratelimit.clear(request, username)
                login(request, user)
                ratelimit.audit_success(request, kind)
                landing = user.staff_landing() if default_next == "cases:workbench" else default_next
                return redirect(_safe_next(request, landing))
    return render(request, template, {"error": error, "username": username,
                                      "next": request.GET.get("next", "")}, status=200 if not error else 400)


@anyone
@require_http_methods(["GET", "POST"])
def public_login(request):
    return _login_view(request, kind=User.Kind.PUBLIC, template="accounts/login.html", default_next="filing:portal")


@anyone
@require_http_methods(["GET", "POST"])
def staff_login(request):
    return _login_view(request, kind=User.Kind.STAFF, template="accounts/staff_login.html", default_next="cases:workbench")


@anyone
@require_POST
def logout_view(request):
    staff = getattr(request.user, "is_court_staff", False)
    logout(request)
    return redirect("accounts:staff_login" if staff else "site:home")


PHONE_RE = re.compile(r"^1\d{10}$")


class RegisterForm(forms.Form):
    phone = forms.CharField(label=gettext_lazy("手机号码"), max_length=11)
    code = forms.CharField(label=gettext_lazy("短信验证码"), max_length=6, required=False)
    real_name = forms.CharField(label=gettext_lazy("真实姓名"), max_length=50)
    password = forms.CharField(label=gettext_lazy("密码"), widget=forms.PasswordInput, min_length=8)
    password2 = forms.CharField(label=gettext_lazy("确认密码"), widget=forms.PasswordInput)
    is_lawyer = forms.BooleanField(label=gettext_lazy("我是执业律师"), required=False)
    lawyer_licence = forms.CharField(label=gettext_lazy("律师执业证号"), max_length=17, required=False)
    law_firm = forms.CharField(label=gettext_lazy("律师事务所"), max_length=100, required=False)

    def clean_phone(self):
        # whether the number has an account is not said here (security review F9): the SMS code is
        # what proves the number, and a registered number never receives one
        phone = self.cleaned_data["phone"].strip()
        if not PHONE_RE.match(phone):
            raise ValidationError(_("请输入11位手机号码。"))
        return phone

    def clean(self):
        data = super().clean()
        if not (data.get("code") or "").strip():
            self.add_error("code", _("请填写短信验证码。"))
        if data.get("password") and data.get("password") != data.get("password2"):
            self.add_error("password2", _("两次输入的密码不一致。"))
        elif data.get("password"):
            try:
                validate_password(data["password"], User(username=data.get("phone", ""), real_name=data.get("real_name", "")))
            except ValidationError as exc:
                self.add_error("password", exc)
        if data.get("is_lawyer"):
            lic = (data.get("lawyer_licence") or "").strip()
            if not re.fullmatch(r"\d{17}", lic):
                self.add_error("lawyer_licence", _("律师执业证号为17位数字。"))
            if not (data.get("law_firm") or "").strip():
                self.add_error("law_firm", _("请填写律师事务所。"))
        return data


WRONG_CODE = gettext_lazy("验证码不正确或已失效，请重新获取。")
KEPT = ("phone", "real_name", "is_lawyer", "law_firm", "lawyer_licence")  # typed again after 获取验证码: not the passwords


@anyone
@require_http_methods(["GET", "POST"])
def register(request):
    """Sign-up in two steps on one page: 获取验证码 (an SMS to the number, phone_codes.send_code),
    then the form with the code. The answer is the same whether the number has an account or not."""
    if request.method == "POST" and "send_code" in request.POST:
        phone = request.POST.get("phone", "").strip()
        form = RegisterForm(initial={k: request.POST.get(k, "") for k in KEPT})
        status, sent = 200, ""
        if not PHONE_RE.match(phone):
            messages.error(request, _("请输入11位手机号码。"))
            status = 400
        else:
            try:
                phone_codes.send_code(phone, request.META.get("REMOTE_ADDR") or None)
            except phone_codes.TooMany as exc:
                messages.error(request, str(exc))
                status = 429
            else:
                sent = _("如该号码可以注册，验证码已发送至 %(phone)s，10分钟内有效。") % {"phone": phone}
        return render(request, "accounts/register.html", {"form": form, "code_sent": sent}, status=status)
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if not phone_codes.check_code(d["phone"], d["code"]):
            form.add_error("code", WRONG_CODE)
        else:
            try:
                with transaction.atomic():
                    user = User.objects.create_user(
                        username=f"p{d['phone']}", password=d["password"], kind=User.Kind.PUBLIC, phone=d["phone"],
                        real_name=d["real_name"], is_lawyer=d["is_lawyer"],
                        lawyer_licence=d.get("lawyer_licence", "") if d["is_lawyer"] else "",
                        law_firm=d.get("law_firm", "") if d["is_lawyer"] else "")
            except IntegrityError:  # registered between the code and now: the same answer as a wrong code
                form.add_error("code", WRONG_CODE)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("注册成功。网上立案前请先完成实名认证。"))
                return redirect("accounts:verify")
    return render(request, "accounts/register.html", {"form": form})


@public_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """实名认证 (在线诉讼规则 第七条) through the configured identity adapter."""
    error = ""
    if request.method == "POST":
        name = request.POST.get("real_name", "").strip()
        idn = request.POST.get("id_number", "").strip().upper()
        result = identity_adapter().verify(name, idn)
        if result.ok:
            u = request.user
            u.real_name, u.id_number, u.verified_at = name, idn, timezone.now()
            u.save(update_fields=["real_name", "id_number", "verified_at"])
            messages.success(request, _("实名认证已通过。"))
            return redirect(_safe_next(request, "filing:portal"))
        error = result.message
    return render(request, "accounts/verify.html", {"error": error}, status=400 if error else 200)
