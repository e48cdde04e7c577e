"""The 涉诉信访 / 判后答疑 section of the staff case page: the complaints about the case (for the judge
and the leaders who can see it) and the parties' post-judgment questions with the answer form."""
import uuid

from django.utils import timezone

from . import selectors


def case_panel(request, case):
    complaints = list(selectors.complaints_about(request.user, case))
    questions = list(selectors.questions_for(request.user, case)) if request.user.is_court_staff else []
    if not complaints and not questions:
        return None
    return {"template": "complaints/_case_panel.html", "complaints": complaints, "questions": questions,
            "can_answer": selectors.can_answer(request.user, case), "today": timezone.localdate(),
            "key": uuid.uuid4().hex}
