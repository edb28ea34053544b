"""The consultant's page for the profile's wording: front matter and the summary of updates."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..report import texts
from ..report.updates import draft_hash
from .base import Form

SEEN = "seen_"  # prefix of the "keep my wording" box of a domain whose draft changed

LABELS = {
    "objectives": _("Objectives"),
    "introduction": _("Introduction"),
    "follow_up_introduction": _("Introduction of the follow-up assessment"),
    "conceptual_framework": _("Conceptual framework"),
    "key_findings_intro": _("Key findings: introduction"),
    "after_assessment": _("After the MGI assessment"),
    "after_assessment_points": _("After the MGI assessment: recommendations, one a line"),
    "process_steps": _("The MGI process: one step a line, as “Title | text”"),
}
HELP = _(
    "Placeholders: {country}, {short_name}, {year}, {edition}, {baseline_year}. "
    "Separate paragraphs with an empty line. Empty the field to go back to the default text."
)


def _steps_to_text(steps) -> str:
    return "\n".join(f"{s.get('title', '')} | {s.get('text', '')}" for s in steps or [])


def _text_to_steps(value: str) -> list[dict]:
    steps = []
    for line in value.splitlines():
        title, _sep, text = line.partition("|")
        if title.strip() or text.strip():
            steps.append({"title": title.strip(), "text": text.strip()})
    return steps


def _as_text(key: str, value) -> str:
    if key == "process_steps":
        return _steps_to_text(value)
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return str(value or "")


def _from_text(key: str, value: str):
    value = value.replace("\r\n", "\n").strip()
    if key == "process_steps":
        return _text_to_steps(value)
    if key in texts.LIST_KEYS:
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


class ProfileTextsForm(Form):
    """One field per text; only what differs from the default is kept as an override."""

    annex_all_instruments = forms.BooleanField(
        label=_("List drafts and repealed instruments in the legislation annex"),
        required=False,
        help_text=_("By default the annex lists only the instruments in force."),
    )

    def __init__(
        self,
        *args,
        defaults: dict,
        overrides: dict,
        drafts: dict,
        domains,
        seen: dict | None = None,
        edition=None,
        domain_names: dict | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.defaults, self.drafts, self.current = defaults, drafts, overrides
        if edition is not None:
            # The edition's name in this language (issue 31): the cover, headers, pages, emails.
            label, initial, required = edition
            self.fields["edition"] = forms.CharField(
                label=label, required=required, max_length=200, initial=initial
            )
        for key in texts.TEXT_KEYS:
            if key == "follow_up_introduction" and domains is None:
                continue
            self.fields[key] = forms.CharField(
                label=LABELS[key],
                required=False,
                help_text=HELP,
                widget=forms.Textarea(attrs={"rows": 4 if key not in texts.LIST_KEYS else 5}),
                initial=_as_text(key, overrides.get(key) or defaults.get(key)),
            )
        for domain in domains or []:
            key = f"{texts.UPDATES_PREFIX}{domain.number}"
            self.fields[key] = forms.CharField(
                # Labelled in the interface's language; the texts are in the profile's.
                label=_("Summary of updates: %(name)s")
                % {"name": (domain_names or {}).get(domain.number, domain.name)},
                required=False,
                help_text=_("Drafted from the changes since the baseline; edit freely."),
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=overrides.get(key) or drafts.get(domain.number, ""),
            )
            self._mark(key, domain.number, (seen or {}).get(str(domain.number)))

        self.fields[texts.GCM_TABLE_KEY] = forms.BooleanField(
            label=_(
                "Print, under “After the MGI assessment”, the table of the Global Compact for "
                "Migration objectives with the areas that relate to each"
            ),
            required=False,
            initial=bool(overrides.get(texts.GCM_TABLE_KEY)),
        )

    def _mark(self, key: str, number: int, seen_hash: str | None) -> None:
        """Attach the draft to a domain's field; flag it when it changed since the edit."""
        field = self.fields[key]
        field.draft = self.drafts.get(number, "")
        field.draft_changed = bool(
            self.current.get(key) and seen_hash and seen_hash != draft_hash(field.draft)
        )
        if field.draft_changed:
            self.fields[SEEN + key] = forms.BooleanField(
                label=_("I have read the new draft; keep my wording"), required=False
            )

    def text_fields(self) -> list:
        """The bound fields other than the summary of updates, in order."""
        return [f for f in self if not f.name.startswith((texts.UPDATES_PREFIX, SEEN))]

    def update_rows(self) -> list[tuple]:
        """(field, its "keep my wording" box or None) for each domain of the summary."""
        return [
            (self[key], self[SEEN + key] if SEEN + key in self.fields else None)
            for key in self.fields
            if key.startswith(texts.UPDATES_PREFIX)
        ]

    def draft_hashes(self) -> dict[str, str | None]:
        """Per domain whose wording changed (or was kept on purpose): the draft it answers."""
        hashes = {}
        overrides = self.overrides()
        for key, value in overrides.items():
            if not key.startswith(texts.UPDATES_PREFIX):
                continue
            if value != self.current.get(key) or self.cleaned_data.get(SEEN + key):
                number = key.removeprefix(texts.UPDATES_PREFIX)
                hashes[number] = draft_hash(self.fields[key].draft) if value else None
        return hashes

    def mark_language(self, language: str) -> None:
        """Each text box says which language it holds, for screen readers and spell checkers."""
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["lang"] = language

    def show_originals(self, original, assessment) -> None:
        """Attach the working language's wording to each field, shown beside it."""
        own = texts.merged(texts.framework_texts(assessment.framework, assessment.language), {})
        own.update({k: v for k, v in (assessment.profile_texts or {}).items() if v})
        drafts = {f"{texts.UPDATES_PREFIX}{b.number}": b for b in original.updates or []}
        for key, field in self.fields.items():
            if key == "edition":
                field.original = assessment.edition
            elif key in drafts:
                field.original = "\n\n".join(p.text for p in drafts[key].paragraphs)
            else:
                field.original = _as_text(key, own.get(key))

    def clean_process_steps(self):
        value = self.cleaned_data["process_steps"]
        if any("|" not in line for line in value.splitlines() if line.strip()):
            raise forms.ValidationError(_("Write each step as “Title | text”."), code="step_format")
        return value

    def overrides(self) -> dict:
        """{key: value} to store, or {key: None} where the default text applies again."""
        result = {}
        for key, raw in self.cleaned_data.items():
            if key in ("annex_all_instruments", "edition") or key.startswith(SEEN):
                continue
            if key == texts.GCM_TABLE_KEY:
                result[key] = True if raw else None
                continue
            value = _from_text(key, raw)
            if key.startswith(texts.UPDATES_PREFIX):
                number = int(key.removeprefix(texts.UPDATES_PREFIX))
                default = self.drafts.get(number, "").strip()
            else:
                default = _from_text(key, _as_text(key, self.defaults.get(key)))
            result[key] = None if not value or value == default else value
        return result
