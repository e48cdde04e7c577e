"""公开计算接口（无需登录，按匿名访问频率限制）。

- ``GET /api/v1/fees/litigation``  案件受理费（诉讼费用交纳办法 第十三条、第十五条、第十六条）
- ``GET /api/v1/fees/application`` 申请费（诉讼费用交纳办法 第十四条）
- ``GET /api/v1/periods/end``      期间届满日（民事诉讼法 第八十五条；民法典 第二百零一条至第二百零三条）

参数错误一律返回 HTTP 400 和 ``{"error": "中文说明"}``。
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from xiezhi.law.fees import APPLICATION_KINDS, LITIGATION_KINDS, PROCEDURES

from . import calc


class FeeResponseSerializer(serializers.Serializer):
    fee = serializers.CharField(required=False, help_text="确定的费用（元，两位小数）")
    fee_min = serializers.CharField(required=False, help_text="尚未确定本省标准时的区间下限（元）")
    fee_max = serializers.CharField(required=False, help_text="尚未确定本省标准时的区间上限（元）")
    basis = serializers.CharField(help_text="依据条文")
    notes = serializers.ListField(child=serializers.CharField(), help_text="附带说明")


class PeriodResponseSerializer(serializers.Serializer):
    end = serializers.DateField(help_text="期间届满日（已按法定休假日顺延）")
    nominal_end = serializers.DateField(help_text="未顺延前的最后一日")
    extended = serializers.BooleanField(help_text="是否因法定休假日顺延")
    basis = serializers.CharField(help_text="依据条文")


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField(help_text="中文错误说明")


_ERROR_400 = OpenApiResponse(
    ErrorSerializer,
    description="参数错误",
    examples=[OpenApiExample("缺少参数", value={"error": "缺少参数 kind（案件类型）"}, response_only=True)],
)
_ERROR_429 = OpenApiResponse(ErrorSerializer, description="请求过于频繁")

_PROVINCE = OpenApiParameter(
    "province",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    required=False,
    description="省份（高级人民法院代字，如“豫”）：使用该省在法定幅度内确定的收费标准；不填时幅度以区间返回",
)


class PublicCalculatorView(APIView):
    """公开计算接口的共同设置：允许匿名访问、匿名频率限制、只返回 JSON、错误统一为 ``{"error": …}``。"""

    permission_classes = [AllowAny]
    access = "anyone"  # public calculators (xiezhi.site.access: every view declares who may reach it)
    throttle_classes = [AnonRateThrottle]
    renderer_classes = [JSONRenderer]

    def handle_exception(self, exc):
        if isinstance(exc, calc.ParamError):
            return Response({"error": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        response = super().handle_exception(exc)
        if isinstance(exc, APIException) and isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"error": str(response.data["detail"])}
        return response


class LitigationFeeView(PublicCalculatorView):
    @extend_schema(
        operation_id="fees_litigation",
        summary="案件受理费",
        description=(
            "按《诉讼费用交纳办法》第十三条计算第一审案件受理费；简易程序（含小额诉讼）减半（第十六条），"
            "调解结案或撤诉减半（第十五条）。法定幅度（离婚、人格权、其他非财产、无金额知识产权、"
            "管辖权异议）在未提供本省标准时以 fee_min/fee_max 区间返回。"
        ),
        parameters=[
            OpenApiParameter(
                "kind", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True, enum=list(LITIGATION_KINDS),
                description="案件类型",
            ),
            OpenApiParameter(
                "amount", OpenApiTypes.DECIMAL, OpenApiParameter.QUERY, required=False,
                description="诉讼请求金额或价额（元）；财产案件必填",
            ),
            OpenApiParameter(
                "procedure", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False, enum=list(PROCEDURES),
                default="ordinary", description="审理程序",
            ),
            OpenApiParameter(
                "property", OpenApiTypes.DECIMAL, OpenApiParameter.QUERY, required=False,
                description="离婚案件涉及分割的财产总额（元）",
            ),
            OpenApiParameter(
                "damages", OpenApiTypes.DECIMAL, OpenApiParameter.QUERY, required=False,
                description="人格权案件的损害赔偿金额（元）",
            ),
            OpenApiParameter(
                "closed_by", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                enum=["mediation", "withdrawal"], description="结案方式：调解或撤诉（减半）",
            ),
            _PROVINCE,
        ],
        responses={
            200: OpenApiResponse(
                FeeResponseSerializer,
                examples=[
                    OpenApiExample(
                        "财产案件 10 万元",
                        value={"fee": "2300.00", "basis": "诉讼费用交纳办法 第十三条第（一）项", "notes": []},
                        response_only=True,
                    ),
                    OpenApiExample(
                        "离婚案件（未提供本省标准）",
                        value={"fee_min": "1550.00", "fee_max": "1800.00",
                               "basis": "诉讼费用交纳办法 第十三条第（二）项第1目", "notes": []},
                        response_only=True,
                    ),
                ],
            ),
            400: _ERROR_400,
            429: _ERROR_429,
        },
    )
    def get(self, request):
        return Response(calc.fee_payload(calc.litigation_from_params(request.query_params)))


class ApplicationFeeView(PublicCalculatorView):
    @extend_schema(
        operation_id="fees_application",
        summary="申请费",
        description="按《诉讼费用交纳办法》第十四条计算执行、保全、支付令、公示催告、仲裁司法审查、破产申请费。",
        parameters=[
            OpenApiParameter(
                "kind", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True, enum=list(APPLICATION_KINDS),
                description="申请类型",
            ),
            OpenApiParameter(
                "amount", OpenApiTypes.DECIMAL, OpenApiParameter.QUERY, required=False,
                description="执行金额、保全财产数额、支付令请求金额或破产财产总额（元）",
            ),
            _PROVINCE,
        ],
        responses={
            200: OpenApiResponse(
                FeeResponseSerializer,
                examples=[
                    OpenApiExample(
                        "执行 30 万元",
                        value={"fee": "4400.00", "basis": "诉讼费用交纳办法 第十四条第（一）项第2目",
                               "notes": ["执行申请费执行后交纳（第二十条第二款），由被执行人负担（第三十八条第一款）"]},
                        response_only=True,
                    )
                ],
            ),
            400: _ERROR_400,
            429: _ERROR_429,
        },
    )
    def get(self, request):
        return Response(calc.fee_payload(calc.application_from_params(request.query_params)))


class PeriodEndView(PublicCalculatorView):
    @extend_schema(
        operation_id="periods_end",
        summary="期间届满日",
        description=(
            "期间开始的日不计算在期间内；按月、年计算的以到期月的对应日为最后一日，没有对应日的为月末日；"
            "最后一日是法定休假日的，以休假日后的第一日为届满日（民事诉讼法 第八十五条；"
            "民法典 第二百零一条至第二百零三条）。days、months、years 须且只能填写一项。"
        ),
        parameters=[
            OpenApiParameter(
                "start", OpenApiTypes.DATE, OpenApiParameter.QUERY, required=True,
                description="起算日（如送达之日），格式 YYYY-MM-DD；当日不计入期间",
            ),
            OpenApiParameter("days", OpenApiTypes.INT, OpenApiParameter.QUERY, required=False, description="期间天数"),
            OpenApiParameter("months", OpenApiTypes.INT, OpenApiParameter.QUERY, required=False, description="期间月数"),
            OpenApiParameter("years", OpenApiTypes.INT, OpenApiParameter.QUERY, required=False, description="期间年数"),
        ],
        responses={
            200: OpenApiResponse(
                PeriodResponseSerializer,
                examples=[
                    OpenApiExample(
                        "2025-09-23 送达判决，15 日上诉期",
                        value={"end": "2025-10-09", "nominal_end": "2025-10-08", "extended": True,
                               "basis": "民事诉讼法 第八十五条第二款……"},
                        response_only=True,
                    )
                ],
            ),
            400: _ERROR_400,
            429: _ERROR_429,
        },
    )
    def get(self, request):
        return Response(calc.period_payload(calc.period_from_params(request.query_params)))


# ---- 上诉期 (periods helper of issue 9; kept apart from the other calculators) ---------------------------


class AppealPeriodResponseSerializer(serializers.Serializer):
    appealable = serializers.BooleanField(help_text="能否上诉（小额诉讼一审终审，不得上诉）")
    days = serializers.IntegerField(allow_null=True, help_text="上诉期天数；不得上诉时为 null")
    window_end = serializers.DateField(allow_null=True, help_text="上诉期届满日（已按法定休假日顺延）")
    in_time = serializers.BooleanField(allow_null=True, help_text="给出上诉状收到日期时：是否在上诉期内（期满前交邮的不算过期）")
    provisional = serializers.BooleanField(help_text="届满日所在年份的放假通知尚未录入，按法定节日暂定")
    basis = serializers.ListField(child=serializers.CharField(), help_text="依据条文")


class AppealPeriodView(PublicCalculatorView):
    @extend_schema(
        operation_id="periods_appeal",
        summary="上诉期",
        description=(
            "一方当事人对判决、裁定的上诉期与届满日。上诉期看住所，不看国籍：在中华人民共和国领域内有住所的，"
            "判决 15 日、裁定 10 日（民事诉讼法 第一百七十一条）；没有住所的 30 日（第二百八十六条；民诉解释 第五百三十六条）；"
            "港澳台按本院设置参照涉外（民诉解释 第五百四十九条）。小额诉讼一审终审（第一百六十五条）。届满日遇法定休假日顺延"
            "（第八十五条第三款），期满前交邮的不算过期（第八十五条第四款）。"
        ),
        parameters=[
            OpenApiParameter("document", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True,
                             enum=["judgment", "ruling"], description="文书种类：判决 judgment 或裁定 ruling"),
            OpenApiParameter("served_on", OpenApiTypes.DATE, OpenApiParameter.QUERY, required=True,
                             description="向该当事人送达的日期（YYYY-MM-DD）"),
            OpenApiParameter("domicile", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True,
                             enum=["mainland", "hk_macao_taiwan", "abroad"],
                             description="住所所在地区：境内（内地）mainland、港澳台 hk_macao_taiwan、境外 abroad"),
            OpenApiParameter("nationality", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                             description="国籍（只影响说明，不影响期间）"),
            OpenApiParameter("procedure", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                             description="审理程序代码，如 civil_ordinary、civil_summary、civil_small_claims、admin_ordinary"),
            OpenApiParameter("lodged_on", OpenApiTypes.DATE, OpenApiParameter.QUERY, required=False,
                             description="法院收到上诉状的日期；给出时返回 in_time"),
            OpenApiParameter("posted_on", OpenApiTypes.DATE, OpenApiParameter.QUERY, required=False,
                             description="邮寄上诉状的交邮日期（邮戳日期）"),
        ],
        responses={
            200: OpenApiResponse(
                AppealPeriodResponseSerializer,
                examples=[OpenApiExample(
                    "2025-09-23 送达判决，境内住所",
                    value={"appealable": True, "days": 15, "window_end": "2025-10-09", "in_time": None,
                           "provisional": False, "basis": ["民事诉讼法 第一百七十一条第一款", "民事诉讼法 第八十五条第二款……"]},
                    response_only=True)],
            ),
            400: _ERROR_400,
            429: _ERROR_429,
        },
    )
    def get(self, request):
        from . import appeal

        return Response(appeal.appeal_payload(appeal.appeal_from_params(request.query_params)))


# ---------------------------------------------------------------------------
# 审限、案号、证件号码（issue 9 §2）：计算在 xiezhi.api.limits，与案件页面共用 xiezhi.law
# ---------------------------------------------------------------------------

from rest_framework.exceptions import ParseError  # noqa: E402
from rest_framework.parsers import JSONParser  # noqa: E402

from . import limits  # noqa: E402


class _ChineseErrorsView(PublicCalculatorView):
    """参数错误与无法解析的请求体都回答 400 和中文说明（不出现英文字段名），从不 500。"""

    def handle_exception(self, exc):
        if isinstance(exc, ParseError):
            return Response({"error": "请求内容不是有效的 JSON。"}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)


class _DeductionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=sorted(limits.DEDUCTION_KINDS), help_text="扣除类型（审限规定 第九条等）")
    start = serializers.DateField(help_text="扣除开始日")
    end = serializers.DateField(required=False, allow_null=True, help_text="扣除结束日；未结束的不填，计算到今天")


class _ExtensionSerializer(serializers.Serializer):
    months = serializers.IntegerField(required=False, min_value=0, max_value=120, help_text="延长月数")
    days = serializers.IntegerField(required=False, min_value=0, max_value=120, help_text="延长天数")
    approver = serializers.ChoiceField(choices=list(limits.API_APPROVERS), help_text="批准机关：本院院长或上一级人民法院")
    approved_on = serializers.DateField(required=False, allow_null=True,
                                        help_text="批准日期；早于程序转换的延长不再计入（民诉解释 第二百五十八条）")


class _ConversionSerializer(serializers.Serializer):
    on = serializers.DateField(help_text="转换决定日期")
    to = serializers.CharField(help_text="转换后的程序代码")


class _PublicNoticeSerializer(serializers.Serializer):
    published_on = serializers.DateField(help_text="公告发布日")
    ends_on = serializers.DateField(help_text="公告届满日")


class TimeLimitRequestSerializer(serializers.Serializer):
    procedure = serializers.CharField(help_text="程序代码（程序表，如 civil_ordinary、civil_ordinary_single、"
                                                "civil_special、civil_payment_order）或审限规则代码")
    filed_on = serializers.DateField(help_text="立案日期（当日不计入）")
    foreign_related = serializers.BooleanField(required=False, default=False,
                                               help_text="涉外或涉港澳台民事案件（民事诉讼法 第二百八十七条：不受审限限制）")
    public_notice = _PublicNoticeSerializer(required=False, allow_null=True,
                                            help_text="特别程序的公告（第一百八十七条：公告期满后三十日内审结）；"
                                                      "公示催告不少于六十日（第二百三十条）")
    deductions = _DeductionSerializer(many=True, required=False)
    extensions = _ExtensionSerializer(many=True, required=False)
    conversions = _ConversionSerializer(many=True, required=False)


class TimeLimitResponseSerializer(serializers.Serializer):
    limit_end = serializers.DateField(allow_null=True, help_text="审限届满日；不受审限限制的为 null")
    deducted_days = serializers.IntegerField(help_text="扣除天数")
    basis = serializers.ListField(child=serializers.CharField(), help_text="依据条文")
    provisional = serializers.BooleanField(help_text="届满日所在年份的节假日安排尚未公布（结果待定）")
    earliest_judgment_on = serializers.DateField(required=False, help_text="公示催告：最早可以判决的日期")


class CaseNumberResponseSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    year = serializers.IntegerField(allow_null=True, help_text="收案年度")
    court_code = serializers.CharField(allow_null=True, help_text="法院代字")
    court_name = serializers.CharField(allow_null=True, help_text="法院名称（已公布的法院代码表）")
    special_code = serializers.CharField(allow_null=True, help_text="专门审判代字")
    type_code = serializers.CharField(allow_null=True, help_text="类型代字")
    type_name = serializers.CharField(allow_null=True, help_text="案件类型名称")
    serial = serializers.CharField(allow_null=True, help_text="案件编号（规范写法）")
    canonical = serializers.CharField(allow_null=True, help_text="规范案号（全角括号、无前导零）")
    errors = serializers.ListField(child=serializers.CharField(), help_text="问题（中文）")


class IdentityResponseSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    birth_date = serializers.DateField(allow_null=True, help_text="出生日期（居民身份证）")
    sex = serializers.CharField(allow_null=True, help_text="性别（居民身份证第 17 位）")
    errors = serializers.ListField(child=serializers.CharField(), help_text="问题（中文）")


class TimeLimitComputeView(_ChineseErrorsView):
    parser_classes = [JSONParser]
    authentication_classes = []  # public and stateless: no session, so no CSRF token is needed

    @extend_schema(
        operation_id="timelimits_compute",
        summary="审限届满日",
        description=(
            "按程序计算审理期限届满日，与案件页面使用同一套规则：各程序的法定审限（民事诉讼法 第一百五十二条、"
            "第一百六十四条、第一百八十三条、第一百八十七条、第二百二十七条等）、审限扣除（民诉解释 第二百四十三条；"
            "审限规定 第九条）、延长、程序转换（民诉解释 第二百五十八条：转换前批准的延长不再计入）。"
            "涉外、涉港澳台民事案件不受审限限制（民事诉讼法 第二百八十七条；审限规定 第二条），届满日为 null。"
        ),
        request=TimeLimitRequestSerializer,
        responses={
            200: OpenApiResponse(
                TimeLimitResponseSerializer,
                examples=[OpenApiExample(
                    "特别程序，公告期满后三十日",
                    value={"limit_end": "2025-07-05", "deducted_days": 0,
                           "basis": ["民事诉讼法 第一百八十七条", "民事诉讼法 第一百八十七条（公告期满后三十日内审结）"],
                           "provisional": False},
                    response_only=True,
                )],
            ),
            400: OpenApiResponse(ErrorSerializer, description="参数错误",
                                 examples=[OpenApiExample("日期有误", value={"error": "立案日期应为日期，格式为 YYYY-MM-DD。"},
                                                          response_only=True)]),
            429: _ERROR_429,
        },
        examples=[OpenApiExample(
            "特别程序（宣告失踪）", request_only=True,
            value={"procedure": "civil_special", "filed_on": "2025-03-03", "foreign_related": False,
                   "public_notice": {"published_on": "2025-03-05", "ends_on": "2025-06-05"},
                   "deductions": [], "extensions": [], "conversions": []},
        )],
    )
    def post(self, request):
        return Response(limits.time_limit(request.data))


class CaseNumberParseView(_ChineseErrorsView):
    @extend_schema(
        operation_id="casenumbers_parse",
        summary="案号解析与校验",
        description=(
            "按《关于人民法院案件案号的若干规定》解析案号：法院代字须在已公布的法院代码表中（第十二条），"
            "类型代字须为该级法院可以办理的（基层法院不办理 民终、执复、刑核），刑核编号为 8 位（第十条第二款），"
            "编号不得有前导零。无效的案号也回答 200，valid 为 false，errors 说明原因。"
        ),
        parameters=[OpenApiParameter("text", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True,
                                     description="案号，如 （2025）豫0222民初1187号；半角括号亦可")],
        responses={
            200: OpenApiResponse(CaseNumberResponseSerializer, examples=[OpenApiExample(
                "有效案号",
                value={"valid": True, "year": 2025, "court_code": "豫0222", "court_name": "通许县人民法院",
                       "special_code": None, "type_code": "民初", "type_name": "民事一审案件", "serial": "1187",
                       "canonical": "（2025）豫0222民初1187号", "errors": []},
                response_only=True)]),
            400: _ERROR_400,
            429: _ERROR_429,
        },
    )
    def get(self, request):
        return Response(limits.case_number(request.query_params))


class IdentityCheckView(_ChineseErrorsView):
    @extend_schema(
        operation_id="identity_check",
        summary="证件号码校验",
        description=(
            "只核对结构和校验码，不查询任何登记系统，也不保存号码。居民身份证按 GB 11643-1999（出生日期不得晚于今天）；"
            "统一社会信用代码按 GB 32100-2015，本院开启严格模式时还核对其中的组织机构代码（GB 11714-1997）。"
        ),
        parameters=[
            OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True,
                             enum=["resident_id", "uscc"], description="证件类型：居民身份证或统一社会信用代码"),
            OpenApiParameter("number", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True, description="证件号码"),
        ],
        responses={200: IdentityResponseSerializer, 400: _ERROR_400, 429: _ERROR_429},
    )
    def get(self, request):
        return Response(limits.identity(request.query_params))


# ---------------------------------------------------------------------------
# 执行（issue 11 第 12 项）：计算在 xiezhi.api.enforcement，与执行案件页面共用 xiezhi.law.enforcement
# ---------------------------------------------------------------------------

from . import enforcement  # noqa: E402


class EnforcementWindowResponseSerializer(serializers.Serializer):
    window_end = serializers.DateField(help_text="申请执行期间届满日（已按法定休假日顺延）")
    start = serializers.DateField(help_text="起算日（当日不计入）")
    provisional = serializers.BooleanField(help_text="届满日所在年份的放假通知尚未录入，按法定节日暂定")
    basis = serializers.ListField(child=serializers.CharField(), help_text="依据条文")


class EnforcementApplicationPeriodView(PublicCalculatorView):
    @extend_schema(
        operation_id="periods_enforcement_application",
        summary="申请执行期间",
        description=(
            "申请执行的期间为二年（民事诉讼法 第二百五十条）：从法律文书规定履行期间的最后一日起计算；分期履行的，"
            "从最后一期履行期限届满之日起计算；未规定履行期间的，从法律文书生效之日起计算。起算日不计入，"
            "最后一日为法定休假日的顺延至其后第一个工作日（第八十五条）。due_on 与 installments 只能填写一项。"
            "申请执行时效的中止、中断（执行程序解释 第十九条至第二十一条；民诉解释 第四百六十六条）记在执行案件上，不在此计算。"
        ),
        parameters=[
            OpenApiParameter("effective_on", OpenApiTypes.DATE, OpenApiParameter.QUERY, required=True,
                             description="法律文书生效日期（YYYY-MM-DD）"),
            OpenApiParameter("due_on", OpenApiTypes.DATE, OpenApiParameter.QUERY, required=False,
                             description="法律文书规定的履行期间的最后一日"),
            OpenApiParameter("installments", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                             description="分期履行的各期履行期限，逗号分隔，如 2024-06-30,2024-12-31"),
        ],
        responses={
            200: OpenApiResponse(EnforcementWindowResponseSerializer, examples=[OpenApiExample(
                "履行期间最后一日为 2023-10-01",
                value={"window_end": "2025-10-09", "start": "2023-10-01", "provisional": False,
                       "basis": ["民事诉讼法 第二百五十条第一款（申请执行的期间为二年）", "民事诉讼法 第二百五十条第二款……",
                                 "民事诉讼法 第八十五条第二款……"]},
                response_only=True)]),
            400: OpenApiResponse(ErrorSerializer, description="参数错误", examples=[OpenApiExample(
                "缺少生效日期", value={"error": "请填写法律文书生效日期"}, response_only=True)]),
            429: _ERROR_429,
        },
    )
    def get(self, request):
        return Response(enforcement.window_payload(enforcement.window_from_params(request.query_params)))


class DishonestTermRequestSerializer(serializers.Serializer):
    circumstances = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=6),
                                          help_text="失信规定第一条的情形编号 1–6")
    aggravating = serializers.BooleanField(required=False, default=False,
                                           help_text="以暴力、威胁方法妨碍、抗拒执行情节严重")
    minor = serializers.BooleanField(required=False, default=False, help_text="被执行人为未成年人")
    performed_or_secured = serializers.BooleanField(required=False, default=False,
                                                    help_text="已履行，或已提供充分有效担保、查封的财产足以清偿")


class DishonestTermResponseSerializer(serializers.Serializer):
    listable = serializers.BooleanField(help_text="能否纳入失信被执行人名单")
    term = serializers.ChoiceField(choices=["until_deleted", "fixed"], allow_null=True,
                                   help_text="until_deleted：无固定期限，至删除事由出现；fixed：有期限")
    years_min = serializers.IntegerField(allow_null=True, help_text="期限下限（年）")
    years_max = serializers.IntegerField(allow_null=True, help_text="期限上限（年；可以延长一至三年时为 5）")
    basis = serializers.ListField(child=serializers.CharField(), help_text="依据条文")


class _PublicJSONView(_ChineseErrorsView):
    parser_classes = [JSONParser]
    authentication_classes = []  # public and stateless: no session, so no CSRF token is needed


class DishonestTermView(_PublicJSONView):
    @extend_schema(
        operation_id="enforcement_dishonest_term",
        summary="失信被执行人名单：能否纳入与期限",
        description=(
            "失信规定（法释〔2017〕7号）第一条：未履行义务并具有六种情形之一的纳入名单；第二条：第二项至第六项情形期限二年，"
            "暴力、威胁妨碍执行情节严重或具有多项失信行为的，可以延长一至三年；第一项情形无固定期限，至删除事由出现"
            "（第十条第一款）；第三条：有充分担保等情形不得纳入；第四条：未成年人不得纳入。"
        ),
        request=DishonestTermRequestSerializer,
        responses={
            200: OpenApiResponse(DishonestTermResponseSerializer, examples=[OpenApiExample(
                "违反限制消费令", value={"listable": True, "term": "fixed", "years_min": 2, "years_max": 2,
                                   "basis": ["失信规定 第一条第（五）项（违反限制消费令）", "失信规定 第二条第一款……"]},
                response_only=True)]),
            400: OpenApiResponse(ErrorSerializer, description="参数错误", examples=[OpenApiExample(
                "编号有误", value={"error": "失信情形应为 1 至 6 的编号（失信规定第一条第一项至第六项）"},
                response_only=True)]),
            429: _ERROR_429,
        },
        examples=[OpenApiExample("违反限制消费令", request_only=True,
                                 value={"circumstances": [5], "aggravating": False, "minor": False,
                                        "performed_or_secured": False})],
    )
    def post(self, request):
        return Response(enforcement.dishonest_payload(enforcement.dishonest_from_body(request.data)))


class AuctionPlanRequestSerializer(serializers.Serializer):
    valuation = serializers.DecimalField(max_digits=15, decimal_places=2, help_text="评估价或市场价（元）")
    asset = serializers.ChoiceField(choices=["movable", "real_estate", "property_right"],
                                    help_text="财产类别：动产、不动产、其他财产权")
    round = serializers.CharField(help_text="拍卖轮次：1 第一次拍卖，2 再次拍卖，\"sale\" 变卖")
    previous_opening_price = serializers.DecimalField(max_digits=15, decimal_places=2, required=False, allow_null=True,
                                                      help_text="前次起拍价（再次拍卖必填）")
    failed_on = serializers.DateField(required=False, allow_null=True, help_text="前次流拍日期（再次拍卖必填）")


class AuctionPlanResponseSerializer(serializers.Serializer):
    opening_price_min = serializers.CharField(allow_null=True, help_text="最低起拍价（元）；变卖为 null")
    deposit_min = serializers.CharField(allow_null=True, help_text="保证金下限（最低起拍价的 5%）")
    deposit_max = serializers.CharField(allow_null=True, help_text="保证金上限（最低起拍价的 20%）")
    notice_days = serializers.IntegerField(allow_null=True, help_text="拍卖公告至少提前的天数")
    must_be_held_by = serializers.DateField(allow_null=True, help_text="再次拍卖：须在此日前拍卖（流拍后三十日内）")
    notice_by = serializers.DateField(allow_null=True, help_text="再次拍卖：至迟在此日发布公告")
    basis = serializers.ListField(child=serializers.CharField(), help_text="依据条文")


class AuctionPlanView(_PublicJSONView):
    @extend_schema(
        operation_id="enforcement_auction_plan",
        summary="网络司法拍卖方案",
        description=(
            "网拍规定 第十条：起拍价不得低于评估价或者市场价的百分之七十；第十二条：公告期动产十五日、不动产和其他财产权三十日；"
            "第十七条：保证金为起拍价的百分之五至百分之二十；第二十六条：流拍后三十日内再次拍卖，公告期七日、十五日，"
            "起拍价降价幅度不得超过前次起拍价的百分之二十；再次拍卖流拍的，可以在同一平台变卖。"
        ),
        request=AuctionPlanRequestSerializer,
        responses={
            200: OpenApiResponse(AuctionPlanResponseSerializer, examples=[OpenApiExample(
                "不动产第一次拍卖", value={"opening_price_min": "700000.00", "deposit_min": "35000.00",
                                    "deposit_max": "140000.00", "notice_days": 30, "must_be_held_by": None,
                                    "notice_by": None, "basis": ["网拍规定 第十条……"]},
                response_only=True)]),
            400: OpenApiResponse(ErrorSerializer, description="参数错误", examples=[OpenApiExample(
                "缺少评估价", value={"error": "请填写评估价（或市场价）"}, response_only=True)]),
            429: _ERROR_429,
        },
        examples=[OpenApiExample("不动产再次拍卖", request_only=True,
                                 value={"valuation": "1000000.00", "asset": "real_estate", "round": 2,
                                        "previous_opening_price": "700000.00", "failed_on": "2025-03-03"})],
    )
    def post(self, request):
        return Response(enforcement.auction_payload(enforcement.auction_from_body(request.data)))
