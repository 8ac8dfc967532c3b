"""Link a claim (a date, a clock time, a quantity, a site) to the mission it is about and the property its verb
implies ("launched Nov. 16" -> launch time; "delivered 2,564 kg" -> up-cargo mass).

Which mission: the mission mention nearest before the claim in its sentence (else the nearest after it),
else the last mission named earlier in the paragraph; otherwise none, and the check says unverified. A bare
family word ("the Progress launch") means the last mission of that family named earlier in the document; a
crew ("Gerst's crew") or person means the one flight in the records that person flew; "the Expedition 58
crew" the flight carrying that expedition. Anything that stays ambiguous links to nothing.

Which property: the cue nearest before the claim in its clause (clauses split at "after", "before",
"while", "but", "which", "where", dashes and semicolons), else the nearest cue in its sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from ...extract.dates import sentence_bounds
from ...extract.missions import MentionKind, MissionMention
from ...model import Span
from ...records.store import Mission, MissionStore
from ...text import Document


class Property(StrEnum):
    LAUNCH = "launch"
    ARRIVAL = "arrival"              # docking, berthing or grapple, whichever the record has
    LANDING = "landing"
    ABORT = "abort"                  # the launch time of a failed launch
    CARGO = "cargo_up"
    CARGO_DRY = "cargo_dry"          # set from the words after a mass ("1,300 kg of dry cargo")
    PROPELLANT = "propellant"
    WATER = "water"
    LAUNCH_MASS = "spacecraft_launch"
    SITE = "site"
    VAGUE = "vague"                  # "arrived" with no station named: at the station, or at the cosmodrome?


_CUES = [
    (Property.ABORT, r"abort(?:s|ed|ing)?|launch failure|failed launch|launch accident"),
    (Property.LANDING, r"land(?:s|ed|ing)?|touch(?:es|ed)? down|touchdown|splash(?:es|ed)? down|splashdown"
                       r"|return(?:s|ed|ing)? (?:home|to Earth)|(?:leave|leaves|left|leaving|head(?:s|ed)?) for home"
                       r"|(?:come|comes|came|coming) home"),
    (Property.ARRIVAL, r"dock(?:s|ed|ing)?|berth(?:s|ed|ing)?|grappl(?:e|es|ed|ing)|captur(?:e|es|ed|ing)"
                       r"|arriv(?:e|es|ed|ing|al) at (?:the )?(?:(?:international )?space )?station|arrival"
                       r"|reach(?:es|ed)? (?:the )?(?:space )?station"),
    (Property.VAGUE, r"arriv(?:e|es|ed|ing)"),
    (Property.LAUNCH, r"launch(?:es|ed|ing)?|lift(?:s|ed|ing)? off|liftoff|blast(?:s|ed|ing)? off|blastoff"
                      r"|(?:leave|leaves|left|leaving) Earth|t(?:ake|akes|ook|aking) off|rocket(?:s|ed)? (?:in)?to"),
    (Property.CARGO, r"deliver(?:s|ed|ing|y|ies)?|carr(?:y|ies|ied|ying)|haul(?:s|ed|ing)?|ferr(?:y|ies|ied|ying)"
                     r"|(?:bring|brings|brought|bringing)|(?:packed|loaded|laden) with"),
    (Property.LAUNCH_MASS, r"weigh(?:s|ed|ing)?|launch mass"),
]
_CUE = re.compile("|".join(f"(?P<c{i}>\\b(?:{rx})\\b)" for i, (_, rx) in enumerate(_CUES)), re.I)
_CLAUSE = re.compile(r"\b(?:after|before|while|but|which|who|where|whereas|although|though|until|because)\b|[;—–]"
                     r"|\s-\s", re.I)
# A date the plan once had: "originally scheduled for Dec. 20" is no claim about when it happened.
_SUPERSEDED = re.compile(r"\b(?:originally|initially|previously|first|once)[ \t]"
                         r"(?:scheduled|planned|set|slated|targeted|expected)\b"
                         r"|\b(?:had been|was to have|were to have|was supposed to|were supposed to)\b"
                         r"|\b(?:delayed|postponed|moved|pushed back|slipped) from\b", re.I)
_PARAGRAPH = re.compile(r"\n[ \t]{0,40}\n")
# Which property a claim of each kind can be checked against.
FOR_KIND = {
    "time": {Property.LAUNCH, Property.ARRIVAL, Property.LANDING, Property.ABORT, Property.VAGUE},
    "date": {Property.LAUNCH, Property.ARRIVAL, Property.LANDING, Property.ABORT, Property.VAGUE},
    "mass": {Property.CARGO, Property.CARGO_DRY, Property.PROPELLANT, Property.WATER, Property.LAUNCH_MASS},
    "site": {Property.LAUNCH, Property.ABORT},
}


@dataclass(frozen=True)
class Link:
    mission: Mission | None
    prop: Property | None
    how: str                 # why this mission, for the finding's message and details
    cue: str | None = None   # the words that gave the property
    weak: bool = False       # linked through one person's name only, or a superseded plan ("originally set
                             # for"): enough to support, not to contradict

    def details(self) -> dict[str, Any]:
        return {"mission": self.mission.id if self.mission else None, "property": self.prop and str(self.prop),
                "how": self.how, "cue": self.cue, "weak": self.weak}


class Linker:
    """Links claims in one document; built by the reference check from the mission mentions and the store.

    Cues, clause cuts, paragraph starts and mention resolutions are computed once per document, and each
    claim looks only at a bounded window around it, so a megabyte draft costs time in proportion to its size.
    """

    WINDOW = 400  # characters either side of a claim where its mission and verb may be

    def __init__(self, doc: Document, mentions: tuple[MissionMention, ...], store: MissionStore) -> None:
        self.doc, self.store = doc, store
        self.mentions = tuple(m for m in mentions if m.kind is not MentionKind.SITE)
        self._starts = [m.span.start for m in self.mentions]
        self._resolved = self._resolve_all()
        self._cues = [(m.start(), m.end(), _base_kind(m), m.group(0)) for m in _CUE.finditer(doc.prose)]
        self._cue_starts = [c[0] for c in self._cues]
        self._cuts = [m.start() for m in _CLAUSE.finditer(doc.prose)]
        self._paras = [0] + [m.end() for m in _PARAGRAPH.finditer(doc.prose)]

    def link(self, span: Span, kind: str) -> Link:
        prop, cue = self.property_for(span, kind)
        mission, how, weak = self.mission_for(span)
        start, end = self._sentence(span)
        clause = self._clause(span, start, end)
        if _SUPERSEDED.search(self.doc.prose, clause[0], clause[1]):
            weak, how = True, f"{how}; the clause speaks of a former plan"
        if prop is Property.ABORT and mission is not None:
            mission, how = self._failed_launch(mission, how)
        return Link(mission, prop, how, cue, weak)

    def mission_for(self, span: Span) -> tuple[Mission | None, str, bool]:
        start, end = self._sentence(span)
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        here = self.mentions[lo:hi]
        inside = [m for m in here if m.span.end <= span.start]
        after = [m for m in here if m.span.start >= span.end]
        for m in [*reversed(inside), *after]:
            if (found := self._resolved[m.span]) is not None:
                return found, f"{m.kind} {m.text!r} in the sentence", self._weak(m, here, found)
        para = self._paras[bisect.bisect_right(self._paras, start) - 1]
        for m in reversed(self.mentions[bisect.bisect_left(self._starts, para):lo][-20:]):
            if (found := self._resolved[m.span]) is not None:
                return found, f"{m.kind} {m.text!r} earlier in the paragraph", self._weak(m, (m,), found)
        return None, "no mission named in the sentence or paragraph", False

    def _weak(self, m: MissionMention, sentence: tuple[MissionMention, ...], mission: Mission) -> bool:
        """One astronaut named near a date does not make it their flight's date ("Gerst filmed the launch on
        Nov. 16"); two or more of one crew ("Gerst, Auñón-Chancellor and Prokopyev arrived") do."""
        if m.kind is not MentionKind.PERSON:
            return False
        crew = {n.key for n in sentence if n.kind is MentionKind.PERSON and self._resolved[n.span] is mission}
        return len(crew) < 2

    def property_for(self, span: Span, kind: str) -> tuple[Property | None, str | None]:
        start, end = self._sentence(span)
        lo = bisect.bisect_left(self._cue_starts, start)
        hi = bisect.bisect_left(self._cue_starts, end)
        cues = [(s, e, _for_claim(base, kind), text) for s, e, base, text in self._cues[lo:hi]]
        cues = [c for c in cues if c[2] in FOR_KIND[kind] and not (span.start <= c[0] < span.end)]
        if not cues:
            return None, None
        clause = self._clause(span, start, end)
        in_clause = [c for c in cues if clause[0] <= c[0] < clause[1]]
        before = [c for c in in_clause if c[1] <= span.start]
        pick = before[-1] if before else in_clause[0] if in_clause else min(
            cues, key=lambda c: min(abs(c[0] - span.end), abs(span.start - c[1])))
        if pick[2] is Property.LAUNCH and any(c[2] is Property.ABORT and self._abort_refers_back(c, span, clause, end)
                                              for c in cues):
            return Property.ABORT, pick[3]  # "an Oct. 11 launch, but that flight aborted": the failed launch
        if pick[2] is Property.VAGUE:
            return None, pick[3]  # a vague verb nearest the claim: say unverified rather than borrow another
        return pick[2], pick[3]

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
        i = bisect.bisect_right(self._cuts, span.start)
        lo = self._cuts[i - 1] if i and self._cuts[i - 1] >= start else start
        j = bisect.bisect_left(self._cuts, span.end)
        hi = self._cuts[j] if j < len(self._cuts) and self._cuts[j] < end else end
        return lo, hi

    def _resolve_all(self) -> dict[Span, Mission | None]:
        """Each mention's mission; a family word takes the last mission of that family named before it."""
        last_of_family: dict[str, Mission] = {}
        out: dict[Span, Mission | None] = {}
        for m in self.mentions:
            if m.kind is MentionKind.FAMILY:
                out[m.span] = last_of_family.get(m.text.lower())
                continue
            mission = self.store.get(m.missions[0]) if len(m.missions) == 1 else self._flying(m)
            out[m.span] = mission
            if mission is not None and m.kind is MentionKind.NAME:
                last_of_family[mission.family.lower()] = mission
        return out

    def _flying(self, m: MissionMention) -> Mission | None:
        """A person who flew several times ("Gerst's team"): the one flight they were on at the publication date,
        else their next flight after it (a preview); none when that is not one flight (never a guess)."""
        when = self.doc.published
        if when is None or m.kind not in (MentionKind.PERSON, MentionKind.CREW):
            return None
        flying, later = [], []
        for mission in filter(None, (self.store.get(i) for i in m.missions)):
            if mission.launch is None:
                return None
            end = next((e.time for e in mission.events if e.kind in ("landing", "reentry")), None)
            start = mission.launch.time.date()
            if start <= when and (end is None or end.date() >= when):
                flying.append(mission)
            elif start > when:
                later.append(mission)
        if flying:
            return flying[0] if len(flying) == 1 else None
        later.sort(key=lambda x: x.launch.time if x.launch else datetime.max.replace(tzinfo=UTC))
        return later[0] if later else None

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
        failed = [m for m in self.store.missions() if m.launch and m.launch.outcome == "failure"
                  and m.destination == mission.destination and arrived <= m.launch.time <= left]
        if len(failed) != 1:
            return None, f"{how}; {len(failed)} failed launches during its stay"
        return failed[0], f"{how}: the failed launch during {mission.name}'s stay"


def _base_kind(m: re.Match[str]) -> Property:
    return _CUES[int(m.lastgroup[1:])][0]  # type: ignore[index]


def _for_claim(prop: Property, kind: str) -> Property:
    if prop is Property.CARGO and kind in ("date", "time"):
        return Property.ARRIVAL  # "delivered ... to the station Nov. 18": the day it arrived
    return prop
