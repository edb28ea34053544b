"""The demo's texts in other languages (fixtures/demo/*.ru.yaml, .fr, .es): idempotent."""

from ..models import Assessment, Evidence, LegalInstrument, Response


def _set(obj, field: str, language: str, text: str, report) -> None:
    """Store one translation; unchanged rows are not saved."""
    current = dict(getattr(obj, field) or {})
    if current.get(language) == text:
        return
    current[language] = text
    setattr(obj, field, current)
    obj.full_clean()
    obj.save(update_fields=[field])
    report.changed[type(obj).__name__] += 1


def titles_sync(instruments: dict, titles: dict, language: str, report) -> None:
    for ref, title in (titles or {}).items():
        instrument: LegalInstrument = instruments[ref]
        _set(instrument, "title_translations", language, " ".join(title.split()), report)


def responses_sync(assessment: Assessment, doc: dict, language: str, clean_text, report) -> None:
    """Findings by indicator code; notes by the 0-based index of the evidence item."""
    rows = {**(doc.get("responses") or {}), **(doc.get("covid") or {})}
    responses = {
        r.indicator.code: r
        for r in Response.objects.filter(assessment=assessment, indicator__code__in=list(rows))
        .select_related("indicator")
        .prefetch_related("evidence")
    }
    for code, row in rows.items():
        response = responses.get(str(code))
        if response is None:
            continue
        if row.get("finding"):
            text = clean_text(row["finding"])
            _set(response, "finding_translations", language, text, report)
        evidence: list[Evidence] = sorted(response.evidence.all(), key=lambda e: (e.order, e.pk))
        for index, note in (row.get("notes") or {}).items():
            if int(index) < len(evidence):
                text = " ".join(str(note).split())
                _set(evidence[int(index)], "note_translations", language, text, report)


def assessment_sync(assessment: Assessment, doc: dict, language: str, report) -> None:
    texts = {k: v for k, v in (doc.get("profile_texts") or {}).items() if v}
    current = (assessment.translations or {}).get(language) or {}
    # The edition's name may come from kg_editions.yaml (edition_sync): keep it.
    if doc.get("edition") or current.get("edition"):
        texts["edition"] = doc.get("edition") or current["edition"]
    if current != texts:
        assessment.translations = {**(assessment.translations or {}), language: texts}
        assessment.full_clean()
        assessment.save(update_fields=["translations"])
        report.changed["Assessment"] += 1


def notes_sync(instruments: dict, notes: dict, language: str, report) -> None:
    """The annex's adoption notes by instrument ref."""
    for ref, note in (notes or {}).items():
        text = " ".join(note.split())
        _set(instruments[ref], "adoption_note_translations", language, text, report)


def edition_sync(assessment: Assessment, language: str, edition: str, report) -> None:
    """The edition's name in one language, beside that language's other texts."""
    texts = dict((assessment.translations or {}).get(language) or {})
    if not edition or texts.get("edition") == edition:
        return
    texts["edition"] = edition
    assessment.translations = {**(assessment.translations or {}), language: texts}
    assessment.full_clean()
    assessment.save(update_fields=["translations"])
    report.changed["Assessment"] += 1


def sources_sync(sources: dict, doc: dict, language: str, report) -> None:
    """Source titles by ref, organizations by their English name; either may be missing."""
    organizations = doc.get("source_organizations") or {}
    titles = doc.get("sources") or {}
    for ref, source in sources.items():
        text = {"title": " ".join(titles[ref].split())} if ref in titles else {}
        if source.organization in organizations:
            text["organization"] = organizations[source.organization]
        if not text:
            continue
        if (source.translations or {}).get(language) != text:
            source.translations = {**(source.translations or {}), language: text}
            source.full_clean()
            source.save(update_fields=["translations"])
            report.changed["Source"] += 1
