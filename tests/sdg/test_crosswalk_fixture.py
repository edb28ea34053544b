"""The crosswalk file: complete both ways, loaded idempotently, unknown codes refused."""

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from assessments.exceptions import ApplicationError
from assessments.models import GcmObjective, SdgSubcategory
from assessments.services.crosswalk_loader import crosswalk_load

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
CROSSWALK = yaml.safe_load((ROOT / "crosswalk" / "sdg1072.yaml").read_text())


def _codes(name: str) -> set[str]:
    data = yaml.safe_load((ROOT / "framework" / name).read_text())
    return {i["code"] for d in data["domains"] for s in d["subdomains"] for i in s["indicators"]}


def test_every_national_indicator_informs_a_sub_category():
    mapping = CROSSWALK["mapping"]["mgi-national"]
    assert set(mapping) == _codes("mgi_national.yaml")
    assert all(row["sdg"] for row in mapping.values())


def test_every_sub_category_has_an_indicator_and_there_are_thirty():
    codes = [s["code"] for d in CROSSWALK["domains"] for s in d["subcategories"]]
    assert len(codes) == 30 and len(set(codes)) == 30
    used = {c for rows in CROSSWALK["mapping"].values() for r in rows.values() for c in r["sdg"]}
    assert set(codes) == used


def test_the_covid_module_codes_exist_and_gcm_has_23_objectives():
    assert set(CROSSWALK["mapping"]["covid19"]) <= _codes("covid19.yaml")
    assert sorted(CROSSWALK["gcm_objectives"]) == list(range(1, 24))


def test_the_source_and_thresholds_are_stated():
    assert "10.7.2" in CROSSWALK["source"]["title"] and CROSSWALK["source"]["date"]
    assert [c["min"] for c in CROSSWALK["categories"]] == [100, 80, 40, 0]


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_unknown_codes_are_refused():
    call_command("load_framework", verbosity=0)
    call_command("load_crosswalk", verbosity=0)
    links = SdgSubcategory.indicators.through.objects.count()
    assert (SdgSubcategory.objects.count(), GcmObjective.objects.count()) == (30, 23)
    again = crosswalk_load(data=CROSSWALK)
    assert again.changed == 0
    bad = {**CROSSWALK, "mapping": {"mgi-national": {"9.9.9": {"sdg": ["1a"], "gcm": []}}}}
    with pytest.raises(ApplicationError, match="9.9.9"):
        crosswalk_load(data=bad)
    assert SdgSubcategory.indicators.through.objects.count() == links
