"""With a production environment, `manage.py check --deploy` has nothing to report; and the
check is not blind: turning HTTPS off is reported."""

from .production import manage, production_env, python


def test_the_deploy_check_finds_no_issues_in_production(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    # The one silenced check is axes.W006, on purpose: lockouts are by username alone, so
    # that no visitor's address is stored (see settings.SILENCED_SYSTEM_CHECKS).
    assert result.stdout.strip() == "System check identified no issues (1 silenced)."
    assert "Traceback" not in result.stderr
    silenced = python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SILENCED_SYSTEM_CHECKS)",
        env={**production_env(tmp_path), "DJANGO_SETTINGS_MODULE": "council_sm.settings"},
    )
    assert silenced.stdout.strip() == "['axes.W006']"


def test_the_deploy_check_reports_https_turned_off(tmp_path):
    env = production_env(
        tmp_path, DJANGO_SECURE_SSL_REDIRECT="false", DJANGO_SECURE_COOKIES="false"
    )
    result = manage("check", "--deploy", env=env)
    output = result.stdout + result.stderr
    for check in ("security.W008", "security.W012", "security.W016"):
        assert check in output


def test_the_balancer_s_https_header_is_read_from_the_environment(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECURE_PROXY_SSL_HEADER, settings.CSRF_TRUSTED_ORIGINS, "
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)"
    )
    env = {**production_env(tmp_path), "DJANGO_SETTINGS_MODULE": "council_sm.settings"}
    result = python(code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "('HTTP_X_FORWARDED_PROTO', 'https') ['https://socialmedia.example.gov.uk'] True True True"
    )


def test_a_malformed_proxy_header_setting_is_refused_with_a_clear_message(tmp_path):
    env = production_env(tmp_path, DJANGO_SECURE_PROXY_SSL_HEADER="https")
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECURE_PROXY_SSL_HEADER must look like 'X-Forwarded-Proto: https'" in (
        result.stderr
    )
