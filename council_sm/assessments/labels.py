"""Words for the contract's stable ids: answer keys, answer values and content risks. The ids
never change; these labels are translated through the .po catalogues."""

from django.utils.translation import gettext_lazy as _

YES_NO_UNSURE = {"true": _("Yes"), "false": _("No"), "unsure": _("I'm not sure")}
YES_NO = {"true": _("Yes"), "false": _("No")}

KEY_LABELS = {
    "account_type": _("Account used"),
    "audience": _("Who can read it"),
    "prominence": _("Your public profile as a councillor"),
    "self_identification": _("Presents you as a councillor"),
    "discusses_council_business": _("Discusses council business"),
    "uses_role_information": _("Uses information you hold only as a councillor"),
    "concerns_authority_area": _("Mainly about the council's area or services"),
    "acts_for_constituent": _("Takes up a constituent's issue"),
    "seeks_council_action": _("Aims to make the council act"),
    "primarily_party_political": _("Mainly party campaigning"),
    "uses_council_resources": _("Uses council resources"),
    "profile_disclaimer": _("Profile says views are your own"),
    "refused_removal_request": _("Refused a request to remove or edit"),
    "genuine_political_expression": _("Genuine political comment"),
    "content_risks": _("What the content contains"),
    "regime": _("Code of Conduct"),
    "platform": _("Platform"),
    "description": _("Description"),
}

PLATFORM_LABELS = {
    "facebook": _("Facebook"),
    "x": _("X (Twitter)"),
    "instagram": _("Instagram"),
    "youtube": _("YouTube"),
    "forum": _("An online forum or comments section"),
    "blog": _("A blog or website"),
    "other": _("Somewhere else"),
}

VALUE_LABELS = {
    "platform": PLATFORM_LABELS,
    "account_type": {
        "council_provided": _("An account, page or blog provided by the council"),
        "councillor": _("An account that presents me as a councillor"),
        "political": _("A party-political account"),
        "personal": _("A personal account"),
        "anonymous": _("An anonymous account or a pseudonym"),
    },
    "audience": {
        "public": _("Anyone, including constituents"),
        "restricted": _("Only people I have accepted as friends or followers"),
        "private_group": _("A closed group of people I know"),
    },
    "prominence": {
        "high": _("High, for example leader, cabinet member, chair or mayor"),
        "moderate": _("Known locally as a councillor"),
        "low": _("Low"),
    },
    "self_identification": {
        "none": _("No"),
        "once": _("Once"),
        "repeatedly": _("More than once"),
    },
    "discusses_council_business": YES_NO_UNSURE,
    "uses_role_information": YES_NO_UNSURE,
    "concerns_authority_area": YES_NO_UNSURE,
    "acts_for_constituent": YES_NO_UNSURE,
    "seeks_council_action": YES_NO_UNSURE,
    "primarily_party_political": YES_NO_UNSURE,
    "uses_council_resources": YES_NO_UNSURE,
    "profile_disclaimer": YES_NO,
    "refused_removal_request": YES_NO,
    "genuine_political_expression": YES_NO,
}

RISK_LABELS = {
    "personal_attack": _("A personal attack on someone"),
    "bullying_or_harassment": _("Something that could be bullying or harassment"),
    "confidential_information": _("Confidential information"),
    "dishonest_or_misleading": _("Something untrue or misleading"),
    "misuse_of_position": _("Using your position to gain or give an advantage"),
    "pressure_on_officers": _("Pressure on council officers"),
    "predetermination": _("A view on a planning or licensing matter you will decide"),
    "defamatory_statement": _("A statement that could damage someone's reputation"),
    "images_without_consent": _("Images of people without their consent"),
    "quotes_without_consent": _("Quotes from people without their consent"),
    "names_staff": _("Names of staff or members without their consent"),
    "criticises_council": _("Criticism of the council"),
    "copyright_material": _("Material someone else owns the copyright in"),
    "image_only_text": _("Text shown only in an image"),
    "minors_or_vulnerable": _("Children or vulnerable adults"),
}

BAND_HEADLINES = {
    "likely": _("You are likely to be seen as acting in your official capacity"),
    "borderline": _("You may be seen as acting in your official capacity"),
    "unlikely": _("You are unlikely to be seen as acting in your official capacity"),
}

BAND_LABELS = {
    "likely": _("likely"),
    "borderline": _("borderline"),
    "unlikely": _("unlikely"),
}

EFFECT_LABELS = {
    "towards": _("Points towards official capacity"),
    "away": _("Points away from official capacity"),
    "neutral": _("No effect on official capacity"),
    "uncertain": _("Uncertain: you were not sure"),
}

APPLIES_LABELS = {
    "always": _("Applies at all times"),
    "official_capacity": _("Applies only in official capacity"),
}


def answer_label(key: str, value: object) -> str:
    """Return the words for one answer, as shown on check-your-answers pages and records."""
    if key == "content_risks":
        risks = [str(RISK_LABELS[risk]) for risk in value] if value else []
        return "; ".join(risks) if risks else str(_("None of these"))
    token = {True: "true", False: "false"}.get(value, value) if isinstance(value, bool) else value
    labels = VALUE_LABELS.get(key)
    if labels is not None and token in labels:
        return str(labels[token])
    return str(value) if value not in ("", None) else str(_("Not given"))
