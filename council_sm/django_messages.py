"""Django's own messages that this service can show, marked here so that they are extracted
into the project's catalogue. Django's Welsh catalogue is incomplete and partly wrong (it
renders "Enter a valid date." as a wrong phrase); a translation in the project's catalogue
takes precedence over Django's. Nothing imports this module; it exists for makemessages."""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = (
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Enter a list of values."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("Enter a whole number."),
    # The labels of crispy-forms-gds's date input (its own catalogue has no Welsh).
    gettext_noop("Day"),
    gettext_noop("Month"),
    gettext_noop("Year"),
)

PLURAL_MESSAGES = (
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        "min_length",
    ),
)
