"""The plain Profile object: everything the template prints, and nothing it must compute.

build.py fills it from the database; render.py turns it into HTML and PDF. Being plain data,
it is also what the content hash of a generated version is taken over.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Footnote:
    text: str
    url: str = ""
    language: str = ""  # set when the text prints untranslated, in this original language
    title: str = ""  # an instrument's title, printed in italics before the text
    title_language: str = ""  # the title's language when it prints untranslated


@dataclass
class Paragraph:
    text: str
    footnotes: list[Footnote] = field(default_factory=list)
    ref: str = ""  # indicator code, so that a reader of the HTML can trace the paragraph
    language: str = ""  # set when the finding prints untranslated: marked "[en]" (issue 31)


@dataclass
class TocEntry:
    title: str
    anchor: str
    level: int = 1


@dataclass
class MigofItem:
    lead: str  # the verb printed in bold, as in the seed: "Adhere"
    rest: str


@dataclass
class DomainSummary:
    """One domain as introduced in the key findings, with a link to its chapter."""

    number: int
    name: str
    description: str
    anchor: str


@dataclass
class Chapter:
    number: int
    name: str
    title: str
    anchor: str
    developed: list[Paragraph] = field(default_factory=list)
    further: list[Paragraph] = field(default_factory=list)


@dataclass
class UpdateBlock:
    """What changed in one domain since the baseline; drafted, or the consultant's wording."""

    number: int
    name: str
    anchor: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    edited: bool = False


@dataclass
class CovidAnnex:
    title: str
    intro: list[str]
    paragraphs: list[Paragraph]


@dataclass
class SourceEntry:
    year: str
    title: str
    url: str = ""
    title_language: str = ""  # set when the title prints untranslated (in italics)


@dataclass
class SourceGroup:
    organization: str
    entries: list[SourceEntry]
    language: str = ""  # set when the organization's name prints untranslated


@dataclass
class AnnexRow:
    number: int
    title: str
    adopted: str
    title_language: str = ""  # set when the title prints untranslated (in italics)
    adopted_language: str = ""  # set when the adoption note prints untranslated


@dataclass
class AnnexGroup:
    heading: str  # empty for the constitution, which the seed lists without a heading
    rows: list[AnnexRow]


@dataclass
class ProcessStep:
    number: int
    title: str
    text: str


@dataclass
class GcmEntry:
    """One GCM objective and the areas of the assessment that relate to it."""

    number: int
    title: str
    developed: list[str]
    further: list[str]


@dataclass
class Profile:
    language: str
    title: str
    author: str
    running_header: str
    country_name: str
    short_name: str
    edition: str
    year: int
    draft: bool
    baseline_year: int | None
    imprint: list[str]
    objectives: list[str]
    introduction: list[str]
    follow_up_introduction: list[str]
    conceptual_framework: list[str]
    principles: list[MigofItem]
    migof_objectives: list[MigofItem]
    mgi_is: list[str]
    mgi_is_not: list[str]
    key_findings_intro: list[str]
    domains: list[DomainSummary]
    updates: list[UpdateBlock] | None
    chapters: list[Chapter]
    after_assessment: list[str]
    after_assessment_points: list[str]
    covid: CovidAnnex | None
    sources: list[SourceGroup]
    legislation_title: str
    legislation: list[AnnexGroup]
    process_steps: list[ProcessStep]
    toc: list[TocEntry] = field(default_factory=list)
    # The GCM table of "After the MGI assessment", when the consultant chose to print it.
    gcm: list[GcmEntry] = field(default_factory=list)
    # Indicators whose finding or footnotes lack a translation in this language.
    untranslated: list[str] = field(default_factory=list)
    original_language: str = ""  # the language those untranslated texts are written in
    # The annex's note on titles printed in their original language ("" when none is).
    legislation_note: str = ""
    edition_language: str = ""  # set when the edition has no name in this language
