"""Plain helpers shared by tests."""


def valid_id(seed: int) -> str:
    from xiezhi.law.identity import resident_id_check_char

    body = f"41022219850315{seed % 1000:03d}"
    return body + resident_id_check_char(body)


def complaint(plaintiff_name="原告甲", plaintiff_id=None, amount="150000"):
    return {
        "parties": [
            {"role": "plaintiff", "kind": "natural", "name": plaintiff_name, "id_number": plaintiff_id or valid_id(1),
             "phone": "13912345678", "address": "河南省通许县城关镇"},
            {"role": "defendant", "kind": "natural", "name": "被告乙", "address": "河南省通许县咸平街道"},
        ],
        "claims": "1. 判令被告偿还借款150000元；2. 诉讼费由被告负担。",
        "facts": "被告于2025年向原告借款，到期未还。",
        "amount": amount,
    }


