"""Which column holds what: German and English column names, registration-system exports.

A mapping assigns each column a *target*: one of the attendee fields, a
combined name ("name" = "Anna von der Heyde", "name_last_first" = "von der
Heyde, Anna"), an event day ("day:2017-09-19"), the registration status,
"extra" (kept as an extra field under its column name) or "ignore".

Known column names match first (exactly, on normalised names). Any other
header is read by its meaningful words (``read_header``):
"Einrichtung / Firma" is the organisation, "Wie lautet Ihr Vorname?" the
first name, while "Arbeitsgruppe" is not the project, pretix's "Position ID"
is not a role and "Anschrift der Einrichtung" is an address, not the
organisation. When the words disagree, or two columns claim one field, the
column stays an extra field and the guess says why, so the report and the
wizard can ask.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from checkin.errors import ImportProblem
from checkin.importing.sniffing import normalise_header
from checkin.model import FIELD_LABELS, KNOWN_FIELDS

#: The stored attendee fields a column can fill (``checkin.model.PERSON_FIELDS`` with a
#: column of their own); a column named like a declared field kept in ``extra`` fills it
#: as an extra field (``checkin.importing.records.ColumnPlan``).
IMPORTED_FIELDS = KNOWN_FIELDS
NAME = "name"
NAME_LAST_FIRST = "name_last_first"
STATUS = "status"
EXTRA = "extra"
IGNORE = "ignore"
DAY_PREFIX = "day:"

#: Synonyms per target, best first: when two columns name the same target, the
#: earlier synonym wins and the other column is kept as an extra field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("titel", "title", "attendee name title", "akademischer titel", "akad titel",
              "akad grad", "akademischer grad", "grad", "prefix", "name prefix"),
    "first_name": ("vorname", "first name", "firstname", "given name", "attendee first name",
                   "attendee name given name", "forename", "rufname", "vornamen"),
    "last_name": ("nachname", "last name", "lastname", "surname", "family name",
                  "attendee last name", "attendee name family name", "familienname", "zuname",
                  "name"),
    NAME_LAST_FIRST: ("name, vorname", "nachname, vorname", "last name, first name",
                      "surname, first name", "name vorname"),
    NAME: ("vorname nachname", "vorname name", "attendee name", "full name", "fullname",
           "teilnehmer", "teilnehmerin", "teilnehmer in", "teilnehmende", "participant",
           "participant name", "attendee", "name", "person", "registrant"),
    "organization": ("organisation", "organization", "institution", "einrichtung", "kommune",
                     "organisation institution", "institution organisation", "affiliation",
                     "company", "firma", "unternehmen", "hochschule", "universität",
                     "arbeitgeber", "institut", "dienststelle", "behörde", "verwaltung",
                     "landkreis", "stadt", "gemeinde", "attendee company", "company name",
                     "organisation name", "organization name", "org"),
    "project": ("projekt", "project", "verbundvorhaben", "vorhaben", "verbund",
                "verbundprojekt", "teilprojekt", "projektname", "project name", "gruppe",
                "group", "team"),
    "role": ("rolle", "role", "funktion", "function", "teilnehmerrolle", "participant role",
             "attendee role", "job title", "position im projekt"),
    "email": ("attendee email", "e mail", "email", "e mail adresse", "email adresse",
              "email address", "e mail address", "mail", "emailadresse", "attendee e mail",
              "email of attendee"),
    "ticket_code": ("ticket secret", "secret", "barcode", "barcode number", "checkin secret",
                    "check in secret", "ticket uuid", "ticket code", "ticketcode", "ticket",
                    "ticket id", "ticket number", "ticketnummer", "ticket nr", "code",
                    "qr code", "badge code", "registration code"),
    STATUS: ("status", "registration state", "registration status", "attendee status",
             "order status", "anmeldestatus"),
}

_CANCELLED_VALUES = frozenset({
    "cancelled", "canceled", "storniert", "abgesagt", "refunded", "erstattet", "rejected",
    "withdrawn", "not attending", "expired", "abgelehnt", "zurückgezogen", "c", "e", "r",
    "denied", "blocked",
})

#: Column sets of registration-system exports, recognised by their typical columns
#: (any one of a system's sets, compared as normalised names).
SYSTEM_MARKERS: dict[str, tuple[frozenset[str], ...]] = {
    "pretix": (frozenset({"order code", "ticket secret"}), frozenset({"order code", "secret"}),
               frozenset({"bestellnummer", "ticket secret"})),
    "Eventbrite": (frozenset({"order", "barcode"}),),
    "Indico": (frozenset({"registration state", "affiliation"}),),
    "Zoom": (frozenset({"registration time", "approval status"}),
             frozenset({"registrierungszeit", "genehmigungsstatus"})),
    "Microsoft Forms": (frozenset({"id", "start time", "completion time"}),
                        frozenset({"id", "startzeit", "fertigstellungszeit"})),
    "Google Forms": (frozenset({"timestamp"}), frozenset({"zeitstempel"})),
    "LimeSurvey": (frozenset({"response id", "date submitted"}),
                   frozenset({"antwort id", "datum abgeschickt"}),
                   frozenset({"id", "submitdate", "lastpage"})),
}

#: Columns of those systems that hold none of our fields: they still tell the
#: header row from the title rows above it.
SYSTEM_COLUMNS: frozenset[str] = frozenset(
    name for sets in SYSTEM_MARKERS.values() for names in sets for name in names) | {
    "zeitstempel", "timestamp", "position id", "product", "produkt", "order date",
    "ticket type", "quantity", "registration date", "checked in", "startzeit",
    "completion time", "fertigstellungszeit"}

KNOWN_HEADERS: frozenset[str] = frozenset(
    s for names in SYNONYMS.values() for s in names) | SYSTEM_COLUMNS

_DAY_DATE = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{2,4}))?(?!\d)")
_DAY_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_INDEX = re.compile(r"^(?:tag|day|teilnahme tag|teilnahme day|attendance day)\s*(\d{1,2})$")
_DAY_WORDS = ("teilnahme", "anwesenheit", "anwesend", "tag", "day", "attendance",
              "participation", "attending", "anmeldung")


def target_label(target: str) -> str:
    """What a target is called in the wizard's drop-downs and in reports."""
    if target in FIELD_LABELS:
        return FIELD_LABELS[target]
    if target.startswith(DAY_PREFIX):
        return f"Attends {date.fromisoformat(target[len(DAY_PREFIX):]).strftime('%d.%m.%Y')}"
    return {NAME: "Full name (first last)", NAME_LAST_FIRST: "Full name (last, first)",
            STATUS: "Registration status", EXTRA: "Keep as extra field",
            IGNORE: "Ignore"}[target]


def all_targets(days: Sequence[date]) -> list[str]:
    return [*IMPORTED_FIELDS, NAME, NAME_LAST_FIRST,
            *(f"{DAY_PREFIX}{d.isoformat()}" for d in days), STATUS, EXTRA, IGNORE]


def day_of_column(header: str, days: Sequence[date]) -> date | None:
    """The event day a column such as "Teilnahme 19.09." or "Tag 1" stands for."""
    text = normalise_header(header)
    index = _DAY_INDEX.match(text)
    if index:
        n = int(index.group(1))
        return days[n - 1] if 1 <= n <= len(days) else None
    found = _DAY_ISO.search(header)
    if found:
        try:
            day = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            return None
        return day if day in days else None
    found = _DAY_DATE.search(header)
    if found is None:
        return None
    rest = _DAY_DATE.sub(" ", header).casefold()
    words = [w for w in re.split(r"[^\w]+", rest) if w]
    if words and not any(w.startswith(_DAY_WORDS) or w in _WEEKDAYS for w in words):
        return None  # e.g. "Anmeldung bis 01.08." is not an attendance column
    dd, mm, yy = int(found.group(1)), int(found.group(2)), found.group(3)
    for day in days:
        if (day.day, day.month) == (dd, mm) and (
                yy is None or int(yy) in (day.year, day.year % 100)):
            return day
    return None


_WEEKDAYS = frozenset({"mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag",
                       "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mon", "tue",
                       "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
                       "thursday", "friday", "saturday", "sunday"})


# -- reading a header by its words ----------------------------------------------------
#
# A header is cut into parts ("Einrichtung / Firma", "Name (Organisation)",
# "Vorname, Nachname"), each part into words; every word stands for a
# *concept*. Fields ("organization", "email", …) are concepts; so are
#   @person  a word for the person ("Teilnehmer", "Attendee") — weak: it names
#            whose value it is, and alone means the person's name
#   @name    the word "name" — whose name depends on the other words
#   @full    a whole name ("Vor- und Nachname", "Full name")
#   @id      an identifier ("ID", "Nr.", "#") — of a ticket it is the ticket code
#   @kind    a kind ("Typ", "Art", "Kategorie") — of a person it is the role
#   @reg     registration words ("Anmeldung", "Registration") — no field alone
#   @other:X an attribute we do not import (address, phone, date, price …)
#   @thing:X something other than the person (event, order, product …)
#   @veto:X  somebody else's (invoice, buyer, companion): never the attendee's
# Words that carry no meaning here (articles, "Ihr", "bitte", "dienstlich",
# "Pflichtfeld", "optional" …) are dropped.

_F, _L, _T, _O, _P, _R, _E, _C, _S = ("first_name", "last_name", "title", "organization",
                                      "project", "role", "email", "ticket_code", STATUS)


def _words(concept: str, text: str) -> dict[str, str]:
    return dict.fromkeys(text.split(), concept)


_LEXICON: dict[str, str] = {
    **_words(_F, "vorname vornamen vornames rufname firstname forename givenname "
                 "prénom prenom"),
    **_words(_L, "nachname nachnamen nachnames familienname zuname lastname surname "
                 "familyname"),
    **_words(_T, "titel title titles grad akademischer akademische akad doktorgrad"),
    **_words(_O, "organisation organisationen organization organizations organisationsname "
                 "institution institutionen einrichtung einrichtungen firma firmen company "
                 "companies unternehmen unternehmens hochschule hochschulen universität "
                 "university uni arbeitgeber arbeitgeberin employer institut instituts "
                 "institute dienststelle behörde behörden verwaltung kommune kommunen "
                 "gemeinde landkreis affiliation affiliations zugehörigkeit verein vereins "
                 "verband verbands amt amtes ministerium schule school betrieb org "
                 "körperschaft stadtverwaltung kreisverwaltung träger organisationseinheit "
                 "arbeitsstelle"),
    **_words(_P, "projekt projekte projekts projektes project projects verbundvorhaben "
                 "vorhaben verbund verbundprojekt teilprojekt gruppe group team"),
    **_words(_R, "rolle role funktion function position jobtitel berufsbezeichnung beruf "
                 "profession occupation"),
    **_words(_E, "email emails mail emailadresse mailadresse"),
    **_words(_C, "ticket tickets barcode barcodes qrcode secret ticketcode"),
    **_words(_S, "status anmeldestatus teilnahmestatus"),
    **_words("@person", "teilnehmer teilnehmers teilnehmerin teilnehmerinnen teilnehmende "
                        "teilnehmenden participant participants attendee attendees person "
                        "personen registrant registrants referent referenten referentin "
                        "speaker speakers gast gäste guest guests besucher besucherin "
                        "delegate delegierte delegierter mitglied member"),
    **_words("@name", "name namen names bezeichnung"),
    **_words("@full", "vollname fullname"),
    **_words("@id", "code id ids nr nummer number no num kennung kennnummer identifier uuid"),
    **_words("@kind", "typ type art kategorie category klasse class"),
    **_words("@reg", "anmeldung anmeldungen anmelde registrierung registration "
                     "registrations approval genehmigung freigabe"),
    **_words("@other:address", "anschrift adresse adressen address addresses straße strasse "
                               "street plz postleitzahl zip postcode ort wohnort city stadt "
                               "land country bundesland region hausnummer postfach "
                               "dienstanschrift postanschrift"),
    **_words("@other:phone", "telefon telefonnummer tel phone telephone mobil mobile "
                             "mobilnummer handy handynummer fax"),
    **_words("@other:date", "datum date dates zeit time zeitstempel timestamp uhrzeit "
                            "startzeit endzeit fertigstellungszeit geburtsdatum geburtstag "
                            "birthday birth created erstellt geändert modified submitted "
                            "abgeschickt zeitpunkt"),
    **_words("@other:money", "preis price prices betrag amount gebühr gebühren fee fees "
                             "kosten cost summe total steuer tax rabatt discount voucher "
                             "gutschein zahlung zahlungs payment paid bezahlt währung "
                             "currency"),
    **_words("@other:consent", "einwilligung zustimmung consent datenschutz privacy dsgvo "
                               "fotoeinwilligung newsletter einverstanden agree akzeptiert "
                               "verified verifiziert bestätigt opt"),
    **_words("@other:food", "essen ernährung diet dietary vegetarisch vegan allergien "
                            "allergies unverträglichkeiten verpflegung catering mittagessen "
                            "lunch dinner abendessen"),
    **_words("@other:comment", "bemerkung bemerkungen kommentar kommentare comment comments "
                               "anmerkung anmerkungen notiz notizen note notes hinweis "
                               "hinweise fragen questions wünsche sonstiges feedback"),
    **_words("@other:salutation", "anrede salutation geschlecht gender pronomen pronouns "
                                  "pronoun"),
    **_words("@other:department", "abteilung department referat fachbereich bereich "
                                  "fakultät faculty"),
    **_words("@other:other", "sprache language locale url website homepage link linkedin "
                             "xing twitter foto photo bild image seat sitz platz sitzplatz "
                             "zimmer room hotel übernachtung anreise abreise arrival "
                             "departure parken parking account benutzername username login "
                             "passwort password token seed lastpage ip quelle source punkte "
                             "score antwort response channel kanal quantity anzahl menge "
                             "checked checkin eingecheckt attended teilnahme anwesenheit "
                             "industry branche slug"),
    **_words("@thing:event", "veranstaltung veranstaltungen event events workshop workshops "
                             "session sessions sitzung vortrag vortrags vorträge talk talks "
                             "kurs course seminar termin slot forum panel exkursion webinar "
                             "meeting topic thema"),
    **_words("@thing:order", "bestellung order orders buchung booking bestellnummer "
                             "buchungsnummer purchase purchasing kauf product produkt "
                             "variante variation angebot"),
    **_words("@veto:invoice", "rechnung rechnungs invoice billing käufer käuferin buyer "
                              "purchaser besteller bestellerin rechnungsempfänger"),
    **_words("@veto:companion", "begleitperson begleitung companion accompanying "
                                "notfallkontakt emergency vorgesetzter vorgesetzte "
                                "supervisor assistenz assistant sekretariat creator"),
}

#: Words that carry no meaning for the choice (articles, politeness, qualifiers).
_STOP = frozenset(_words("", """
a an and are at auf aus bei bis bitte bzw das dein deine dem den der des die dienstlich
dienstliche dienstlichen e eg enter erforderlich etc evtl falls for freiwillig für g ggf
ggfs geben geschäftlich geschäftliche hier ihr ihre ihrem ihren ihrer ihres im in inkl is
ist ja kurz kürzel lautet lauten main mandatory mit nein nur of official offizielle
offizieller oder optional or please pflicht pflichtfeld pflichtangabe primary privat private
required resp sie sind so sowie tätig the to und usw vom von welche welcher
welches welchem welchen what which wie wird with work works you your z zu zum zur b aktuell aktuelle
aktueller current full vollständig vollständiger vollständige gewünscht gewünschte
namensschild badge gedruckt printed angabe angaben eintragen here your arbeiten arbeitest
arbeitet beschäftigt employed heißen heißt heisst called
"""))

#: Several words that mean one thing, checked before single words.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("e", "mail"), "email"), (("email", "adresse"), "email"), (("email", "address"), "email"),
    (("email", "addresses"), "email"), (("mail", "adresse"), "email"),
    (("mail", "address"), "email"), (("first", "name"), "vorname"),
    (("given", "name"), "vorname"), (("last", "name"), "nachname"),
    (("family", "name"), "nachname"), (("sur", "name"), "nachname"),
    (("job", "title"), "jobtitel"), (("job", "titel"), "jobtitel"),
    (("full", "name"), "vollname"), (("qr", "code"), "qrcode"),
    (("ticket", "code"), "ticketcode"), (("check", "in"), "checkin"),
    (("checked", "in"), "checkin"), (("created", "by"), "creator"),
    (("erstellt", "von"), "creator"), (("zip", "code"), "plz"), (("post", "code"), "plz"),
    (("opt", "in"), "newsletter"), (("last", "page"), "lastpage"),
    (("order", "code"), "bestellnummer"), (("akad", "grad"), "grad"),
)

#: A compound's last part, when it says what the compound is ("Firmenname").
_COMPOUND_HEADS = ("bezeichnung", "kategorie", "adresse", "nummer", "funktion", "kennung",
                   "status", "datum", "rolle", "titel", "name", "mail", "code", "typ", "art",
                   "nr", "id")

#: Gender forms: Teilnehmer*in, Teilnehmer:innen, Teilnehmer_in, Teilnehmer/-in,
#: Teilnehmer(in), TeilnehmerIn, Referent*innen → the plain word.
_GENDER = re.compile(r"(?<=[a-zäöüß])(?:(?:[*:_·]|/-?)(?:in|innen)\b|\((?:in|innen)\))",
                     re.IGNORECASE)
_BINNEN_I = re.compile(r"(?<=[a-zäöüß])I(?:n|nnen)\b")
_FULL_NAME = re.compile(r"\bvor-?\s*(?:und|&|/|u\.)\s*(?:nach|zu|familien)-?\s*name[n]?\b",
                        re.IGNORECASE)
_BRACKETS = re.compile(r"[(\[{]([^)\]}]*)[)\]}]?")
_SPLIT = re.compile(r"\s*(?:/|,|;|&|\+|\||\s–\s|\s-\s|\bbzw\b\.?|\bund\b|\boder\b|\bor\b"
                    r"|\band\b|\bsowie\b|\bresp\b\.?)\s*", re.IGNORECASE)
_CODE = re.compile(r"^[a-z]{0,4}\d+[a-z]?$")  # "Q1", "SQ001", "2" from "Company (2)"

_FAMILY = frozenset({_F, _L, _T, "@name", "@full"})
_LABELS = {"address": "an address", "phone": "a phone number", "date": "a date or time",
           "money": "a price or payment", "consent": "a consent or confirmation",
           "food": "a meal choice", "comment": "a comment", "salutation":
           "a salutation or gender", "department": "a department", "other":
           "something else", "event": "an event or session", "order": "an order or product",
           "invoice": "the invoice or buyer", "companion": "somebody else",
           "id": "an identifier", "kind": "a kind or category"}


@dataclass(frozen=True)
class _Outcome:
    """What one part of a header (or the whole header) stands for."""

    kind: str  # "field", "generic" (a bare "name"), "weak" (a person word), "other",
    #            "veto", "ask", "none"
    target: str = ""  # field target, or the label of "other"/"veto"
    candidates: tuple[str, ...] = ()  # for "ask"
    unsure: bool = False  # unknown words beside a weak word ("Name des Hundes")


def _concept(word: str) -> list[str]:
    """The concept(s) of one word; [] for stop words, ['?'] for unknown words."""
    if word in _STOP or _CODE.match(word):
        return []
    known = _LEXICON.get(word)
    if known is not None:
        return [known]
    for head in _COMPOUND_HEADS:  # "firmenname", "teilnehmerart", "ticketnummer"
        if word.endswith(head) and len(word) > len(head) + 2:
            stem = word[:-len(head)].rstrip("-")
            for cut in (stem, stem[:-1] if stem.endswith("s") else "",
                        stem[:-1] if stem.endswith("n") else "",
                        stem[:-2] if stem.endswith("en") else ""):
                if cut and cut in _LEXICON:
                    return [_LEXICON[cut], _LEXICON[head]]
            if head in ("datum", "nummer", "nr", "id", "kennung"):
                return [_LEXICON.get(head, "@id")]  # "Anmeldedatum", "Kundennummer"
    return ["?"]


def _tokens(text: str) -> list[str]:
    words = [w for w in re.split(r"[^\w]+|_", text.casefold()) if w]
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase, meaning in _PHRASES:
            if tuple(words[i:i + len(phrase)]) == phrase:
                words[i:i + len(phrase)] = [meaning]
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _read_part(text: str) -> tuple[_Outcome, list[str]]:
    """One part of a header: its outcome and its meaningful words."""
    concepts: list[str] = []
    meaningful: list[str] = []
    unknown = False
    for word in _tokens(text):
        found = _concept(word)
        if found == ["?"]:
            unknown = True
            continue
        if found:
            meaningful.append(word)
        concepts.extend(c for c in found if c != "?")
    return _judge(concepts, unknown), meaningful


def _judge(concepts: list[str], unknown: bool) -> _Outcome:
    """The outcome of one part's concepts (the rules of the module comment)."""
    for c in concepts:
        if c.startswith("@veto:"):
            return _Outcome("veto", c[6:])
    others = [c[7:] for c in concepts if c.startswith("@other:")]
    things = [c[7:] for c in concepts if c.startswith("@thing:")]
    present = set(concepts)
    if "@id" in present:
        return _Outcome("field", _C) if _C in present else _Outcome("other", "id")
    if "@kind" in present:
        if "@person" in present and not others and not things:
            return _Outcome("field", _R)
        return _Outcome("other", "kind")
    if others:
        return _Outcome("other", others[0])
    if _S in present:
        return _Outcome("other", things[0]) if things and "order" not in things else \
            _Outcome("field", _S)
    attrs = list(dict.fromkeys(c for c in concepts if c in (_F, _L, _T, _R, _E, "@name",
                                                            "@full")))
    entities = list(dict.fromkeys(c for c in concepts if c in (_O, _P, _C, "@person")
                                  or c.startswith("@thing:")))
    if len(entities) > 1 and "@person" in entities:
        entities.remove("@person")  # "Organisation des Teilnehmers"
    if not attrs:
        if not entities:
            return _Outcome("none")
        if len(entities) > 1:
            return _Outcome("ask", candidates=tuple(e for e in entities
                                                    if not e.startswith("@")))
        entity = entities[0]
        if entity == "@person":
            return _Outcome("weak", NAME, unsure=unknown)
        if entity.startswith("@thing:"):
            return _Outcome("other", entity[7:])
        return _Outcome("field", entity)
    owner = next((e for e in entities if e != "@person"), "")
    if set(attrs) <= _FAMILY:
        if owner.startswith("@thing:") or owner == _C:
            return _Outcome("other", owner[7:] or "order")  # "Name der Veranstaltung"
        if owner in (_O, _P) and set(attrs) <= {"@name", _T}:
            return _Outcome("field", owner)  # "Name der Organisation", "Projekttitel"
        if owner:
            return _Outcome("ask", candidates=(_family(attrs).target or NAME, owner))
        return _family(attrs, unknown)
    if len(attrs) > 1:
        return _Outcome("ask", candidates=tuple(dict.fromkeys(
            NAME if a in _FAMILY else a for a in attrs)))
    if attrs[0] == _R and owner.startswith("@thing:order"):
        return _Outcome("other", "order")  # "Role in Purchase Process"
    return _Outcome("field", attrs[0])


def _family(attrs: Sequence[str], unknown: bool = False) -> _Outcome:
    """Name words together: "Vorname Nachname" is the full name, "Name, Vorname" last-first."""
    if "@full" in attrs:
        return _Outcome("field", NAME)
    lasts = [i for i, a in enumerate(attrs) if a in (_L, "@name")]
    if _F in attrs and lasts:
        return _Outcome("field", NAME if attrs.index(_F) < lasts[0] else NAME_LAST_FIRST)
    rest = [a for a in attrs if a != _T]
    if not rest:
        return _Outcome("field", _T)
    if _T in attrs:
        return _Outcome("ask", candidates=(_T, _F if _F in rest else _L if _L in rest
                                           else NAME))
    if _F in rest:
        return _Outcome("field", _F)
    if _L in rest:
        return _Outcome("field", _L)
    return _Outcome("generic", NAME, unsure=unknown)


def _combine(outcomes: Sequence[_Outcome]) -> _Outcome:
    """Parts joined by "/", "und", "oder", "," …: they must agree."""
    outcomes = [o for o in outcomes if o.kind != "none"]
    if not outcomes:
        return _Outcome("none")
    if len(outcomes) == 1:
        return outcomes[0]
    for o in outcomes:
        if o.kind == "veto":
            return o
    family: list[str] = []
    fields: list[str] = []
    other = ""
    for o in outcomes:
        if o.kind in ("generic", "weak"):
            family.append("@name")
        elif o.kind == "field" and o.target in (_F, _L, _T, NAME, NAME_LAST_FIRST):
            family.append({NAME: "@full", NAME_LAST_FIRST: "@full"}.get(o.target, o.target))
        elif o.kind == "field":
            fields.append(o.target)
        elif o.kind == "ask":
            fields.extend(o.candidates)
        elif o.kind == "other":
            other = other or o.target
    if any(o.kind == "field" and o.target == NAME_LAST_FIRST for o in outcomes):
        named: _Outcome = _Outcome("field", NAME_LAST_FIRST)
    elif family:
        named = _family(family)
    else:
        named = _Outcome("none")
    fields = list(dict.fromkeys(fields))
    if named.kind != "none":
        if fields:
            return _Outcome("ask", candidates=tuple(dict.fromkeys(
                [*(named.candidates or (named.target,)), *fields])))
        if other:
            return _Outcome("ask", candidates=named.candidates or (named.target,))
        return named
    if len(fields) == 1 and not other:
        return _Outcome("field", fields[0])
    if fields:
        return _Outcome("ask", candidates=tuple(fields))
    return _Outcome("other", other)


@dataclass(frozen=True)
class HeaderReading:
    """What the words of one header say, and why (for reports and the wizard)."""

    outcome: str  # "field", "ask", "other", "none"
    target: str = ""  # the field for "field"
    candidates: tuple[str, ...] = ()  # the fields it could be, for "ask"
    words: tuple[str, ...] = ()  # the meaningful words that decided it
    generic_name: bool = False  # a bare "name": the last name beside a first-name column
    reason: str = ""


def read_header(header: str) -> HeaderReading:
    """Read a header by its meaningful words (no exact synonyms here)."""
    text = _GENDER.sub("", _BINNEN_I.sub("", header))
    text = _FULL_NAME.sub(" vollname ", text).replace("#", " nr ").replace("*", " ")
    scope, colon, detail = text.partition(":")
    if colon and detail.strip() and not re.match(r"\s*\d", detail):
        scope_outcome, scope_words = _read_part(scope)
        if scope_outcome.kind == "veto":  # "Invoice address name: Given name"
            return _reading(scope_outcome, scope_words)
        text = detail if _read_part(detail)[0].kind != "none" else scope
    inner = _BRACKETS.findall(text)
    main = _BRACKETS.sub(" , ", text)
    parts = [_read_part(p) for p in _SPLIT.split(main) if p.strip()]
    extra = [_read_part(p) for chunk in inner for p in _SPLIT.split(chunk) if p.strip()]
    words = [w for _, ws in parts + extra for w in ws]
    outcome = _combine([o for o, _ in parts])
    qualifiers = [o for o, _ in extra if o.kind not in ("weak", "generic", "none")]
    if outcome.kind == "none":
        outcome = _combine([o for o, _ in extra])
    elif any(o.kind == "veto" for o in qualifiers):  # "Firma (Rechnung)"
        outcome = next(o for o in qualifiers if o.kind == "veto")
    elif outcome.kind in ("field", "generic", "weak") and qualifiers:
        merged = _combine([outcome, *qualifiers])  # "Name (Nachname, Vorname)"
        if merged.kind == "field" or merged.kind == "ask":
            outcome = merged
    return _reading(outcome, words)


def _reading(outcome: _Outcome, words: Sequence[str]) -> HeaderReading:
    said = ", ".join(f"'{w}'" for w in dict.fromkeys(words))
    if outcome.kind in ("field", "generic", "weak") and not outcome.unsure:
        return HeaderReading("field", outcome.target, words=tuple(words),
                             generic_name=outcome.kind == "generic",
                             reason=f"its words {said} name the {_prose(outcome.target)}")
    if outcome.kind in ("generic", "weak"):
        return HeaderReading("ask", candidates=(outcome.target,), words=tuple(words),
                             reason=f"{said} with words this matcher does not know")
    if outcome.kind == "ask":
        return HeaderReading("ask", candidates=outcome.candidates, words=tuple(words),
                             reason=f"its words {said} point to different fields")
    if outcome.kind in ("other", "veto"):
        what = _LABELS.get(outcome.target, outcome.target)
        why = (f"it belongs to {what}" if outcome.kind == "veto" else
               f"its words {said} name {what}")
        return HeaderReading("other", words=tuple(words), reason=why)
    return HeaderReading("none")


def _prose(target: str) -> str:
    """A target as words in a sentence: 'organisation', 'full name (first last)'."""
    return target_label(target).casefold() if not target.startswith(DAY_PREFIX) else target


# -- the guess for a whole list of columns --------------------------------------------


@dataclass(frozen=True)
class ColumnGuess:
    """The matcher's guess for one column and why; ``question`` when it asks."""

    header: str
    target: str
    how: str  # "exact", "words", "day", "other", "" (nothing known)
    reason: str = ""
    candidates: tuple[str, ...] = ()  # fields the column could hold (it asks)
    taken_by: str = ""  # the column that holds the field this one claims too

    @property
    def asks(self) -> bool:
        return self.target == EXTRA and bool(self.candidates)

    def question(self) -> str:
        """The report line for a column the matcher left as an extra field."""
        fields = " or ".join(_prose(t) for t in self.candidates)
        use = f" — use --map '{self.header}={self.candidates[0]}'"
        if self.taken_by:
            return (f"column '{self.header}' could be {fields}, but column "
                    f"'{self.taken_by}' holds it; kept as extra field{use} to take this one")
        return (f"column '{self.header}' could be {fields} ({self.reason}); kept as "
                f"extra field{use}")


@dataclass
class _Claim:
    col: int
    strength: int  # 3 known name, 2 words, 1 a form's account column
    rank: int
    fallback: bool = False  # a bare "name" claiming the last name


#: Microsoft Forms adds the respondent's account ("Name", "E-Mail"; "anonymous"
#: when not signed in): a question column asking the same wins.
_ACCOUNT_COLUMNS = frozenset({"name", "e mail", "email"})


def explain_mapping(headers: Sequence[str], days: Sequence[date]) -> list[ColumnGuess]:
    """A guess for each column (by position), with its reason."""
    normalised = [normalise_header(h) for h in headers]
    system = detect_system(headers)
    targets = [EXTRA if h.strip() else IGNORE for h in headers]
    how = ["" for _ in headers]
    reasons = ["" for _ in headers]
    candidates: list[tuple[str, ...]] = [() for _ in headers]
    claims: dict[str, list[_Claim]] = {}
    for col, name in enumerate(normalised):
        if not headers[col].strip():
            continue
        day = day_of_column(headers[col], days)
        if day is not None:
            targets[col], how[col] = f"{DAY_PREFIX}{day.isoformat()}", "day"
            continue
        demoted = system == "Microsoft Forms" and name in _ACCOUNT_COLUMNS
        exact = [(t, s.index(name)) for t, s in SYNONYMS.items()
                 if name in s] if "#" not in headers[col] else []
        if exact:
            how[col], reasons[col] = "exact", "a known column name"
            for target, rank in exact:
                claims.setdefault(target, []).append(_Claim(
                    col, 1 if demoted else 3, rank, fallback=target == "last_name"
                    and name == "name"))
            continue
        reading = read_header(headers[col])
        reasons[col] = reading.reason
        if reading.outcome == "field":
            how[col] = "words"
            claims.setdefault(reading.target, []).append(_Claim(col, 2, 0))
            if reading.generic_name:
                claims.setdefault("last_name", []).append(_Claim(col, 2, 99, fallback=True))
        elif reading.outcome == "ask":
            how[col], candidates[col] = "words", reading.candidates
        elif reading.outcome == "other":
            how[col] = "other"
    for found in claims.values():
        found.sort(key=lambda c: (-c.strength, c.rank, c.col))
    taken: dict[int, str] = {}
    winners: dict[str, int] = {}
    # explicit first/last columns beat a combined name column; "Name" beside a
    # "Vorname" column is the last name, alone it is the whole name
    order = ("first_name", "title", NAME_LAST_FIRST, "last_name", NAME, "organization",
             "project", "role", "email", "ticket_code", STATUS)
    for target in order:
        if target == NAME and "first_name" in winners and "last_name" in winners:
            continue
        if target == NAME and NAME_LAST_FIRST in winners:
            continue
        for claim in claims.get(target, ()):
            if claim.col in taken:
                continue
            if claim.fallback and "first_name" not in winners:
                continue
            targets[claim.col] = target
            taken[claim.col] = target
            winners[target] = claim.col
            break
    taken_by = ["" for _ in headers]
    for target, found in claims.items():
        if target not in winners:
            continue
        best = next(c for c in found if c.col == winners[target])
        for claim in found:
            col = claim.col
            if col in taken or claim.fallback or candidates[col]:
                continue
            if target == NAME and ("first_name" in winners or NAME_LAST_FIRST in winners):
                continue  # a full name beside first and last name columns: a spare copy
            if claim.strength >= 2 and (claim.strength < 3 or best.strength < 3):
                candidates[col] = (target,)
                taken_by[col] = headers[winners[target]]
    return [ColumnGuess(headers[i], targets[i], how[i], reasons[i],
                        candidates[i] if targets[i] == EXTRA else (), taken_by[i])
            for i in range(len(headers))]


def guess_mapping(headers: Sequence[str], days: Sequence[date]) -> list[str]:
    """A target for each column (by position)."""
    return [guess.target for guess in explain_mapping(headers, days)]


def mapping_notes(headers: Sequence[str], targets: Sequence[str],
                  days: Sequence[date]) -> list[str]:
    """Report lines: columns read by their words, and the questions still open.

    A question is shown only while its column is still an extra field (an
    override or a remembered mapping answered it).
    """
    lines = []
    for guess, target in zip(explain_mapping(headers, days), targets, strict=True):
        if guess.asks and target == EXTRA:
            lines.append(guess.question())
        elif guess.how == "words" and target == guess.target and target != EXTRA:
            lines.append(f"column '{guess.header}' read as {target}: {guess.reason}")
    return lines


def open_questions(headers: Sequence[str], targets: Sequence[str],
                   days: Sequence[date]) -> list[ColumnGuess]:
    """The guesses that ask, for columns still kept as extra fields."""
    return [g for g, t in zip(explain_mapping(headers, days), targets, strict=True)
            if g.asks and t == EXTRA]


def detect_system(headers: Sequence[str]) -> str:
    """Name of the registration system that wrote these columns, or ''."""
    names = {normalise_header(h) for h in headers}
    for system, marker_sets in SYSTEM_MARKERS.items():
        if any(markers <= names for markers in marker_sets):
            return system
    return ""


def apply_overrides(headers: Sequence[str], targets: list[str],
                    overrides: Mapping[str, str], days: Sequence[date]) -> list[str]:
    """Apply ``COLUMN=FIELD`` choices; a target given to one column leaves the others."""
    valid = all_targets(days)
    by_name = {normalise_header(h): i for i, h in enumerate(headers)}
    result = list(targets)
    for column, target in overrides.items():
        col = by_name.get(normalise_header(column))
        if col is None:
            raise ImportProblem(f"There is no column '{column}' in the file. Its columns are: "
                                f"{', '.join(h for h in headers if h)}.")
        if target not in valid:
            raise ImportProblem(f"'{target}' is not a field. Use one of: {', '.join(valid)}.")
        if target not in (EXTRA, IGNORE):
            result = [EXTRA if t == target and headers[i] else t for i, t in enumerate(result)]
        result[col] = target
    return result


def check_mapping(headers: Sequence[str], targets: Sequence[str]) -> None:
    """Refuse a mapping without any name column: nobody could be found at the door."""
    if not {"first_name", "last_name", NAME, NAME_LAST_FIRST} & set(targets):
        shown = ", ".join(f"'{h}'" for h in headers if h.strip()) or "(none)"
        raise ImportProblem(
            f"No column holds names (columns found: {shown}). Check that the right row is "
            "the header, or say which column holds the names, e.g. --map 'Teilnehmer=name' "
            "(or pick it in the import wizard).")


def is_cancelled(value: str) -> bool:
    return value.strip().casefold() in _CANCELLED_VALUES


_YES = frozenset({"x", "ja", "j", "yes", "y", "1", "true", "wahr", "✓", "✔", "ok", "+"})
_NO = frozenset({"nein", "n", "no", "0", "false", "falsch", "-", "–", "—", ""})


def attends(value: str) -> bool | None:
    """A day cell: True (x, ja, 1, yes …), False (nein, 0, no, -), None if empty."""
    known = _ATTENDS.get(value)
    if known is not None or value in _ATTENDS:
        return known
    text = value.strip().casefold()
    if not text:
        return None
    if text in _YES:
        return True
    return text not in _NO


_ATTENDS: dict[str, bool | None] = {"": None, **dict.fromkeys(_YES, True),
                                    **dict.fromkeys(_NO - {""}, False),
                                    "X": True, "Ja": True, "JA": True, "Nein": False}
