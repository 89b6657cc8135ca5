"""A councillor walking the whole self-assessment, for locust (bench/load.py runs it headless):
the start page, then each question (GET the page, think, POST the answer and follow the
redirect), the check page, the save, and the result page. Every journey is a new browser:
a new session and CSRF cookie, sent back as csrfmiddlewaretoken with each POST."""

from __future__ import annotations

import os

from locust import HttpUser, between, task

from bench import journey

THINK = float(os.environ.get("BENCH_THINK_SECONDS", "1.0"))


class Councillor(HttpUser):
    # Time spent reading each page before answering, averaging BENCH_THINK_SECONDS.
    wait_time = between(THINK / 2, THINK * 1.5)

    def _get(self, path: str, name: str, expect: int = 200):
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != expect:
                response.failure(f"{path}: {response.status_code}, expected {expect}")
                return None
            return response

    def _post(self, step: str, name: str):
        data = {
            **journey.form_data(step),
            "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
        }
        with self.client.post(
            f"/assessment/{step}/", data, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"{step}: {response.status_code}, expected a redirect")
                return None
            return response.headers["Location"]

    @task
    def walk_the_wizard(self) -> None:
        self.client.cookies.clear()
        if not self._get("/", "start page"):
            return
        step = journey.FIRST_STEP
        if not self._get(f"/assessment/{step}/", "wizard step (GET)"):
            return
        for _ in range(40):
            self.wait()
            location = self._post(step, "wizard step (POST)")
            if location is None:
                return
            step = journey.step_of(location)
            if step == journey.CHECK_STEP:
                break
            if not self._get(location, "wizard step (GET)"):
                return
        if not self._get(location, "check answers (GET)"):
            return
        self.wait()
        done = self._post(journey.CHECK_STEP, "check answers (POST)")
        if done is None:
            return
        saved = self._get(done, "save the assessment (GET done)", expect=302)
        if saved is None:
            return
        self._get(saved.headers["Location"], "result page")
