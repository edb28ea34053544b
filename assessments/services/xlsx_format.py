"""The workbook's fixed layout and the fingerprints that export and import share."""

import hashlib

from django.core import signing
from django.utils.translation import gettext_lazy as _

FORMAT = "mgi-xlsx-1"
META_SHEET = "_mgi"  # hidden; its name is never translated so that any import finds it
LISTS_SHEET = "_lists"  # hidden; the drop-down lists
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# Empty, unlocked rows offered at the end of the evidence sheet for new items.
NEW_EVIDENCE_ROWS = 200
_SALT = "assessments.xlsx.meta"

# Columns of the answers sheet: (key, heading, width, locked).
ANSWER_COLUMNS = [
    ("code", _("Code"), 9, True),
    ("domain", _("Domain"), 22, True),
    ("title", _("Indicator"), 28, True),
    ("question", _("Question"), 45, True),
    ("guidance", _("Guidance"), 45, True),
    ("option", _("Answer"), 30, False),
    ("finding", _("Finding"), 70, False),
    ("status", _("Status"), 13, True),
]
# Columns of the evidence sheet; existing items are locked, new rows are free.
EVIDENCE_COLUMNS = [
    ("id", _("No."), 7),
    ("code", _("Indicator code"), 11),
    ("instrument", _("Instrument (from the registry)"), 45),
    ("new_title", _("New instrument: title"), 35),
    ("new_number", _("New instrument: number"), 14),
    ("new_kind", _("New instrument: type"), 22),
    ("new_adopted_on", _("New instrument: date of adoption"), 16),
    ("source", _("Source"), 35),
    ("locator", _("Article or page"), 18),
    ("note", _("Note"), 50),
]
LOCKED_ANSWER_KEYS = [key for key, _h, _w, locked in ANSWER_COLUMNS if locked]


def column_letter(columns: list, key: str) -> str:
    index = [c[0] for c in columns].index(key)
    return chr(ord("A") + index)


def norm_text(value: str) -> str:
    """Newlines as Excel stores them, no surrounding blanks: what 'the same text' means."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def cell_hash(value) -> str:
    """A short fingerprint of one locked cell's text."""
    return hashlib.sha256(norm_text(str(value or "")).encode()).hexdigest()[:12]


def answer_fingerprint(option_key: str, finding: str) -> str:
    """Answer and finding as exported; an import compares against it to see what was edited."""
    return hashlib.sha256(f"{option_key}\x1f{norm_text(finding)}".encode()).hexdigest()[:16]


def meta_signature(rows: list[list]) -> str:
    """Signs the hidden sheet's rows with the site's key, so edits to it are detected."""
    digest = hashlib.sha256(repr([[str(v) for v in row] for row in rows]).encode()).hexdigest()
    return signing.Signer(salt=_SALT).sign(digest)


def meta_signature_valid(rows: list[list], signature: str) -> bool:
    try:
        digest = signing.Signer(salt=_SALT).unsign(signature or "")
    except signing.BadSignature:
        return False
    return (
        digest == hashlib.sha256(repr([[str(v) for v in row] for row in rows]).encode()).hexdigest()
    )


# A text starting with one of these runs as a formula when a spreadsheet reads it or when
# someone edits the cell (formula injection): = + - @, and tab or carriage return before them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def literal_text(book) -> None:
    """Make every text cell of every sheet a literal string that no spreadsheet evaluates.

    openpyxl writes a str starting with "=" as a live formula; the cell is typed as text
    instead, and risky starts get Excel's quote prefix so that editing keeps them text.
    The stored text is unchanged, so an import reads back exactly what was exported.
    """
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if cell.value.startswith(FORMULA_STARTS):
                        cell.quotePrefix = True


def csv_safe(value):
    """A CSV cell that no spreadsheet evaluates: risky starts get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
