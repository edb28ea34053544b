"""render_profile and bench_profile from the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from assessments.models import ProfileVersion

from .conftest import pdf_pages

pytestmark = pytest.mark.django_db


def test_render_profile_by_country_and_year(answered, tmp_path):
    out = tmp_path / "profile.pdf"
    stdout = io.StringIO()
    call_command("render_profile", "kg", "2022", "-o", str(out), stdout=stdout)
    assert "pages" in stdout.getvalue()
    assert "OBJECTIVES" in "\n".join(pdf_pages(out.read_bytes()))


def test_render_profile_by_id_as_html(answered, tmp_path):
    out = tmp_path / "profile.html"
    call_command("render_profile", str(answered.pk), "--html", "-o", str(out), stdout=io.StringIO())
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_render_profile_refuses_unknown_assessments(db):
    with pytest.raises(CommandError, match="No assessment matches XX 1999"):
        call_command("render_profile", "XX", "1999")


def test_bench_prints_its_figures_and_keeps_nothing(answered):
    stdout = io.StringIO()
    call_command("bench_profile", "--runs", "1", "--cached-runs", "2", stdout=stdout)
    output = stdout.getvalue()
    for label in ("pages", "PDF size", "ours (fresh)", "plain WeasyPrint", "ratio ours/plain"):
        assert label in output
    assert "cached download" in output and "peak memory" in output
    assert not ProfileVersion.objects.exists()
