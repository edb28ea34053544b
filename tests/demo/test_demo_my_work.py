"""Signing in as each demo person shows the right 'My work'."""

import pytest
from django.urls import reverse

DEMO_PASSWORD = "mgi-demo-2022"  # stated in the README and fixtures/demo/people.yaml

# One worker loads the demo once for the whole package (tests/demo/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

KG = "Kyrgyzstan – Second profile 2022"
GE = "Georgia – Demo assessment"

# username -> (texts that must appear, texts that must not)
EXPECTED = {
    "admin": ([KG, GE], []),
    "consultant": ([KG, GE], []),
    "coordinator": ([KG, "Government coordinator"], [GE]),
    "labour": ([KG, "Focal point", "1.1.1 Health care"], [GE, "5.1.1 "]),
    "interior": ([KG, "Focal point", "6.1.1 "], [GE, "1.1.1 Health care"]),
    "emergency": ([KG, "5.1.1 "], [GE, "1.1.1 Health care"]),
    "statistics": ([KG, "2.5.1 "], [GE, "1.1.1 Health care"]),
    "ge-focal": ([GE], ["Kyrgyzstan"]),
}


def test_each_demo_person_sees_their_own_work(client, loaded):
    for username, (present, absent) in EXPECTED.items():
        # Through the sign-in page: django-axes needs the request that client.login() lacks.
        signed_in = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
        assert signed_in.status_code == 302, username
        page = client.get(reverse("assessments:my-work")).content.decode()
        for text in present:
            assert text in page, (username, text)
        for text in absent:
            assert text not in page, (username, text)
        client.logout()
