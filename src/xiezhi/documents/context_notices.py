"""What the notices (受理、应诉、举证、交费通知书, 传票, 出庭通知书, 合议庭组成人员通知书, 告知书, 送达回证) say
beyond the common context of documents.context: the addressee and how to address them, the court's
address and telephone, periods by procedure."""


def notice_context(case, recipient_name: str, ctx: dict, kind: str = "") -> dict:
    """Variables for the notices, merged over the common context (build_context)."""
    return {}


def check(case, kind: str, recipient_name: str) -> None:
    """Refuse (ValidationError) a notice this case cannot have; called by services.generate."""
    return None
