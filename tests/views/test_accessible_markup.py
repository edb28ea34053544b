"""Markup that assistive technology relies on: landmarks, skip link, labelled errors, legends."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_has_a_skip_link_to_main_and_the_three_landmarks(client):
    page = client.get(reverse("login")).content.decode()
    assert re.search(r'<a class="skip-link" href="#main">Skip to main content</a>', page)
    assert page.index("skip-link") < page.index("<header") < page.index('<main class="container')
    assert '<main class="container pb-5" id="main"' in page
    assert "<nav " in page and "<footer" in page
    assert page.count("<h1") == 1


def test_form_errors_are_summarised_with_links_and_tied_to_their_fields(
    client_for, coordinator, assessment
):
    url = reverse("assessments:people", args=[assessment.pk])
    page = client_for(coordinator).post(url, {"email": "not an address"}).content.decode()
    summary = page[
        page.index('id="error-summary"') : page.index("</div>", page.index("error-summary"))
    ]
    assert '<a href="#id_email">Email: Enter a valid email address.</a>' in summary
    assert '<a href="#id_first_name">' in summary
    assert re.search(r'aria-describedby="id_email_error"[^>]*id="id_email"', page)
    assert 'id="id_email_error"' in page
    assert page.index("error-summary") < page.index("<h1")


def test_a_page_without_errors_has_no_summary(client_for, coordinator, assessment):
    page = client_for(coordinator).get(reverse("assessments:people", args=[assessment.pk]))
    assert "error-summary" not in page.content.decode()


def test_the_answer_options_are_a_fieldset_whose_legend_is_the_question(
    client_for, focal_point, assessment, indicator
):
    url = reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    page = client_for(focal_point).get(url).content.decode()
    start = re.search(r'<fieldset[^>]*\bid="id_option"', page).start()
    fieldset = page[start : page.index("</fieldset>", start)]
    assert re.search(rf"<legend[^>]*>\s*{re.escape(indicator.question)}\s*</legend>", fieldset)
    assert fieldset.count('type="radio"') == indicator.options.count()
    status = re.search(r'<span id="save-status"[^>]*>', page).group(0)
    assert 'aria-live="polite"' in status and 'role="status"' in status


def test_the_draft_mark_of_the_preview_is_hidden_from_assistive_technology(
    client_for, consultant, assessment
):
    page = client_for(consultant).get(reverse("assessments:profile-preview", args=[assessment.pk]))
    html = page.content.decode()
    # No text: the word is drawn by CSS from data-word, so it is neither read nor contrast-checked.
    assert '<div class="draft-mark" aria-hidden="true" data-word="DRAFT"></div>' in html
    assert '<main id="main"' in html and 'href="#main"' in html and "<footer" in html
    assert "<style" not in html  # the print-only running header stays out of the preview (CSP)


def test_breadcrumbs_are_named_in_the_readers_language(client_for, coordinator, assessment):
    client = client_for(coordinator)
    client.post(reverse("assessments:language-set"), {"language": "ru", "next": "/"})
    for name in ("people", "assessment-detail", "xlsx-import"):
        page = client.get(reverse(f"assessments:{name}", args=[assessment.pk])).content.decode()
        assert '<nav aria-label="Навигационная цепочка">' in page, name
        assert 'aria-label="breadcrumb"' not in page, name
