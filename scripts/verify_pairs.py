#!/usr/bin/env python3
# ruff: noqa: E501, SIM115, E702, B007, B904  -- the team labeller, kept as written so its labels stay comparable
"""Label the real pairs: recompute every label of tests/data/corpus/real_transcribed.txt and write
tests/data/corpus/real_pairs.jsonl (the team's labeller, kept in the repository).

Independent of orbitcheck (it must never import it): units by pint (numbers parsed here, not by pint),
times by zoneinfo. The transcription holds only spans, the sides as read by hand, the site and the form.

Labelling rule (same as tests/data/corpus/README.md):
  * a written number stands for +- half a unit of its last significant digit (2,564 -> +-0.5,
    16.7 -> +-0.05); an integer ending in 0 (400, 28,000, 1.1 million) for +-5 %;
  * a hedge (about, around, nearly, roughly, approximately, ~, some, almost) widens to at least +-3 %;
    "more than"/"over"/"at least"/"after" raise the upper bound to 1.25 x; "up to"/"less than"/"under"
    lower the lower bound to 0.75 x;
  * consistent when the converted interval of the first side overlaps the written interval of the other.
  * times: both sides are turned into UTC with the printed abbreviation's own offset (EST = UTC-5 even in
    July: that is what dst_mismatch flags); place phrases ("Moscow time", "local time" at Baikonur, "ET")
    use the place's real zone on date_context. Consistent when equal to the minute (a side given to the
    second may differ by < 60 s from one given to the minute); a hedged side allows +-15 min.
Usage: scripts/verify_pairs.py [real_transcribed.txt] [real_pairs.jsonl]   (defaults: tests/data/corpus/)
       scripts/verify_pairs.py --check   exit 1 when the stored real_pairs.jsonl differs from a fresh labelling
"""
import json
import os
import re
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pint

U = pint.UnitRegistry()
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, os.pardir, "tests", "data", "corpus"))

# ---------------------------------------------------------------- units
PINT = {
    "lb": "pound", "kg": "kilogram", "t": "metric_ton", "short_ton": "short_ton", "long_ton": "long_ton",
    "g": "gram", "oz": "ounce",
    "km": "kilometer", "mi": "mile", "ft": "foot", "m": "meter", "in": "inch", "cm": "centimeter",
    "mm": "millimeter", "yd": "yard", "nmi": "nautical_mile",
    "km2": "kilometer**2", "mi2": "mile**2", "ha": "hectare", "acre": "acre", "au": "astronomical_unit",
    "degF": "degF", "degC": "degC", "K": "kelvin", "delta_degF": "delta_degF", "delta_degC": "delta_degC",
    "lbf": "force_pound", "kN": "kilonewton", "MN": "meganewton", "N": "newton", "kgf": "kilogram_force",
    "tonne_force": "force_metric_ton", "short_ton_force": "force_ton",
    "mph": "mile/hour", "km/h": "kilometer/hour", "km/s": "kilometer/second", "mi/s": "mile/second",
    "m/s": "meter/second", "knot": "knot", "ft/s": "foot/second",
    "gal": "gallon", "L": "liter", "m3": "meter**3", "ft3": "foot**3",
    "ly": "light_year", "m2": "meter**2", "ft2": "foot**2", "MPa": "megapascal", "kg/m3": "kilogram/meter**3", "lb/ft3": "pound/foot**3", "psi": "psi", "kPa": "kilopascal", "bar": "bar", "hp": "horsepower", "kW": "kilowatt",
}
# "ton"/"ton_force" as printed ("tons") is ambiguous: short and metric readings are both tried.
AMBIG = {"ton": ("short_ton", "t"), "ton_force": ("short_ton_force", "tonne_force")}
HEDGE2 = {"about", "around", "nearly", "roughly", "approximately", "~", "some", "almost", "approx", "circa",
          "round", "just", "estimated", "etwa", "environ", "cerca", "aproximadamente", "near"}
UPPER = {"more_than", "over", "at_least", "after", "above", "exceed", "exceeding", "greater_than"}
LOWER = {"up_to", "less_than", "under", "below", "as_low_as", "before"}
SUFFIX = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


def parse_num(s):
    """'5652' / '-1.1M' / '0.25' -> (value, half-width of the written precision, is_round)."""
    m = re.fullmatch(r"([+-]?)(\d+)(?:\.(\d+))?([KMBT]?)", s)
    if not m:
        raise ValueError(f"bad number {s!r}")
    sign = -1 if m.group(1) == "-" else 1
    ip, fp, suf = m.group(2), m.group(3) or "", m.group(4)
    mult = SUFFIX.get(suf, 1)
    v = sign * float(ip + ("." + fp if fp else "")) * mult
    half = 0.5 * 10 ** (-len(fp)) * mult
    full = round(abs(v))
    is_round = abs(abs(v) - full) < 1e-9 and full != 0 and full % 10 == 0
    return v, half, is_round


def strict_half(v, half, is_round):
    """half a unit of the last non-zero digit (400 -> 50, 48,280 -> 5): the strict reading."""
    if not is_round:
        return half
    n, z = int(round(abs(v))), 0
    while n and n % 10 == 0:
        n //= 10
        z += 1
    return 0.5 * 10 ** z


def interval(v, half, is_round, hedges, strict=False):
    if strict:
        half, is_round = strict_half(v, half, is_round), False
    lo, hi = v - half, v + half
    rel = 0.0
    if is_round:
        rel = 0.05
    if hedges & HEDGE2:
        rel = max(rel, 0.03)
    if rel:
        lo, hi = min(lo, v - abs(v) * rel), max(hi, v + abs(v) * rel)
    if hedges & UPPER:
        hi = max(hi, v + abs(v) * 0.25)
    if hedges & LOWER:
        lo = min(lo, v - abs(v) * 0.25)
    return lo, hi


def conv(x, u1, u2):
    return U.Quantity(x, PINT[u1]).to(PINT[u2]).magnitude


def g(x):
    return f"{x:.4g}"


def check_units(a, b, strict=False):
    """a, b: dicts with value/unit/_num/hedge. Returns (ok, why, gap_rel)."""
    va, ha, ra = a["_num"]
    vb, hb, rb = b["_num"]
    alo, ahi = interval(va, ha, ra, a["_hedges"], strict)
    blo, bhi = interval(vb, hb, rb, b["_hedges"], strict)
    c = conv(va, a["unit"], b["unit"])
    cl, ch = sorted((conv(alo, a["unit"], b["unit"]), conv(ahi, a["unit"], b["unit"])))
    ok = cl <= bhi and blo <= ch
    why = (f"{g(va)} {a['unit']} = {g(c)} {b['unit']} (a-interval -> [{g(cl)}, {g(ch)}]; "
           f"written {g(vb)} -> [{g(blo)}, {g(bhi)}])")
    gap = 0.0 if ok else min(abs(blo - ch), abs(cl - bhi)) / max(abs(c), 1e-9)
    return ok, why, gap


# ---------------------------------------------------------------- times
FIXED = {"UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
         "MDT": -6, "PST": -8, "PDT": -7, "HST": -10, "AKST": -9, "AKDT": -8, "BST": 1, "IST": 5.5,
         "CET": 1, "CEST": 2, "WET": 0, "WEST": 1, "EET": 2, "EEST": 3, "JST": 9, "KST": 9, "HKT": 8,
         "SGT": 8, "AWST": 8, "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
         "GST": 4, "GFT": -3, "PKT": 5, "WIB": 7, "PHT": 8, "SAST": 2, "WAT": 1, "EAT": 3, "BRT": -3, "ART": -3}
# the region each seasonal abbreviation belongs to, and which one is right on a date
SEASONAL = {"EST": ("America/New_York", "EST", "EDT"), "EDT": ("America/New_York", "EST", "EDT"),
            "CST": ("America/Chicago", "CST", "CDT"), "CDT": ("America/Chicago", "CST", "CDT"),
            "MST": ("America/Denver", "MST", "MDT"), "MDT": ("America/Denver", "MST", "MDT"),
            "PST": ("America/Los_Angeles", "PST", "PDT"), "PDT": ("America/Los_Angeles", "PST", "PDT"),
            "BST": ("Europe/London", "GMT", "BST"),
            "CET": ("Europe/Berlin", "CET", "CEST"), "CEST": ("Europe/Berlin", "CET", "CEST"),
            "AEST": ("Australia/Sydney", "AEST", "AEDT"), "AEDT": ("Australia/Sydney", "AEST", "AEDT"),
            "NZST": ("Pacific/Auckland", "NZST", "NZDT"), "NZDT": ("Pacific/Auckland", "NZST", "NZDT")}
# zone named by a phrase/place: tz key, and the abbreviation written to a/b (None: keep the place name)
PLACE = {"ET": ("America/New_York", "US_E"), "CT": ("America/Chicago", "US_C"),
         "MT": ("America/Denver", "US_M"), "PT": ("America/Los_Angeles", "US_P"),
         "UK": ("Europe/London", "UK"), "MSK": ("Europe/Moscow", None), "KOUROU": ("America/Cayenne", None),
         "BEIJING": ("Asia/Shanghai", None), "PARIS": ("Europe/Paris", None),
         "BRUSSELS": ("Europe/Brussels", None), "BERLIN": ("Europe/Berlin", None),
         "MADRID": ("Europe/Madrid", None), "ROME": ("Europe/Rome", None), "ATHENS": ("Europe/Athens", None),
         "TOKYO": ("Asia/Tokyo", None), "INDIA": ("Asia/Kolkata", None), "KAZAKHSTAN": ("Asia/Almaty", None),
         "SYDNEY": ("Australia/Sydney", None), "NZ": ("Pacific/Auckland", "NZ"),
         "VOSTOCHNY": ("Asia/Yakutsk", None), "THAILAND": ("Asia/Bangkok", None),
         "HOUSTON": ("America/Chicago", "US_C"), "FLORIDA": ("America/New_York", "US_E"),
         "UAE": ("Asia/Dubai", None), "SEOUL": ("Asia/Seoul", None), "MANILA": ("Asia/Manila", None),
         "JAKARTA": ("Asia/Jakarta", None), "PAKISTAN": ("Asia/Karachi", None), "LISBON": ("Europe/Lisbon", None),
         "ISRAEL": ("Asia/Jerusalem", None), "HAWAII": ("Pacific/Honolulu", None),
         "NIGERIA": ("Africa/Lagos", None), "KENYA": ("Africa/Nairobi", None),
         "SOUTH_AFRICA": ("Africa/Johannesburg", None), "BRAZIL": ("America/Sao_Paulo", None),
         "MEXICO": ("America/Mexico_City", None), "MAZATLAN": ("America/Mazatlan", None), "CANARIAS": ("Atlantic/Canary", None), "PERTH": ("Australia/Perth", None),
         "IRELAND": ("Europe/Dublin", None), "ADELAIDE": ("Australia/Adelaide", None)}
# words that name a zone inside a span; a side whose zone is not named in the span was resolved from
# the article's context (e.g. "local time" at Baikonur), so a context-free checker may differ: borderline
NAMED = {"BAIKONUR": ("baikonur", "kazakh"), "KAZAKHSTAN": ("kazakh",), "KOUROU": ("kourou", "guiana", "guyane"),
         "ET": ("et", "eastern", "edt", "est", "new york"), "MSK": ("moscow", "msk"), "BEIJING": ("beijing",),
         "JST": ("jst", "japan"), "ADELAIDE": ("australia",), "TOKYO": ("japan",), "HAWAII": ("hawaii",),
         "PARIS": ("paris",), "BRUSSELS": ("belge", "belgian", "brussels"), "IRELAND": ("irish", "ireland"),
         "UK": ("uk", "british", "bst")}
GENERIC_NAME = {"US_E": ("EST", "EDT"), "US_C": ("CST", "CDT"), "US_M": ("MST", "MDT"),
                "US_P": ("PST", "PDT"), "UK": ("GMT", "BST"), "NZ": ("NZST", "NZDT")}


def baikonur_offset(d):
    # Baikonur kept UTC+6 (no DST) until Kyzylorda region moved to UTC+5 on 2018-12-21.
    return 6 if d < datetime(2018, 12, 21).date() else 5


def is_dst(key, d):
    dt = datetime(d.year, d.month, d.day, 12, tzinfo=ZoneInfo(key))
    return bool(dt.dst())


def offset_minutes(zone, d):
    """UTC offset in minutes for zone on date d; plus the normalised zone name."""
    if zone in FIXED:
        return round(FIXED[zone] * 60), zone
    if zone == "BAIKONUR":
        return baikonur_offset(d) * 60, zone
    if zone in PLACE:
        key, name = PLACE[zone]
        dt = datetime(d.year, d.month, d.day, 12, tzinfo=ZoneInfo(key))
        off = round(dt.utcoffset().total_seconds() / 60)
        if name in GENERIC_NAME:
            std, dst = GENERIC_NAME[name]
            return off, (dst if dt.dst() else std)
        return off, zone
    raise ValueError(f"unknown zone {zone}")


def parse_clock(s):
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?", s)
    h, mi, sec = int(m.group(1)), int(m.group(2)), m.group(3)
    return h * 3600 + mi * 60 + (float(sec) if sec else 0.0), sec is not None


def fmt_utc(sec):
    sec %= 86400
    h, r = divmod(sec, 3600)
    m, s = divmod(r, 60)
    out = f"{int(h):02d}:{int(m):02d}"
    if abs(s) > 1e-9:
        out += f":{s:04.1f}" if abs(s - round(s)) > 1e-9 else f":{int(round(s)):02d}"
    return out


def check_times(a, b, d):
    sa, a_sec = parse_clock(a["time"])
    sb, b_sec = parse_clock(b["time"])
    oa, _ = offset_minutes(a["_zone"], d)
    ob, _ = offset_minutes(b["_zone"], d)
    ua, ub = sa - oa * 60, sb - ob * 60
    diff = (ub - ua + 43200) % 86400 - 43200
    tol = 0.5
    if a_sec != b_sec:
        tol = 59.999
    if (a["_hedges"] | b["_hedges"]) & (HEDGE2 | UPPER | LOWER):
        tol = max(tol, 15 * 60)
    ok = abs(diff) <= tol
    why = f"{a['time']} {a['zone']} = {fmt_utc(ua)} UTC; {b['time']} {b['zone']} = {fmt_utc(ub)} UTC"
    if not ok:
        mins = diff / 60
        why += f"; off by {mins:+.0f} min" if abs(mins - round(mins)) < 1e-6 else f"; off by {mins:+.1f} min"
    return ok, why, diff


def dst_wrong(zone, d):
    if zone not in SEASONAL or d is None:
        return False
    key, std, dst = SEASONAL[zone]
    right = dst if is_dst(key, d) else std
    return zone != right


# ---------------------------------------------------------------- transcription
def parse_side(kind, s):
    toks = s.split()
    hedges = {t[1:] for t in toks if t.startswith("~")}
    toks = [t for t in toks if not t.startswith("~")]
    if kind == "T":
        side = {"time": None, "zone": None}
        t = toks[0]
        if len(t.split(":")[0]) == 1:
            t = "0" + t
        side["time"] = t
        side["_zone"] = toks[1]
        if len(toks) > 2:
            side["day"] = toks[2]
    else:
        side = {"value": None, "unit": toks[1]}
        side["_raw"] = toks[0]
        side["_num"] = parse_num(toks[0])
        v = side["_num"][0]
        side["value"] = int(v) if v == int(v) and abs(v) < 1e6 and "." not in toks[0] and not toks[0][-1].isalpha() else v
    side["_hedges"] = hedges
    if hedges:
        side["hedge"] = " ".join(sorted(h.replace("_", " ") for h in hedges))
    return side


def parse_date(s):
    if not s:
        return None, ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s)
    if not m:
        raise ValueError(f"bad date {s}")
    y, mo, da = int(m.group(1)), int(m.group(2) or 7), int(m.group(3) or 15)
    return datetime(y, mo, da).date(), s


def clean(side):
    return {k: v for k, v in side.items() if not k.startswith("_")}


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    src = args[0] if args else os.path.join(CORPUS, "real_transcribed.txt")
    dst = args[1] if len(args) > 1 else os.path.join(CORPUS, "real_pairs.jsonl")
    records = label(src)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if "--check" in sys.argv[1:]:
        same = os.path.exists(dst) and open(dst, encoding="utf-8").read() == text
        print(f"{dst}: {'matches' if same else 'DIFFERS from'} a fresh labelling of {src}")
        return 0 if same else 1
    with open(dst, "w", encoding="utf-8") as fh:
        fh.write(text)
    kinds = {}
    for r in records:
        kinds[(r["kind"], r["label"])] = kinds.get((r["kind"], r["label"]), 0) + 1
    print(f"{len(records)} items from {len({r['site'] for r in records})} sites -> {dst}")
    for k, v in sorted(kinds.items()):
        print(f"  {k[0]:10s} {k[1]:13s} {v}")
    return 0


def label(src):
    site, page_date, prefix = "", "", "real"
    out, n = [], 0
    for ln, line in enumerate(open(src, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@@"):
            prefix, n = re.match(r"@@ prefix=(\S+)", line).group(1), 0
            continue
        if line.startswith("@"):
            m = re.match(r"@ site=(\S+)(?: date=(\S*))?", line)
            site, page_date = m.group(1), m.group(2) or ""
            continue
        parts = [p.strip() for p in line.split(" | ")]
        kind, span = parts[0], parts[1]
        f = {}
        for p in parts[2:]:
            k, _, v = p.partition("=")
            f[k] = v
        n += 1
        rec = {"id": f"{prefix}-{n:03d}"}
        try:
            if kind == "N":
                rec.update(kind="not_a_pair", span=span, label="not_a_pair", why=f["why"])
            else:
                dstr = f.get("date", page_date)
                d, dstr = parse_date(dstr)
                k = "T" if kind == "T" else "U"
                sides = {key: parse_side(k, f[key]) for key in ("a", "b", "a2", "b2", "a3", "b3", "a4", "a5") if key in f}
                comps = [("a", "b")]
                if "a2" in sides:
                    comps.append(("a2", "b2"))
                if "a3" in sides and "b3" in sides:
                    comps.append(("a3", "b3"))
                elif "a3" in sides:
                    comps.append(("a", "a3"))
                if "a4" in sides:
                    comps.append(("a", "a4"))
                if "a5" in sides:
                    comps.append(("a", "a5"))
                whys, oks, extra = [], [], {}
                if k == "U":
                    # resolve ambiguous "tons"
                    amb = [s for s in sides.values() if s["unit"] in AMBIG]
                    if amb:
                        unit = amb[0]["unit"]
                        results = {}
                        for reading in AMBIG[unit]:
                            trial = {kk: dict(s, unit=(reading if s["unit"] == unit else s["unit"]))
                                     for kk, s in sides.items()}
                            results[reading] = (all(check_units(trial[x], trial[y])[0] for x, y in comps), trial)
                        good = [r for r, (ok, _) in results.items() if ok]
                        pick = good[0] if good else AMBIG[unit][0]
                        sides = results[pick][1]
                        extra = {"ambiguous": len(good) > 1,
                                 "ton_reading": "short" if pick.startswith("short") else "metric"}
                    gaps = []
                    for x, y in comps:
                        ok, why, gap = check_units(sides[x], sides[y])
                        oks.append(ok); whys.append(why); gaps.append(gap)
                    rec.update(kind="unit_pair", span=span)
                    for kk, s in sides.items():
                        rec[kk] = clean(s)
                    rec["label"] = "consistent" if all(oks) else "inconsistent"
                    rec["why"] = " | ".join(whys)
                    rec.update(extra)
                    if not all(oks) and max(gaps) < 0.01:
                        rec["severity"] = "minor"
                    # borderline: the verdict flips under the strict reading (round numbers exact to
                    # their last non-zero digit, no 5 % allowance)
                    strict_ok = all(check_units(sides[x], sides[y], strict=True)[0] for x, y in comps)
                    if strict_ok != all(oks):
                        rec["borderline"] = True
                else:
                    if d is None:
                        raise ValueError("time pair without date")
                    for kk, s in sides.items():
                        s["zone"] = offset_minutes(s["_zone"], d)[1]
                    diffs = []
                    for x, y in comps:
                        ok, why, diff = check_times(sides[x], sides[y], d)
                        oks.append(ok); whys.append(why); diffs.append(diff)
                    rec.update(kind="time_pair", span=span)
                    for kk, s in sides.items():
                        rec[kk] = clean(s)
                    rec["date_context"] = dstr
                    rec["label"] = "consistent" if all(oks) else "inconsistent"
                    rec["why"] = " | ".join(whys)
                    rec["dst_mismatch"] = any(dst_wrong(s["_zone"], d) for s in sides.values())
                    low = span.lower()
                    for s in sides.values():
                        z = s["_zone"]
                        words = NAMED.get(z, (z.lower(),))
                        if not any(re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", low) for w in words):
                            rec["borderline"] = True
                    hedged = any(s["_hedges"] for s in sides.values())
                    if hedged and any(d_ != 0 for d_ in diffs):
                        rec["borderline"] = True
                    if not all(oks) and max(abs(x) for x in diffs) < 30 * 60:
                        rec["severity"] = "minor"
        except Exception as e:  # noqa: BLE001
            raise SystemExit(f"{src}:{ln}: {e}: {line}")
        if "borderline" in f:
            rec["borderline"] = True
        if "dst_ok" in f:  # e.g. AEST in Queensland, which keeps standard time all year
            rec["dst_mismatch"] = False
            rec["dst_note"] = f["dst_ok"]
        rec["site"] = site
        rec["form"] = f.get("form", "plain")
        out.append(rec)
    return out


if __name__ == "__main__":
    sys.exit(main())
