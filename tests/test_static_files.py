"""In production, collectstatic gives every file a content-hashed, compressed copy, pages link
to the hashed names (GOV.UK Frontend's module import included), and WhiteNoise serves them
cached for a year. The suite itself runs without the manifest, so this runs in a child process
with the production storage."""

import json

from .production import manage, production_env, python

PAGE_AND_ASSETS = """
import json, re
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="socialmedia.example.gov.uk", headers={"X-Forwarded-Proto": "https"})
page = client.get("/").content.decode()
css = re.search(r'href="(/static/govuk/css/[^"]+)"', page).group(1)
js = re.search(r'src="(/static/app/js/[^"]+)"', page).group(1)
served = client.get(css, headers={"Accept-Encoding": "gzip"})
print(json.dumps({
    "css": css,
    "js": js,
    "status": served.status_code,
    "cache": served.headers.get("Cache-Control"),
    "encoding": served.headers.get("Content-Encoding"),
}))
"""


def test_collected_static_files_are_hashed_compressed_and_served_for_a_year(tmp_path):
    env = production_env(tmp_path)
    collected = manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr

    root = tmp_path / "staticfiles"
    manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
    css = manifest["govuk/css/app.css"]
    init = manifest["app/js/init.js"]
    library = manifest["govuk/js/govuk-frontend.min.js"]
    assert css != "govuk/css/app.css"
    for name in (css, init, library):
        assert (root / f"{name}.gz").exists()
    assert library != "govuk/js/govuk-frontend.min.js"
    assert f'from "../../{library}"' in (root / init).read_text()

    result = python(PAGE_AND_ASSETS, env={**env, "DJANGO_SETTINGS_MODULE": "council_sm.settings"})
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout)
    assert served["css"] == f"/static/{css}"
    assert served["js"] == f"/static/{init}"
    assert served["status"] == 200
    assert "max-age=315360000" in served["cache"] and "immutable" in served["cache"]
    assert served["encoding"] == "gzip"
