from django.urls import path

from . import views, views_disposal

app_name = "enforcement"
urlpatterns = [
    path("cases/<int:pk>/money/receive/", views.receive, name="receive"),
    path("cases/<int:pk>/money/pay-out/", views.pay_out, name="pay_out"),
    path("cases/<int:pk>/money/reverse/", views.reverse_movement, name="reverse"),
    path("cases/<int:pk>/disposal/valuation/", views_disposal.valuation_add, name="valuation_add"),
    path("cases/<int:pk>/disposal/auction/", views_disposal.auction_add, name="auction_add"),
    path("cases/<int:pk>/disposal/auction/move/", views_disposal.auction_move, name="auction_move"),
    path("cases/<int:pk>/disposal/auction/paid/", views_disposal.auction_paid, name="auction_paid"),
    path("cases/<int:pk>/disposal/distribution/", views_disposal.distribution_add, name="distribution_add"),
    path("cases/<int:pk>/disposal/distribution/objection/", views_disposal.distribution_objection,
         name="distribution_objection"),
    path("cases/<int:pk>/disposal/distribution/execute/", views_disposal.distribution_execute,
         name="distribution_execute"),
    path("cases/<int:pk>/disposal/tasks/", views_disposal.task_add, name="task_add"),
    path("cases/<int:pk>/disposal/tasks/report/", views_disposal.task_report, name="task_report"),
    path("cases/<int:pk>/disposal/tasks/accept/", views_disposal.task_accept, name="task_accept"),
]

from . import views_credit  # noqa: E402

urlpatterns += [
    path("cases/<int:pk>/dishonest/list/", views_credit.list_debtor, name="dishonest_list"),
    path("cases/<int:pk>/dishonest/delete/", views_credit.delete_entry, name="dishonest_delete"),
    path("cases/<int:pk>/dishonest/correction/", views_credit.file_correction, name="correction_file"),
    path("cases/<int:pk>/dishonest/correction/decide/", views_credit.decide_correction, name="correction_decide"),
    path("cases/<int:pk>/restriction/", views_credit.restrict, name="restrict"),
    path("cases/<int:pk>/restriction/lift/", views_credit.lift, name="restriction_lift"),
    path("credit/corrections/", views_credit.corrections, name="corrections"),
]

from . import views_intake  # noqa: E402

urlpatterns += [
    path("", views_intake.board, name="board"),
    path("mine/", views_intake.mine, name="mine"),
    path("new/", views_intake.new, name="new"),
    path("cases/<int:pk>/stage/", views_intake.move, name="move"),
    path("cases/<int:pk>/period-break/", views_intake.period_break, name="period_break"),
    path("cases/<int:pk>/review/", views_intake.review, name="review"),
    path("cases/<int:pk>/resume/", views_intake.resume, name="resume"),
]

from . import views_linkage  # noqa: E402

urlpatterns += [
    path("linkage/", views_linkage.batches, name="linkage"),
    path("linkage/<int:pk>/", views_linkage.batch_detail, name="linkage_batch"),
    path("linkage/search-all/", views_linkage.search_all, name="linkage_search_all"),
    path("cases/<int:pk>/linkage/search/", views_linkage.search_case, name="linkage_search"),
    path("cases/<int:pk>/linkage/freeze/", views_linkage.freeze, name="linkage_freeze"),
    path("cases/<int:pk>/linkage/deduct/", views_linkage.deduct, name="linkage_deduct"),
    path("cases/<int:pk>/linkage/release/", views_linkage.release, name="linkage_release"),
]

from . import views_parties  # noqa: E402

urlpatterns += [
    path("clues/", views_parties.clues, name="clues"),
    path("messages/", views_parties.inbox, name="inbox"),
    path("service/", views_parties.batch_service, name="batch_service"),
    path("cases/<int:pk>/assets/report-order/", views_parties.report_order, name="report_order"),
    path("cases/<int:pk>/assets/report/", views_parties.report_received, name="report_received"),
    path("cases/<int:pk>/assets/report/refused/", views_parties.report_refused, name="report_refused"),
    path("cases/<int:pk>/assets/report/sanction/", views_parties.report_sanction, name="report_sanction"),
    path("cases/<int:pk>/assets/clue/check/", views_parties.clue_check, name="clue_check"),
    path("cases/<int:pk>/debtor-search/", views_parties.debtor_search, name="debtor_search"),
    path("cases/<int:pk>/debtor-search/answer/", views_parties.debtor_search_answer, name="debtor_search_answer"),
    path("cases/<int:pk>/messages/answer/", views_parties.message_answer, name="message_answer"),
]

from . import views_closing  # noqa: E402

urlpatterns += [
    path("cases/<int:pk>/close/", views_closing.close, name="close"),
    path("cases/<int:pk>/closing/fact/", views_closing.record_fact, name="closing_fact"),
    path("zhongben/", views_closing.zhongben_list, name="zhongben"),
    path("debtors/", views_closing.debtor_search, name="debtors"),
    path("debtors/<str:id_number>/", views_closing.debtor, name="debtor"),
    path("debt-plans/<int:pk>/execute/", views_closing.plan_execute, name="debt_plan_execute"),
]
