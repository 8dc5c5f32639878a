"""`make load` (issue 12): 50 people at work on the generated population, through gunicorn on
loopback. Coaches (six in ten), team leads and school contacts each log in through the login
form once and then do what their day asks: the home page, the worklist and its next page, a file
from it, the youth list; the intake queue and the assign page; the school's handovers.

The accounts come from ``manage.py scale_users`` (scripts/load.sh writes them to
ROUTE27_LOAD_USERS); every generated account has the password SCALE_PASSWORD."""

import json
import os
import random
import re

from locust import HttpUser, between, events, task

ACCOUNTS = json.load(open(os.environ["ROUTE27_LOAD_USERS"], encoding="utf-8"))
PASSWORD = os.environ.get("ROUTE27_LOAD_PASSWORD", "route27-schaal")
FILE_LINK = re.compile(r'href="(/jongeren/[0-9a-f-]{36}/)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


PAGE_TIMES: list[float] = []  # every page but the login (password hashing is slow by design)


@events.request.add_listener
def _page_time(name, response_time, exception, **kwargs):
    if not name.startswith("inloggen"):
        PAGE_TIMES.append(response_time)


@events.quitting.add_listener
def _write_pages(environment, **kwargs):
    target = os.environ.get("ROUTE27_LOAD_PAGES")
    if target and PAGE_TIMES:
        ordered = sorted(PAGE_TIMES)
        json.dump({"requests": len(ordered), "median_ms": ordered[len(ordered) // 2],
                   "p95_ms": ordered[int(0.95 * (len(ordered) - 1))]},
                  open(target, "w", encoding="utf-8"))


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 4)  # reading the page before the next click
    role = ""

    def on_start(self):
        username = random.choice(ACCOUNTS[self.role])
        page = self.client.get("/inloggen/", name="inloggen (formulier)")
        token = CSRF.search(page.text).group(1)
        response = self.client.post("/inloggen/", {
            "username": username, "password": PASSWORD, "csrfmiddlewaretoken": token,
        }, headers={"Referer": f"{self.host}/inloggen/"}, name="inloggen")
        if "/inloggen/" in response.url:
            response.failure(f"inloggen mislukt voor {username}")


class Coach(Person):
    weight = 6
    role = "coach"

    @task(3)
    def home(self):
        self.client.get("/", name="startpagina coach")

    @task(4)
    def worklist_and_a_file(self):
        page = self.client.get("/werkvoorraad/", name="werkvoorraad")
        links = FILE_LINK.findall(page.text)
        if links:
            self.client.get(random.choice(links), name="dossier")

    @task(1)
    def worklist_next_page(self):
        self.client.get("/werkvoorraad/?pagina=2", name="werkvoorraad p2")

    @task(1)
    def youth_list(self):
        self.client.get("/jongeren/", name="jongerenlijst")


class TeamLead(Person):
    weight = 2
    role = "teamleider"

    @task(3)
    def home(self):
        self.client.get("/", name="startpagina teamleider")

    @task(2)
    def intake_queue(self):
        self.client.get("/werkvoorraad/intake/", name="intakewachtrij")

    @task(1)
    def assign(self):
        self.client.get("/start/toewijzen/", name="toewijzen")


class School(Person):
    weight = 2
    role = "school"

    @task(2)
    def home(self):
        self.client.get("/", name="startpagina school")

    @task(1)
    def handovers(self):
        self.client.get("/overdracht/", name="overdrachten")
