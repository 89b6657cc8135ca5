"""The wizard's questions as data: one per contract key, in the order asked, with plain words,
a hint that cites the guide, and the one place where an earlier answer settles a later one.
Routing lives here; wording is translated through gettext; the law stays in the casebook."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from council_sm.engine.answers import KEYS_BY_NAME, token_to_json

from .labels import RISK_LABELS, VALUE_LABELS

NONE_OF_THESE = "none"


@dataclass(frozen=True)
class Option:
    """One answer a question offers."""

    value: str
    label: Promise
    hint: Promise | None = None


@dataclass(frozen=True)
class Settled:
    """A question skipped because an earlier answer settles it, and the value it then takes."""

    when_key: str
    when_value: str
    value: str
    reason: Promise


@dataclass(frozen=True)
class Question:
    """One page of the wizard: the contract key it fills and how it is asked."""

    step: str
    key: str
    kind: str  # "radios", "checkboxes" or "text"
    title: Promise
    hint: Promise
    required_error: Promise
    options: tuple[Option, ...] = ()
    settled_by: Settled | None = None
    optional: bool = False
    extra: Mapping[str, Promise] = field(default_factory=dict)
    # Asked only where the site offers more than one answer (settings.CASEBOOK_REGIMES); its
    # options come from the published casebook, and otherwise the site's default is used.
    site_choice: bool = False


def _options(key: str, hints: Mapping[str, Promise] | None = None) -> tuple[Option, ...]:
    hints = hints or {}
    return tuple(
        Option(value, label, hints.get(value)) for value, label in VALUE_LABELS[key].items()
    )


def _yes_no_unsure(key: str) -> tuple[Option, ...]:
    return _options(key)


QUESTIONS: tuple[Question, ...] = (
    Question(
        step="code",
        key="regime",
        kind="radios",
        title=_("Which Code of Conduct has your council adopted?"),
        hint=_(
            "Welsh councils follow the Model Code of Conduct for Wales; many English councils "
            "have adopted the LGA's model code. They differ on which duties apply when you are "
            "not acting as a councillor. Your monitoring officer can tell you which applies."
        ),
        required_error=_("Select the Code of Conduct your council has adopted"),
        site_choice=True,
    ),
    Question(
        step="platform",
        key="platform",
        kind="radios",
        title=_("Where will you post it?"),
        hint=_("This is only for your record; it does not change the result."),
        required_error=_("Select where you will post it"),
        options=_options("platform"),
    ),
    Question(
        step="account",
        key="account_type",
        kind="radios",
        title=_("Which account will you post from?"),
        hint=_(
            "The guide asks you to say clearly in your profile whether an account is political "
            "or personal (guide 3.1.3). Posts on a council-provided site are viewed as made in "
            "your official capacity (guide Appendix A)."
        ),
        required_error=_("Select which account you will post from"),
        options=_options(
            "account_type",
            {
                "council_provided": _(
                    "For example a page, blog or account the council runs or paid for"
                ),
                "councillor": _("Your profile or name says you are a councillor"),
                "political": _("A party or campaign account"),
                "personal": _("Your own account, not presented as a councillor's"),
                "anonymous": _("A name that does not identify you"),
            },
        ),
    ),
    Question(
        step="audience",
        key="audience",
        kind="radios",
        title=_("Who can read the post?"),
        hint=_(
            "If constituents can see your posts, they may assume you are acting as their "
            "councillor (guide 3.1.2). Privacy settings change, and posts can be shared."
        ),
        required_error=_("Select who can read the post"),
        options=_options("audience"),
    ),
    Question(
        step="profile",
        key="prominence",
        kind="radios",
        title=_("How high is your public profile as a councillor?"),
        hint=_(
            "The higher your profile, the more likely you are to be seen as acting as a "
            "councillor (guide 3.1.1)."
        ),
        required_error=_("Select how high your public profile is"),
        options=_options("prominence"),
    ),
    Question(
        step="identify",
        key="self_identification",
        kind="radios",
        title=_("Does the post say you are a councillor?"),
        hint=_(
            "For example 'as your councillor' or 'Cllr' in the text. Identifying yourself as a "
            "member makes it likely the Code applies (guide 4.4, Mullaney)."
        ),
        required_error=_("Select whether the post says you are a councillor"),
        options=_options("self_identification"),
    ),
    Question(
        step="business",
        key="discusses_council_business",
        kind="radios",
        title=_("Does the post discuss council business?"),
        hint=_(
            "Council decisions, meetings, services or staff. You cannot discuss council business "
            "on a personal account and then say you were acting privately (guide 3.1.3)."
        ),
        required_error=_("Select whether the post discusses council business"),
        options=_yes_no_unsure("discusses_council_business"),
    ),
    Question(
        step="role-information",
        key="uses_role_information",
        kind="radios",
        title=_("Does the post use information you have only because you are a councillor?"),
        hint=_(
            "For example from a briefing, a confidential report or a members' meeting. Publishing "
            "it means you will be seen as acting as a councillor (guide 4.4 and Appendix A)."
        ),
        required_error=_("Select whether the post uses information you have as a councillor"),
        options=_yes_no_unsure("uses_role_information"),
    ),
    Question(
        step="area",
        key="concerns_authority_area",
        kind="radios",
        title=_("Is the post mainly about the council's area or services?"),
        hint=_(
            "Posts about your own council's area or powers point towards official capacity "
            "(Mullaney); posts ranging over national issues point away (Barnbrook)."
        ),
        required_error=_("Select whether the post is mainly about the council's area"),
        options=_yes_no_unsure("concerns_authority_area"),
    ),
    Question(
        step="constituent",
        key="acts_for_constituent",
        kind="radios",
        title=_("Are you taking up an issue for a particular constituent?"),
        hint=_("Acting for an individual constituent is work done as a councillor (Barnbrook)."),
        required_error=_("Select whether you are taking up an issue for a constituent"),
        options=_yes_no_unsure("acts_for_constituent"),
    ),
    Question(
        step="council-action",
        key="seeks_council_action",
        kind="radios",
        title=_("Is the post meant to make the council, or one of its departments, act?"),
        hint=_(
            "In Mullaney, a video meant to push the planning department into action was made in "
            "an official capacity."
        ),
        required_error=_("Select whether the post is meant to make the council act"),
        options=_yes_no_unsure("seeks_council_action"),
    ),
    Question(
        step="party-political",
        key="primarily_party_political",
        kind="radios",
        title=_("Is the post mainly party campaigning?"),
        hint=_(
            "A mainly party-political video was not made as a councillor in Barnbrook, but using "
            "council resources for party purposes was a breach in Johnson."
        ),
        required_error=_("Select whether the post is mainly party campaigning"),
        options=_yes_no_unsure("primarily_party_political"),
    ),
    Question(
        step="resources",
        key="uses_council_resources",
        kind="radios",
        title=_("Will you use any council resources for the post?"),
        hint=_(
            "A council account, device, network, logo or staff time. The duty not to misuse "
            "council resources applies at all times (paragraph 7(b); guide 5.0, Johnson)."
        ),
        required_error=_("Select whether you will use council resources"),
        options=_yes_no_unsure("uses_council_resources"),
        settled_by=Settled(
            "account_type",
            "council_provided",
            "true",
            _("A council-provided account is itself a council resource (guide Appendix A)."),
        ),
    ),
    Question(
        step="disclaimer",
        key="profile_disclaimer",
        kind="radios",
        title=_("Does your profile say your views are your own?"),
        hint=_(
            "A disclaimer signals a personal capacity, but it does not prevent a breach of the "
            "Code being found (guide 3.2)."
        ),
        required_error=_("Select whether your profile says your views are your own"),
        options=_options("profile_disclaimer"),
        settled_by=Settled(
            "account_type",
            "council_provided",
            "false",
            _(
                "A council-provided account speaks for the council, so it carries no personal "
                "disclaimer."
            ),
        ),
    ),
    Question(
        step="removal-request",
        key="refused_removal_request",
        kind="radios",
        title=_("Has anyone asked you to remove or change this post, and you have not?"),
        hint=_(
            "Only if it is already published. In Mullaney, not removing or editing a video when "
            "asked counted against the member."
        ),
        required_error=_("Select whether you have refused a request to remove or change the post"),
        options=_options("refused_removal_request"),
    ),
    Question(
        step="political-expression",
        key="genuine_political_expression",
        kind="radios",
        title=_("Is the post comment on political positions or policies?"),
        hint=_(
            "Genuine political comment, including about another member's political position, has "
            "strong protection; personal abuse does not (guide 4.5)."
        ),
        required_error=_("Select whether the post is political comment"),
        options=_options("genuine_political_expression"),
    ),
    Question(
        step="content",
        key="content_risks",
        kind="checkboxes",
        title=_("Does the post contain any of these?"),
        hint=_("Select all that apply. Each points to a paragraph of the Code or the guide."),
        required_error=_("Select what the post contains, or select 'None of these'"),
        options=tuple(Option(value, label) for value, label in RISK_LABELS.items()),
        extra={
            "none": _("None of these"),
            "or": _("or"),
            "both_error": _("Select what the post contains, or 'None of these', but not both"),
        },
    ),
    Question(
        step="description",
        key="description",
        kind="text",
        title=_("Describe the post (optional)"),
        hint=_(
            "A sentence or two for your own record. Do not include names or other personal "
            "details. It is not stored with your assessment."
        ),
        required_error=_("Describe the post"),
        optional=True,
    ),
)

QUESTIONS_BY_STEP: Mapping[str, Question] = {question.step: question for question in QUESTIONS}
QUESTIONS_BY_KEY: Mapping[str, Question] = {question.key: question for question in QUESTIONS}


def contract_value(question: Question, value: object) -> object:
    """Return the contract's JSON value for what a question's form cleaned ("true" -> True)."""
    if KEYS_BY_NAME[question.key].kind in {"tristate", "flag"} and isinstance(value, str):
        return token_to_json(value)
    return value


def offered_regimes() -> tuple[str, ...]:
    """Return the Codes of Conduct this site offers, the default first."""
    offered = [settings.CASEBOOK_DEFAULT_REGIME]
    offered += [code for code in settings.CASEBOOK_REGIMES if code not in offered]
    return tuple(offered)


def is_asked(question: Question, earlier: Mapping[str, object]) -> bool:
    """Return True unless an earlier answer settles this question, or the site offers only
    one answer to it."""
    if question.site_choice:
        return len(offered_regimes()) > 1
    settled = question.settled_by
    return settled is None or earlier.get(settled.when_key) != settled.when_value


def unasked_value(question: Question) -> object:
    """Return the value a question takes when it is not asked."""
    if question.site_choice:
        return settings.CASEBOOK_DEFAULT_REGIME
    return question.settled_by.value if question.settled_by else None
