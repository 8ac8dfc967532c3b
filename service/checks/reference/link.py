"""Link a claim (a date, a clock time, a quantity, a site) to the mission it is about and the property its verb
implies ("launched Nov. 16" -> launch time; "delivered 2,564 kg" -> up-cargo mass), with the evidence for each
part of the link and the doubts about it.

Clauses: a sentence is cut at "and", "then", "after", "before", "while", "but", "which", "who", "where", ...,
semicolons, dashes, and at a comma that opens a new verb phrase (", docking at ...").

Which mission: a mission named in the claim's clause (nearest before the claim, else after it); else one named in
its sentence; else the last one named earlier in the paragraph. A flight designator no record holds ("CRS-10",
"Soyuz MS-07") owns the claims of its clause: no mission. A bare family word ("the Progress launch") means the last
mission of that family named earlier in the document; a crew ("Gerst's crew") or person the one flight in the
records that person flew; "the Expedition 58 crew" the flight carrying that expedition.

Which property: the cue nearest before the claim in its clause, else the first after it in its clause, else (a
doubt) the nearest cue in its sentence. A time of something else ("coverage begins", "hatch opening", "the
window opens", "a news conference") is no event's time.

Modality: an assertion, a plan ("is to dock", "will launch", "scheduled for") or a past plan ("was planned for",
"originally set for", "the scrubbed attempt", "(planned)"). A past plan is history: never contradicted.

Doubts: a link is certain only when the mission is named (or unambiguous) in the claim's sentence, the cue is in
the claim's clause, and nothing else in the clause could own the claim. A doubtful link can support a claim (the
record agrees) but never contradict it.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from ...extract.dates import sentence_bounds
from ...extract.missions import MentionKind, MissionMention
from ...model import Span, quick_init
from ...records.store import Mission, MissionStore
from ...text import Document, at_word_start

# How long after a flight's return a piece naming its crew is still about that flight.
JUST_BACK = timedelta(days=30)


class Property(StrEnum):
    LAUNCH = "launch"
    ARRIVAL = "arrival"              # docking, berthing or grapple, whichever the record has
    DOCKING = "docking"              # "docked", "made contact with", "linked up with"
    BERTHING = "berthing"            # "was berthed"
    GRAPPLE = "grapple"              # "grappled", "captured by the arm"
    UNDOCKING = "undocking"          # "undocked", "left the station", "backed away"
    LANDING = "landing"
    ABORT = "abort"                  # the launch time of a failed launch
    CARGO = "cargo_up"
    CARGO_DRY = "cargo_dry"          # set from the words after a mass ("1,300 kg of dry cargo")
    CARGO_PRESSURIZED = "cargo_pressurized"
    PROPELLANT = "propellant"
    WATER = "water"
    GAS = "gas"                      # oxygen, air, nitrogen: no record holds it (so: unverified)
    LAUNCH_MASS = "spacecraft_launch"
    SITE = "site"
    VAGUE = "vague"                  # "arrived" with no station named: at the station, or at the cosmodrome?


class Modality(StrEnum):
    ASSERTION = "assertion"
    PLAN = "plan"
    PAST_PLAN = "past plan"


# Each cue's words, as alternatives that start with a plain letter (see text.at_word_start).
_CUES = [
    (Property.ABORT, [r"abort(?:s|ed|ing)?", "launch failure", "failed launch", "launch accident",
                      r"failure(?=[ \t]{1,3}(?:on|of|in)\b)"]),
    (Property.UNDOCKING, [r"undock(?:s|ed|ing)?", r"le(?:ave|aves|ft|aving) the (?:space )?station",
                          r"depart(?:s|ed|ing)?(?: from)? the (?:space )?station", r"back(?:s|ed|ing)? away",
                          r"pull(?:s|ed|ing)? away"]),
    (Property.LANDING, [r"land(?:s|ed|ing)?", r"touch(?:es|ed)? down", "touchdown", r"splash(?:es|ed)? down",
                        "splashdown", r"parachut(?:e|es|ed|ing) (?:to|into|down)",
                        r"return(?:s|ed|ing)? (?:home|to Earth)", r"le(?:ave|aves|ft|aving) for home",
                        r"head(?:s|ed)? for home", r"c(?:ome|omes|ame|oming) home"]),
    (Property.DOCKING, [r"dock(?:s|ed|ing)?", r"ma(?:ke|kes|de|king) contact with", r"link(?:s|ed|ing)? up"]),
    (Property.BERTHING, [r"berth(?:s|ed|ing)?"]),
    (Property.GRAPPLE, [r"grappl(?:e|es|ed|ing)", r"captur(?:e|es|ed|ing)"]),
    (Property.ARRIVAL, [r"arriv(?:e|es|ed|ing|al) at (?:the )?(?:(?:international )?space )?station", "arrival",
                        r"reach(?:es|ed)? (?:the )?(?:space )?station"]),
    (Property.VAGUE, [r"arriv(?:e|es|ed|ing)"]),
    (Property.LAUNCH, [r"launch(?:es|ed|ing)?", r"lift(?:s|ed|ing)? off", "liftoff", "lift-off",
                       r"blast(?:s|ed|ing)? off", "blastoff", r"le(?:ave|aves|ft|aving) Earth",
                       r"t(?:ake|akes|ook|aking) off", r"rocket(?:s|ed)? (?:in)?to",
                       r"ma(?:ke|kes|de|king) it off the pad", r"clear(?:s|ed|ing)? the tower", r"fl(?:ew|ies|y) on",
                       "rose from",
                       r"sen(?:d|ds|t|ding)(?: up)? (?:in)?to (?:orbit|space|the (?:International )?Space Station"
                       r"|the ISS|the (?:space )?station)",
                       r"le(?:ave|aves|ft|aving) (?:the )?(?:pad|Baikonur|Wallops|Tanegashima|Kourou"
                       r"|Cape Canaveral|Kennedy)"]),
    (Property.CARGO, [r"deliver(?:s|ed|ing|y|ies)?", r"carr(?:y|ies|ied|ying)", r"haul(?:s|ed|ing)?",
                      r"ferr(?:y|ies|ied|ying)",
                      # (not "bring back", "brought home": a return, not a delivery)
                      r"br(?:ing|ings|ought|inging)(?![ \t]{1,3}(?:back|home)\b)", "packed with", "loaded with",
                      "laden with", "filled with"]),
    (Property.LAUNCH_MASS, [r"weigh(?:s|ed|ing)?", "launch mass", "spacecraft mass"]),
]
# Every cue at once, its alternatives grouped by first letter: trying each cue's alternatives at every word
# start cost more than the rest of the check. The cue a match is (the first whose words match there, as in
# one alternation of the cues in this order) is told by the named group that matched: each alternative's
# words after its first letter are one.
_CUE = re.compile(at_word_start(f"{alt[0]}(?P<c{i}_{j}>{alt[1:]}\\b)" for i, (_, alts) in enumerate(_CUES)
                                for j, alt in enumerate(alts)), re.I)
_CUE_KIND = {name: _CUES[int(name[1:].split("_")[0])][0] for name in _CUE.groupindex}
_CLAUSE = re.compile(r"\n|" + at_word_start([r"and\b(?![ \t]{1,3}time\b)", *(
    word + r"\b" for word in ("then", "after", "before", "while", "but", "which", "who", "where", "whereas",
                              "although", "though", "until", "because", "since"))]) + r"|[;—–]|\s-\s", re.I)
# A comma opens a new clause when a verb phrase follows it (", docking at ...", ", and then landed"): the
# comma's reach, checked against the cue positions found once per document.
_COMMA = re.compile(r",[ \t]{1,3}(?:(?:and|then|it|and then)[ \t]{1,3})?")
# Times and dates of something other than the event: "coverage begins at", "hatch opening", "the window opens".
_NOT_EVENT = re.compile(at_word_start(word + r"\b" for word in (
    "coverage", "webcast", "broadcast", "live ?stream", "hatch(?:es)?", "news conference", "press conference",
    "briefing", "window", "update[ds]?", "announce(?:s|d|ment)?",
    "decision", r"decide[ds]?", "blog", "manifest", "woken", "woke", "wake-up",
    "wakeup", "separat(?:ed|es|ion)", "press release", "countdown", "roll(?:ed)? ?out", "fueling", "fuelling",
    # the rocket's first stage coming back, not the spacecraft: "a first-stage booster ... landing at LZ-1"
    # (not "booster" alone: "the Soyuz MS-10 booster failed" is the launch)
    "first[- ]stage", "landing zone", "drone ?ship")),
    re.I)
# A move from one port to another: a docking or undocking told in its sentence may be that move's, not the
# arrival or departure ("docked at Harmony's space-facing port on April 5 after a relocation").
_RELOCATION = re.compile(at_word_start(word + r"\b" for word in (
    r"relocat(?:e|es|ed|ing|ion)", r"re-?dock(?:s|ed|ing)?", r"port (?:swap|change|move)",
    r"dock(?:s|ed|ing)? again")), re.I)
_PORT_EVENTS = frozenset({"docking", "arrival", "berthing", "undocking"})
# What a vehicle docks to, berths at or leaves is the target, not the flight a claim is about: "Soyuz MS-23
# docked to the Poisk module at 7:58 p.m. EST", "undocked from the space-facing port of Harmony".
_TARGET_BEFORE = re.compile(
    r"\b(?:re-?)?(?:dock|berth|attach|undock|unberth|moor)(?:s|ed|ing)?[ \t]{1,3}(?:to|with|at|onto|into|from)"
    r"(?:[ \t]{1,3}[\w'’-]{1,20}){0,6}[ \t]{1,3}\Z", re.I)
# A date or time used as an adjective in front of its event's noun: "its Dec. 5, 2018, launch", "the 6:31 a.m.
# liftoff", "Saturday's docking" (Linker._owner).
_ATTRIBUTIVE_GAP = re.compile(r"(?:'s|’s)?,?[ \t]{1,2}")
_DETERMINER_BEFORE = re.compile(r"\b(?:its|the|their|his|her|our|this|that|a|an)[ \t]{1,3}\Z", re.I)
RELOCATION_BEFORE = 600
_WAS_PLANNED = (r"[ \t]{1,3}(?:(?:originally|initially|first|previously|once|still|then)[ \t]{1,3})?"
                r"(?:scheduled|planned|set|slated|targeted|expected|supposed|due|to|pencil{1,2}ed)\b")
_PAST_PLAN = re.compile(at_word_start([
    "was" + _WAS_PLANNED, "were" + _WAS_PLANNED, "had been" + _WAS_PLANNED,
    r"originally\b", r"initially\b", r"previously\b", r"re-?scheduled\b", r"was to have\b",
    *(word + r"\b" for word in ("delayed", "postponed", "moved", "pushed back", "slipped", "nixed", "scrubbed",
                                "called off")),
    r"attempts?\b", r"manifest\b", r"confirmed the\b"]) + r"|\(\s*(?:planned|scheduled|target(?:ed)?)\b", re.I)
_PLAN = re.compile(at_word_start(word + r"\b" for word in (
    "scheduled", "planned", "slated", "targeted", "targeting", "expected to",
    "due to (?:launch|dock|land|lift|fly|arrive|berth|return|undock)", "set (?:for|to)", "is to", "are to", "will",
    "no earlier than", "NET", "aims? to", "plans? to", "pencil{1,2}ed in")), re.I)
# A plan label written after the claim: "20:36:28 Moscow Time (planned)".
_PLAN_AFTER = re.compile(r"[ \t]{0,3}\([ \t]{0,3}(?:planned|scheduled|target(?:ed)?|as planned)\b", re.I)
_PARAGRAPH = re.compile(r"\n[ \t]{0,40}\n")
# An event word that is a point of reference, not the event of the claim near it: "three hours after the
# launch, at 11:48 Moscow time, it docked", "two hours before liftoff". And a participle used as an adjective:
# "a coolant leak on the docked Soyuz in December" (the Soyuz that is docked, not a docking in December).
_REFERENCE_POINT = re.compile(r"\b(?:after|since|following|before|ahead[ \t]of|prior[ \t]to)[ \t]{1,3}"
                              r"(?:(?:the|its|their)[ \t]{1,3})?\Z", re.I)
_CLOSED = re.compile(r"[ \t]{0,2}[,;.)\u2013\u2014]")
# An article or possessive before a participle makes it an adjective ("the docked Soyuz"); not "that", which
# also opens a relative clause ("the Soyuz that launched the crew"), unlike _DETERMINER_BEFORE's dated nouns.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|its|their)[ \t]{1,3}\Z", re.I)


def _not_a_verb(prose: str, at: int, words: str) -> bool:
    """Whether the event word at `at` names no event of a claim near it (see _REFERENCE_POINT): a point of
    reference closed by punctuation ("after the launch, at ..."; not "after launching at 11:12 GMT", whose time
    is the launch's)."""
    before = prose[max(0, at - 24):at]
    if _REFERENCE_POINT.search(before) and _CLOSED.match(prose, at + len(words)):
        return True
    return words.lower().endswith("ed") and " " not in words and _ARTICLE_BEFORE.search(before) is not None
_EVENTS = (Property.LAUNCH, Property.ARRIVAL, Property.DOCKING, Property.BERTHING, Property.GRAPPLE,
           Property.UNDOCKING, Property.LANDING, Property.ABORT, Property.VAGUE)
# Which property a claim of each kind can be checked against.
FOR_KIND = {
    "time": set(_EVENTS),
    "date": set(_EVENTS),
    "mass": {Property.CARGO, Property.CARGO_DRY, Property.CARGO_PRESSURIZED, Property.PROPELLANT, Property.WATER,
             Property.GAS, Property.LAUNCH_MASS},
    "site": {Property.LAUNCH, Property.ABORT},
}
# Who a return is about: a crew can come home on another vehicle than the one it flew up on (a visiting crew on
# the older Soyuz, a test crew on a Dragon).
_CREW_WORD = re.compile(at_word_start(word + r"\b" for word in (
    r"crew(?:s|members?)?", r"cosmonauts?", r"astronauts?", r"taikonauts?", "trio", "duo")), re.I)
_RELATIVE = re.compile(r"[\s,;(\u2013\u2014-]*(which|who|whose|that)\b", re.I)
_SPECIFIC = (MentionKind.NAME, MentionKind.CREW, MentionKind.EXPEDITION)
_SAME_VEHICLE = re.compile(r"\b(?:is|was|as|becomes|became|remains)\Z", re.I)
_OTHER_VEHICLE = re.compile(r"\b(?:a|an|another)[ \t]{1,3}(?:[\w-]{1,20}[ \t]{1,3}){0,3}?"
                            r"(?:ship|spaceship|spacecraft|capsule|freighter|cargo[ \t]craft|space[ \t]?plane)\b", re.I)


@quick_init
@dataclass(frozen=True)
class Link:
    mission: Mission | None
    prop: Property | None
    how: str                          # why this mission, for the finding's message and details
    cue: str | None = None            # the words that gave the property
    doubts: tuple[str, ...] = ()      # why the link is not certain: enough to support, not to contradict
    mention: str | None = None        # the mission mention as written
    why: str | None = None            # "same clause", "sentence", "paragraph", "family word", ...
    clause: str | None = None         # the claim's clause as written
    modality: Modality = Modality.ASSERTION
    kind: str | None = None           # what the figure is ("docking time", "dry cargo", ...)
    bounds: tuple[int, int] = (0, 0)  # the clause's start and end in the prose
    by: MentionKind | None = None     # what kind of mention tied the claim to the mission (a name, a person...)

    @property
    def weak(self) -> bool:
        return bool(self.doubts)

    def details(self) -> dict[str, Any]:
        return {"mission": self.mission.id if self.mission else None, "property": self.prop and str(self.prop),
                "how": self.how, "cue": self.cue, "weak": self.weak, "doubts": list(self.doubts),
                "mention": self.mention, "why": self.why, "clause": self.clause, "modality": str(self.modality),
                "kind": self.kind}


@dataclass(frozen=True, eq=False)
class StoreIndex:
    """What linking needs from a store that is not a lookup by id, built once per store."""

    failed: dict[str | None, tuple[Mission, ...]]  # failed launches by destination, in launch order
    # How many records of one family give a mass of one kind the same value: GCAT fills in a nominal figure
    # when a flight's manifest is not known (Progress MS-26, -27 and -28 all "2,518 kg" of up cargo).
    alike: dict[tuple[str, str, float], int]

    def sharing(self, mission: Mission, kind: str, value: float) -> int:
        """How many records of `mission`'s family give this mass kind this value (1: only its own)."""
        return self.alike.get((mission.family.lower(), kind, value), 1)


@lru_cache(maxsize=4)
def store_index(store: MissionStore) -> StoreIndex:
    failed: dict[str | None, list[Mission]] = defaultdict(list)
    alike: dict[tuple[str, str, float], int] = defaultdict(int)
    for m in store.missions():
        if m.launch and m.launch.outcome == "failure":
            failed[m.destination].append(m)
        for mass in m.masses:
            alike[m.family.lower(), mass.kind, float(mass.value)] += 1
    for group in failed.values():
        group.sort(key=lambda m: m.launch.time if m.launch else datetime.max.replace(tzinfo=UTC))
    return StoreIndex({k: tuple(v) for k, v in failed.items()}, dict(alike))


Cue = tuple[int, int, Property, str]  # start, end, the property it cues, the words as written


@dataclass(eq=False)
class _Words:
    """One sentence's cues (in text order), clause cuts and not-event words, and its cues by claim kind."""

    prose: str
    cues: list[Cue]
    cuts: list[int]
    not_event: list[tuple[int, str]]
    not_event_starts: list[int]
    by_kind: dict[str, tuple[list[int], list[Cue]]]

    @classmethod
    def scan(cls, prose: str, start: int, end: int) -> _Words:
        cues: list[Cue] = [(m.start(), m.end(), _CUE_KIND[m.lastgroup], m.group(0))  # type: ignore[index]
                           for m in _CUE.finditer(prose, start, end)]
        cue_starts = {c[0] for c in cues}
        cuts = sorted([m.start() for m in _CLAUSE.finditer(prose, start, end)]
                      + [m.start() for m in _COMMA.finditer(prose, start, end) if m.end() in cue_starts])
        not_event = [(m.start(), m.group(0)) for m in _NOT_EVENT.finditer(prose, start, end)]
        return cls(prose, cues, cuts, not_event, [n[0] for n in not_event], {})

    def for_kind(self, kind: str) -> tuple[list[int], list[Cue]]:
        """The cues a claim of `kind` can be checked against (as that kind reads them), and their starts."""
        found = self.by_kind.get(kind)
        if found is None:
            allowed = FOR_KIND[kind]
            cues = [c for c in ((s, e, _for_claim(base, kind), text) for s, e, base, text in self.cues)
                    if c[2] in allowed and not (kind in ("date", "time") and _not_a_verb(self.prose, c[0], c[3]))]
            found = self.by_kind[kind] = ([c[0] for c in cues], cues)
        return found


class Linker:
    """Links claims in one document; built by the reference check from the mission mentions and the store.

    Paragraph starts and mention resolutions are computed once per document, cues and clause cuts once per
    sentence that holds a claim, and each claim looks only at a bounded window around it, so a megabyte draft
    costs time in proportion to its size.
    """

    WINDOW = 400  # characters either side of a claim where its mission and verb may be

    def __init__(self, doc: Document, mentions: tuple[MissionMention, ...], store: MissionStore,
                 claims: tuple[Span, ...] = (), dates: tuple[Span, ...] = ()) -> None:
        self.doc, self.store = doc, store
        # The date and time claims' spans in text order (for a noun cue a date in front of it owns: see _owner).
        self._claim_ends = sorted((c.end, c.start) for c in claims)
        self._dates, self._date_spans = [d.start for d in dates], dates  # calendar dates, in text order
        self.index = store_index(store)
        kinds = (MentionKind.SITE, MentionKind.PAD)
        self.mentions = tuple(m for m in mentions if m.kind not in kinds)
        self._starts = [m.span.start for m in self.mentions]
        resolved, self._family_doubt = self._resolve_all()
        # Each mention's mission by the mention's identity: a Span's hash is Python code, and the linker looks
        # a mention up several times per claim (the same values: a span's last resolution, as before).
        self._res: dict[int, Mission | None] = {id(m): resolved[m.span] for m in self.mentions}
        self._named_between: dict[tuple[int, int], bool] = {}
        self._modalities: dict[tuple[int, int], Modality] = {}
        self._targets: dict[int, bool] = {}  # mention id -> whether it is what a vehicle docks to (_target)
        # The cues, clause cuts and not-event words of each sentence a claim is in, scanned on its first claim
        # (none of these patterns reaches across a sentence's end, so a sentence's scan finds what a scan of
        # the whole prose finds there): sentences without claims are not scanned at all.
        self._words: dict[int, _Words] = {}
        self._last: tuple[int, int, _Words] | None = None
        self._paras = [0] + [m.end() for m in _PARAGRAPH.finditer(doc.prose)]

    def link(self, span: Span, kind: str) -> Link:
        start, end = self._sentence(span)
        clause = self._clause(span, start, end)
        prop, cue, doubts = self.property_for(span, kind, clause, (start, end))
        mission, how, tied, why, mission_doubts = self.mission_for(span, clause, (start, end))
        mention = tied.text if tied is not None else None
        doubts += mission_doubts
        if mission is not None and why != "same clause" and (rel := self._relative(clause, mention)):
            doubts += (f"the claim is in a clause opened by {rel!r}, about what comes just before it, "
                       "and the mission is named outside that clause",)
        if mission is not None and why != "same clause" and (other := self._other_vehicle(span, start, mention)):
            doubts += (f"{other!r} comes between the mission's name and the claim: the claim may be about that "
                       "vehicle",)
        if (prop is Property.LANDING and why == "paragraph"
                and (crew := _CREW_WORD.search(self.doc.prose, clause[0], clause[1])) is not None):
            doubts += (f"the clause is about the return of the {crew.group(0)} and the vehicle is named only in an "
                       "earlier sentence: a crew does not always come home on the vehicle it flew up on",)
        if prop is not None and prop.value in _PORT_EVENTS and (moved := self._relocation(start, end)):
            doubts += (f"the paragraph tells of a move to another port ({moved!r}): the event may be "
                       "that relocation's, not the arrival or departure",)
        if kind == "site" and prop is not None and (verb := self._verb_before_site(span, clause)) is not None:
            doubts += (f"the site follows {verb!r}, which says who or what is there, not where a launch was",)
        modality = self._modality(span, clause)
        if modality is Modality.PAST_PLAN:
            doubts += ("the clause speaks of a former plan",)
        if prop is Property.ABORT and mission is not None:
            mission, how = self._failed_launch(mission, how)
        return Link(mission, prop, how, cue, doubts, mention, why, self.doc.text[clause[0]:clause[1]].strip(),
                    modality, str(prop) if prop else None, clause, tied.kind if tied is not None else None)

    def mission_for(self, span: Span, clause: tuple[int, int], sentence: tuple[int, int] | None = None
                    ) -> tuple[Mission | None, str, MissionMention | None, str | None, tuple[str, ...]]:
        start, end = sentence or self._sentence(span)
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        here = self.mentions[lo:hi]
        in_clause = [m for m in here if clause[0] <= m.span.start < clause[1]]
        before = [m for m in in_clause if m.span.end <= span.start]
        after = [m for m in in_clause if m.span.start >= span.end]
        named = self._named_between.get((lo, hi))
        if named is None:  # a sentence's claims share it
            named = self._named_between[lo, hi] = any(
                m.kind is MentionKind.NAME and self._res[id(m)] is not None for m in here)
        for m in [*reversed(before), *after]:
            if m.kind is MentionKind.PERSON and named:
                continue  # "Gerst grappled it": a flight named in the sentence beats a crew member's name
            if self._target(m):
                continue  # "docked to the Poisk module": the module is where it docked, not the flight
            if m.kind is MentionKind.OTHER:
                return None, f"the clause names {m.text!r}, a flight the records do not hold", m, "same clause", ()
            if m.kind is MentionKind.FAMILY and self._res[id(m)] is None:
                return None, f"the clause names a {m.text} the document does not identify", m, "same clause", ()
            if (found := self._res[id(m)]) is not None:
                return found, f"{m.kind} {m.text!r} in the clause", m, "same clause", self._doubts(m, here, found)
        inside = [m for m in here if m.span.end <= span.start]
        later = [m for m in here if m.span.start >= span.end]
        for m in [*reversed(inside), *later]:
            if m.kind is MentionKind.PERSON and named:
                continue
            if self._target(m):
                continue
            if m.kind is MentionKind.OTHER:
                return None, f"the sentence names {m.text!r}, a flight the records do not hold", m, "sentence", ()
            if m.kind is MentionKind.FAMILY and self._res[id(m)] is None:
                return None, f"the sentence names a {m.text} the document does not identify", m, "sentence", ()
            if (found := self._res[id(m)]) is not None:
                doubts = self._doubts(m, here, found)
                if any(n.kind is MentionKind.OTHER or (self._res[id(n)] not in (None, found))
                       or (n.kind is MentionKind.FAMILY and self._res[id(n)] is None) for n in here):
                    doubts += ("the sentence names more than one flight, and none in the claim's clause",)
                return found, f"{m.kind} {m.text!r} in the sentence", m, "sentence", doubts
        para = self._paras[bisect.bisect_right(self._paras, start) - 1]
        earlier = self.mentions[bisect.bisect_left(self._starts, para):lo][-20:]
        for m in reversed(earlier):
            if m.kind is MentionKind.OTHER:
                return None, f"{m.text!r} earlier in the paragraph, a flight the records do not hold", m, \
                    "paragraph", ()
            if (found := self._res[id(m)]) is not None:
                doubts = self._doubts(m, (m,), found)
                if any(self._res[id(n)] is not found for n in earlier) or here:
                    doubts += ("the mission is named only earlier in the paragraph, with other flights",)
                return found, f"{m.kind} {m.text!r} earlier in the paragraph", m, "paragraph", doubts
        return None, "no mission named in the sentence or paragraph", None, None, ()

    def _doubts(self, m: MissionMention, sentence: tuple[MissionMention, ...], mission: Mission) -> tuple[str, ...]:
        """One astronaut named near a date does not make it their flight's date ("Gerst filmed the launch on
        Nov. 16"); two or more of one crew ("Gerst, Auñón-Chancellor and Prokopyev arrived") do. A family word
        is certain only when the document names one flight of that family."""
        if m.kind is MentionKind.PERSON:
            crew = {n.key for n in sentence if n.kind is MentionKind.PERSON and self._res[id(n)] is mission}
            return ("only one crew member's name ties the claim to it",) if len(crew) < 2 else ()
        if m.kind is MentionKind.FAMILY and m.span in self._family_doubt:
            return (f"the family word {m.text!r} could mean more than one flight the document names",)
        return ()

    def property_for(self, span: Span, kind: str, clause: tuple[int, int] | None = None,
                     sentence: tuple[int, int] | None = None) -> tuple[Property | None, str | None, tuple[str, ...]]:
        start, end = sentence or self._sentence(span)
        clause = clause or self._clause(span, start, end)
        starts, for_kind = self._words_at(span.start).for_kind(kind)
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        cues = [c for c in for_kind[lo:hi] if not span.start <= c[0] < span.end]
        if kind in ("date", "time") and (other := self._not_event_word(span, clause)):
            return None, other, ()
        if not cues:
            return None, None, ()
        in_clause = [c for c in cues if clause[0] <= c[0] < clause[1]]
        before = [c for c in in_clause if c[1] <= span.start]
        doubts: tuple[str, ...] = ()
        if before:
            pick = before[-1]
            if kind == "date" and (other := self._date_between(pick[1], span.start)) is not None:
                # "the Soyuz that launched the crew in September 2022 sprang a leak on December 14": the verb
                # has its date already; the claim's own verb is none of the cues
                doubts = (f"the verb {pick[3]!r} has its own date before this one ({other!r})",)
        elif in_clause:
            pick = in_clause[0]
        else:
            pick = min(cues, key=lambda c: min(abs(c[0] - span.end), abs(span.start - c[1])))
            doubts = (f"the verb {pick[3]!r} is in another clause",)
        if (owner := self._owner(pick, span)) is not None:
            doubts += (f"{pick[3]!r} is the event of {owner!r}, the date or time written in front of it",)
        if pick[2] is Property.LAUNCH and any(c[2] is Property.ABORT and self._abort_refers_back(c, span, clause, end)
                                              for c in cues):
            return Property.ABORT, pick[3], doubts  # "an Oct. 11 launch, but that flight aborted": the failed launch
        if pick[2] is Property.VAGUE:
            return None, pick[3], doubts  # a vague verb nearest the claim: say unverified rather than borrow another
        return pick[2], pick[3], doubts

    def _other_vehicle(self, span: Span, start: int, mention: str | None) -> str | None:
        """A vehicle introduced as new ("a SpaceX cargo ship", "another capsule") before the claim in its sentence
        and after the mission's name: "The Progress docking came a day after a SpaceX cargo ship, launched from
        Cape Canaveral, was captured" (Cape Canaveral is that ship's site, not the Progress's)."""
        prose = self.doc.prose
        lo = max(start, span.start - 160)
        found = None
        for m in _OTHER_VEHICLE.finditer(prose, lo, span.start):
            found = m
        if found is None or (mention and mention in prose[found.end():span.start]):
            return None
        lead = prose[lo:found.start()].rstrip(" \t,(\u2013\u2014-")
        if (mention and lead.endswith(mention)) or _SAME_VEHICLE.search(lead):
            return None  # "Progress MS-10, a Russian cargo ship, ...", "Soyuz MS-11 is a spacecraft that ...": itself
        return found.group(0)

    def _date_between(self, start: int, end: int) -> str | None:
        """The text of a calendar date written between `start` and `end`, if any."""
        i = bisect.bisect_left(self._dates, start)
        if i < len(self._dates) and self._dates[i] < end:
            at = self._date_spans[i]
            return self.doc.prose[at.start:at.end]
        return None

    def _owner(self, cue: tuple, span: Span) -> str | None:
        """Another claim a cue is the noun of: a date or time written right in front of it after a determiner
        ("following its Dec. 5, 2018, launch", "the Nov. 16 docking"). That cue tells that claim's event, not
        this one's ("... the capsule made it to its hold point at 11:00 UTC Dec. 8" is no launch time)."""
        at = bisect.bisect_right(self._claim_ends, (cue[0], len(self.doc.text)))
        if at == 0:
            return None
        end, start = self._claim_ends[at - 1]
        prose = self.doc.prose
        if (start, end) == (span.start, span.end) or not _ATTRIBUTIVE_GAP.fullmatch(prose, end, cue[0]):
            return None
        if _DETERMINER_BEFORE.search(prose, max(0, start - 12), start) is None:
            return None
        return self.doc.text[start:end]

    def _words_at(self, offset: int) -> _Words:
        """The scanned words of the sentence holding `offset`."""
        last = self._last
        if last is not None and last[0] <= offset < last[1]:
            return last[2]
        start, end = sentence_bounds(self.doc, offset)
        words = self._words.get(start)
        if words is None:
            words = self._words[start] = _Words.scan(self.doc.prose, start, end)
        self._last = (start, end, words)
        return words

    def _verb_before_site(self, span: Span, clause: tuple[int, int]) -> str | None:
        """The verb nearest before a site in its clause when it is not a launch's ("arrived at the Kennedy Space
        Center ahead of their launch": where the crew is, not where it launched from)."""
        before = [c for c in self._words_at(span.start).cues if clause[0] <= c[0] and c[1] <= span.start]
        if before and before[-1][2] not in (Property.LAUNCH, Property.ABORT):
            return before[-1][3]
        return None

    def _relative(self, clause: tuple[int, int], mention: str | None) -> str | None:
        """The relative pronoun opening the clause ("the Tianhe module, which launched in April 2021": about the
        noun before it), unless that noun is the mission's own mention ("Shenzhou 14, which launched ...")."""
        prose = self.doc.prose
        rel = _RELATIVE.match(prose, clause[0], clause[1])
        if rel is None or (mention and prose[max(0, clause[0] - 80):clause[0]].rstrip(" ,;(\u2013\u2014-")
                                                  .endswith(mention)):
            return None
        return rel.group(1)

    def _target(self, m: MissionMention) -> bool:
        """Whether a mention is what a vehicle docks to or leaves ("docked to the Poisk module"), looked for
        in at most 80 characters before it; once per mention (a sentence's claims ask about the same ones)."""
        found = self._targets.get(id(m))
        if found is None:
            found = self._targets[id(m)] = _TARGET_BEFORE.search(
                self.doc.prose, max(0, m.span.start - 80), m.span.start) is not None
        return found

    def _relocation(self, start: int, end: int) -> str | None:
        """A relocation's words in the claim's sentence or the paragraph before it (at most RELOCATION_BEFORE
        characters back, so a paragraph of many claims stays linear)."""
        para = self._paras[bisect.bisect_right(self._paras, start) - 1]
        found = _RELOCATION.search(self.doc.prose, max(para, start - RELOCATION_BEFORE), end)
        return found.group(0) if found else None

    def _not_event_word(self, span: Span, clause: tuple[int, int]) -> str | None:
        words = self._words_at(span.start)
        lo = bisect.bisect_left(words.not_event_starts, clause[0])
        hi = bisect.bisect_left(words.not_event_starts, min(clause[1], span.end + 40))
        for at, word in words.not_event[lo:hi]:
            if not span.start <= at < span.end:
                return word
        return None

    def _modality(self, span: Span, clause: tuple[int, int]) -> Modality:
        prose = self.doc.prose
        if _PLAN_AFTER.match(prose, span.end):
            return Modality.PAST_PLAN
        found = self._modalities.get(clause)
        if found is None:  # the clause's words alone: its claims share them
            found = self._modalities[clause] = (
                Modality.PAST_PLAN if _PAST_PLAN.search(prose, clause[0], clause[1])
                else Modality.PLAN if _PLAN.search(prose, clause[0], clause[1]) else Modality.ASSERTION)
        return found

    def _abort_refers_back(self, cue: tuple, span: Span, clause: tuple[int, int], end: int) -> bool:
        """An abort cue speaks of this claim's launch when it is in the claim's clause, or comes after it in a
        clause with no figure of its own ("..., but that flight aborted")."""
        if clause[0] <= cue[0] < clause[1]:
            return True
        if cue[0] < span.end:
            return False
        own = self._clause(Span(cue[0], cue[1]), span.end, end)
        return not any(ch.isdigit() for ch in self.doc.prose[own[0]:own[1]])

    def _sentence(self, span: Span) -> tuple[int, int]:
        start, end = sentence_bounds(self.doc, span.start)
        return max(start, span.start - self.WINDOW), min(end, span.end + self.WINDOW)

    def _clause(self, span: Span, start: int, end: int) -> tuple[int, int]:
        cuts = self._words_at(span.start).cuts
        i = bisect.bisect_right(cuts, span.start)
        lo = cuts[i - 1] if i and cuts[i - 1] >= start else start
        j = bisect.bisect_left(cuts, span.end)
        hi = cuts[j] if j < len(cuts) and cuts[j] < end else end
        return lo, hi

    def _resolve_all(self) -> tuple[dict[Span, Mission | None], set[Span]]:
        """Each mention's mission; a family word takes the last mission of that family named before it, and is
        in doubt when the document names (or designates) more than one flight of that family."""
        last_of_family: dict[str, Mission] = {}
        named: dict[str, set[str]] = defaultdict(set)
        out: dict[Span, Mission | None] = {}
        families: list[MissionMention] = []
        for m in self.mentions:
            if m.kind is MentionKind.FAMILY:
                out[m.span] = last_of_family.get(m.text.lower())
                families.append(m)
                continue
            if m.kind is MentionKind.OTHER:
                named[m.key.split()[0]].add(m.key)
                out[m.span] = None
                continue
            mission = self.store.get(m.missions[0]) if len(m.missions) == 1 else self._flying(m)
            out[m.span] = mission
            if mission is not None and m.kind is MentionKind.NAME:
                last_of_family[mission.family.lower()] = mission
                named[mission.family.lower()].add(mission.id)
        doubtful = {m.span for m in families if len(named.get(m.text.lower(), ())) > 1}
        return out, doubtful

    def _flying(self, m: MissionMention) -> Mission | None:
        """A person who flew several times ("Gerst's team"): the one flight they were on at the publication date,
        else the one they came back from within JUST_BACK of it (a piece written days after a landing is about
        that flight, not one four years later), else their next flight (a preview); none when that is not one
        flight (never a guess)."""
        when = self.doc.published
        if when is None or m.kind not in (MentionKind.PERSON, MentionKind.CREW):
            return None
        flying: list[Mission] = []
        later: list[tuple[int, Mission]] = []
        ended: list[tuple[int, Mission]] = []
        for mission in filter(None, (self.store.get(i) for i in m.missions)):
            if mission.launch is None:
                return None
            end = next((e.time for e in mission.events if e.kind in ("landing", "reentry")), None)
            start = mission.launch.time.date()
            if start <= when and (end is None or end.date() >= when):
                flying.append(mission)
            elif start > when:
                later.append(((start - when).days, mission))
            elif end is not None:
                ended.append(((when - end.date()).days, mission))
        if flying:
            return flying[0] if len(flying) == 1 else None
        last = min(ended, key=lambda x: x[0], default=None)
        if last is not None and last[0] <= JUST_BACK.days:
            return last[1]
        return min(later, key=lambda x: x[0])[1] if later else None

    def _failed_launch(self, mission: Mission, how: str) -> tuple[Mission | None, str]:
        """The aborted flight a sentence about `mission` means: itself if its launch failed, else the one
        failed launch bound for the same station while `mission` was there."""
        if mission.launch and mission.launch.outcome == "failure":
            return mission, how
        arrived = next((e.time for e in mission.events if e.kind in ("docking", "berthing", "grapple")), None)
        left = next((e.time for e in mission.events if e.kind in ("undocking", "landing")), None)
        if arrived is None:
            return None, f"{how}; no record of its stay to find the aborted flight in"
        left = left or datetime.max.replace(tzinfo=UTC)
        failed = [m for m in self.index.failed.get(mission.destination, ())
                  if m.launch and arrived <= m.launch.time <= left]
        if len(failed) != 1:
            return None, f"{how}; {len(failed)} failed launches during its stay"
        return failed[0], f"{how}: the failed launch during {mission.name}'s stay"


def _for_claim(prop: Property, kind: str) -> Property:
    if prop is Property.CARGO and kind in ("date", "time"):
        return Property.ARRIVAL  # "delivered ... to the station Nov. 18": the day it arrived
    return prop
