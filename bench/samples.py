"""The typical set of answers every benchmark assesses, so their figures describe one case."""

TYPICAL_ANSWERS = {
    "account_type": "councillor",
    "audience": "public",
    "prominence": "moderate",
    "self_identification": "once",
    "discusses_council_business": True,
    "uses_role_information": "unsure",
    "concerns_authority_area": True,
    "acts_for_constituent": False,
    "seeks_council_action": False,
    "primarily_party_political": False,
    "uses_council_resources": False,
    "content_risks": ["personal_attack", "predetermination"],
    "platform": "facebook",
    "description": "A post about the library closure, criticising the cabinet member's decision.",
}
