"""Constants shared by tests."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES_DIR = PROJECT_ROOT / "fixtures" / "casebook"

# A private post on a personal account about nothing to do with the council.
QUIET_PERSONAL_POST = {
    "account_type": "personal",
    "audience": "restricted",
    "prominence": "low",
    "self_identification": "none",
    "discusses_council_business": False,
    "uses_role_information": False,
    "concerns_authority_area": False,
    "acts_for_constituent": False,
    "seeks_council_action": False,
    "primarily_party_political": False,
    "uses_council_resources": False,
}
