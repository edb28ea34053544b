"""Strong password validators stay on."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("weak", ["short1", "password123", "12345678901", "maria.garcia"])
def test_weak_passwords_are_refused(weak):
    user = f.UserFactory(username="maria.garcia", first_name="Maria", last_name="Garcia")
    with pytest.raises(ValidationError):
        validate_password(weak, user)


def test_a_long_uncommon_password_is_accepted():
    validate_password("correct-horse-battery-staple-mgi", f.UserFactory())
