"""Realistic synthetic archives: briefings in the format the loader accepts, with the
source texts their quotes come from.

    python -m benchmarks.generate --count 1000 --out /tmp/archive [--seed 1] [--jobs 2]

writes OUT/briefings/NNNNNN-<id>.yaml and OUT/sources/NNNNNN-<id>.txt. Every briefing
is drawn from its own random generator seeded by (seed, index), so the output is the
same on every run and machine, and the first 1,000 briefings of a 10,000-briefing
archive are the 1,000-briefing archive.

What a briefing holds, roughly like a real one:
- 10 to 100 counterparts, skewed low (10 + 90·u², mean 40: most visits meet a few
  dozen people, a few meet a hundred), 10 to 20 events, 5 to 25 organizations and 3
  to 12 themes, with references between them;
- names that mix Western names with diacritics (Diplé, Müller, Łukasz, Ørsted, Dvořák)
  and pinyin names (Zhang Weiming), some by surname only; aliases as sources spell
  them (Mueller, Weiming Zhang, Zhang Wei-ming, Lemingham for Le Mingham); Chinese
  characters as the original script of some pinyin names;
- quotes that really are in the source text (some wrapped differently there), titles,
  dates as precise as stated, statements, outcomes, `inferred` reasons, and, in about
  one briefing in five, YAML anchors for a passage several themes share.

The YAML is formatted by hand (plain scalars where safe, folded `>-` blocks for long
passages, JSON-style double quotes otherwise), because a generic emitter is far
slower than the loader it is meant to exercise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_SEED = 1

# --- name pools ---------------------------------------------------------------------

WESTERN_GIVEN = (
    "Łukasz",
    "Zoë",
    "Søren",
    "Björn",
    "Mátyás",
    "José",
    "François",
    "Jérôme",
    "Hélène",
    "Agnès",
    "Günther",
    "Jürgen",
    "Ingrid",
    "Åsa",
    "Ólafur",
    "Þóra",
    "Dagný",
    "Małgorzata",
    "Wojciech",
    "Zdeněk",
    "Jiří",
    "Tomáš",
    "Çağla",
    "Şebnem",
    "Íñigo",
    "Begoña",
    "Núria",
    "Anaïs",
    "Noël",
    "Chloé",
    "Renée",
    "Céline",
    "Benoît",
    "Grégoire",
    "Stéphane",
    "Frédéric",
    "Raphaël",
    "Maëlle",
    "Joël",
    "Andrés",
    "Ramón",
    "Sofía",
    "Lucía",
    "Paweł",
    "Michał",
    "Grzegorz",
    "Krzysztof",
    "Ágnes",
    "Gábor",
    "Zoltán",
    "Ștefan",
    "Dušan",
    "Miloš",
    "Željko",
    "Siobhán",
    "Seán",
    "Pádraig",
    "Philippe",
    "Anne",
    "Thomas",
    "Marie",
    "Peter",
    "Hans",
    "Klaus",
    "Sabine",
    "Laura",
    "Paolo",
    "Giulia",
    "Marco",
    "Elena",
    "Sven",
    "Lars",
    "Erik",
    "Mette",
    "Pieter",
    "Johan",
    "Sophie",
    "Claire",
    "Olivier",
    "Julien",
    "Nicolas",
    "Isabelle",
    "Catherine",
    "William",
    "James",
    "Sarah",
    "Emma",
    "Oliver",
    "David",
    "Michael",
    "Robert",
    "Hannah",
    "Lena",
    "Felix",
    "Maximilian",
    "Elias",
    "Anna",
    "Katarzyna",
    "Magnus",
    "Freya",
    "Niamh",
    "Jean-Luc",
    "Marie-Claire",
    "Hans-Peter",
    "Anne-Sophie",
    "Karl",
    "Friedrich",
    "Wolfgang",
    "Ulrike",
    "Astrid",
    "Henrik",
    "Kristian",
    "Matteo",
    "Francesca",
    "Alessandro",
    "Beatriz",
    "Gonçalo",
    "João",
    "Inês",
    "Václav",
    "Lenka",
    "Bartosz",
    "Agnieszka",
    "Marta",
    "Iryna",
    "Oleksandr",
)
WESTERN_SURNAMES = (
    "Diplé",
    "Müller",
    "Ørsted",
    "Dvořák",
    "Nováková",
    "Kowalski",
    "Wiśniewski",
    "Wójcik",
    "Lewandowski",
    "Kamiński",
    "Gonçalves",
    "Peña",
    "Núñez",
    "Ibáñez",
    "Muñoz",
    "Sánchez",
    "Fernández",
    "Jiménez",
    "López",
    "Schäfer",
    "Schröder",
    "Köhler",
    "Groß",
    "Weiß",
    "Jørgensen",
    "Sørensen",
    "Andersen",
    "Nørgaard",
    "Håkansson",
    "Åkesson",
    "Öberg",
    "Lindqvist",
    "Ström",
    "Guðmundsson",
    "Thorsteinsdóttir",
    "Lefèvre",
    "Lemaître",
    "Bérenger",
    "Chénier",
    "Dubois",
    "Girard",
    "Moreau",
    "Laurent",
    "Rousseau",
    "Mercier",
    "Fontaine",
    "Chevalier",
    "Lauver",
    "Mafaron",
    "Oberg",
    "Bianchi",
    "Ricci",
    "Esposito",
    "Rossi",
    "Romano",
    "Colombo",
    "Conti",
    "De Luca",
    "Van der Berg",
    "van Dijk",
    "de Vries",
    "Janssen",
    "Bakker",
    "Visser",
    "O'Brien",
    "O'Connor",
    "Murphy",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Wilson",
    "Evans",
    "Thompson",
    "Nagy",
    "Szabó",
    "Kovács",
    "Tóth",
    "Horváth",
    "Varga",
    "Popescu",
    "Ionescu",
    "Țurcanu",
    "Petrović",
    "Jovanović",
    "Đorđević",
    "Yılmaz",
    "Öztürk",
    "Çelik",
    "Şahin",
    "Doğan",
    "Kaya",
    "Le Mingham",
    "Lefebvre",
    "Bonnet",
    "Faure",
    "André",
    "Gauthier",
    "Perrin",
    "Morel",
    "Lambert",
    "Dupont",
    "Fournier",
    "Roux",
    "Vincent",
    "Blanc",
    "Garnier",
    "Chauvin",
    "Lévêque",
    "Beaumont",
    "Delacroix",
    "Marchetti",
    "Hoffmann",
    "Zimmermann",
    "Krüger",
    "Bergström",
    "Nyström",
    "Halvorsen",
    "Kristiansen",
    "Eriksson",
    "Virtanen",
    "Mäkinen",
    "Hämäläinen",
    "Korhonen",
    "Novák",
    "Svoboda",
    "Černý",
    "Procházka",
    "Kučera",
    "Fischer",
    "Becker",
    "Wagner",
    "Weber",
    "Meyer",
    "Schulz",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
)
PINYIN_SURNAMES = {
    "Wang": "王",
    "Li": "李",
    "Zhang": "张",
    "Liu": "刘",
    "Chen": "陈",
    "Yang": "杨",
    "Huang": "黄",
    "Zhao": "赵",
    "Wu": "吴",
    "Zhou": "周",
    "Xu": "徐",
    "Sun": "孙",
    "Ma": "马",
    "Zhu": "朱",
    "Hu": "胡",
    "Guo": "郭",
    "He": "何",
    "Gao": "高",
    "Lin": "林",
    "Luo": "罗",
    "Zheng": "郑",
    "Liang": "梁",
    "Xie": "谢",
    "Song": "宋",
    "Tang": "唐",
    "Han": "韩",
    "Feng": "冯",
    "Deng": "邓",
    "Cao": "曹",
    "Peng": "彭",
    "Zeng": "曾",
    "Xiao": "肖",
    "Tian": "田",
    "Dong": "董",
    "Yuan": "袁",
    "Pan": "潘",
    "Yu": "于",
    "Jiang": "蒋",
    "Cai": "蔡",
    "Lü": "吕",
    "Wei": "魏",
    "Su": "苏",
    "Ye": "叶",
    "Lu": "陆",
    "Ding": "丁",
    "Ren": "任",
    "Shen": "沈",
    "Yao": "姚",
    "Cui": "崔",
    "Zhong": "钟",
    "Tan": "谭",
    "Fan": "范",
    "Jin": "金",
    "Shi": "石",
    "Qian": "钱",
    "Kong": "孔",
    "Bai": "白",
    "Mao": "毛",
    "Qin": "秦",
    "Gu": "顾",
    "Hou": "侯",
    "Shao": "邵",
    "Meng": "孟",
    "Long": "龙",
    "Duan": "段",
    "Lei": "雷",
    "Qiu": "邱",
    "Du": "杜",
    "Dai": "戴",
    "Xia": "夏",
    "Fu": "傅",
    "Fang": "方",
    "Ouyang": "欧阳",
    "Sima": "司马",
}
PINYIN_GIVEN = {
    "wei": "伟",
    "ming": "明",
    "hua": "华",
    "jian": "建",
    "jun": "军",
    "li": "丽",
    "na": "娜",
    "min": "敏",
    "jing": "静",
    "xiu": "秀",
    "ying": "英",
    "hong": "红",
    "lei": "磊",
    "yang": "洋",
    "yong": "勇",
    "jie": "杰",
    "tao": "涛",
    "bin": "斌",
    "chao": "超",
    "hui": "慧",
    "qiang": "强",
    "fang": "芳",
    "yan": "燕",
    "xin": "新",
    "yu": "宇",
    "zhi": "志",
    "chang": "昌",
    "hai": "海",
    "feng": "峰",
    "ping": "平",
    "gang": "刚",
    "dong": "东",
    "bo": "博",
    "lin": "琳",
    "xiao": "晓",
    "yun": "云",
    "kai": "凯",
    "hao": "浩",
    "rui": "瑞",
    "qing": "清",
    "zhen": "震",
    "guo": "国",
    "wen": "文",
    "yi": "一",
    "peng": "鹏",
    "fei": "飞",
    "long": "龙",
    "shan": "山",
    "xue": "雪",
    "mei": "梅",
    "lan": "兰",
    "ting": "婷",
    "yue": "悦",
    "cheng": "成",
    "kang": "康",
    "ning": "宁",
    "an": "安",
    "shu": "淑",
    "zhong": "忠",
    "rong": "荣",
    "sheng": "胜",
    "tian": "天",
    "han": "涵",
    "jia": "佳",
    "zi": "子",
    "xuan": "轩",
    "hang": "航",
    "lü": "绿",
    "qi": "琪",
    "ruo": "若",
    "shao": "韶",
    "de": "德",
}
_PINYIN_GIVEN_KEYS = tuple(PINYIN_GIVEN)
_PINYIN_SURNAME_KEYS = tuple(PINYIN_SURNAMES)

CHINESE_CITIES = (
    "Nanjing",
    "Suzhou",
    "Chengdu",
    "Xi'an",
    "Wuhan",
    "Hangzhou",
    "Qingdao",
    "Xiamen",
    "Shenzhen",
    "Tianjin",
    "Chongqing",
    "Hefei",
    "Ningbo",
    "Dalian",
    "Kunming",
    "Harbin",
)
HOSTS = (
    ("France", ("Paris", "Lyon", "Strasbourg", "Besançon", "Nîmes")),
    ("Germany", ("München", "Köln", "Düsseldorf", "Frankfurt", "Lübeck")),
    ("Poland", ("Kraków", "Łódź", "Gdańsk", "Warsaw", "Poznań")),
    ("Denmark", ("København", "Aarhus", "Odense", "Aalborg")),
    ("Sweden", ("Malmö", "Göteborg", "Stockholm", "Linköping")),
    ("Norway", ("Tromsø", "Bergen", "Oslo", "Bodø")),
    ("Spain", ("Málaga", "Córdoba", "Barcelona", "A Coruña")),
    ("Czech Republic", ("Brno", "Plzeň", "Prague", "České Budějovice")),
    ("Hungary", ("Budapest", "Győr", "Pécs", "Debrecen")),
    ("Iceland", ("Reykjavík", "Akureyri")),
    ("Türkiye", ("İstanbul", "İzmir", "Ankara")),
    ("Portugal", ("Lisboa", "Porto", "Évora")),
    ("Italy", ("Milano", "Torino", "Bologna", "Napoli")),
    ("Switzerland", ("Zürich", "Genève", "Basel")),
    ("Austria", ("Wien", "Graz", "Linz")),
)
LEADER_TITLES = ("Mayor", "Party Secretary", "Vice Mayor", "Vice Governor", "Director")
COUNTERPART_TITLES = (
    "Chairman of the Board",
    "Chief Executive Officer",
    "Deputy CEO",
    "Vice President",
    "Senior Vice President of Communications and Investment Relations",
    "Executive Vice President",
    "Managing Director",
    "Head of Asia-Pacific",
    "Director of International Affairs",
    "Mayor",
    "Deputy Mayor",
    "Consul General",
    "Ambassador",
    "President",
    "Dean of the Faculty of Engineering",
    "Rector",
    "Chief Scientist",
    "Head of Research",
    "Secretary General",
    "Minister-Counsellor",
    "Head of Strategy",
    "Chief Financial Officer",
    "General Manager for China",
)
INDUSTRIES = (
    ("Automotive parts", "Automotive"),
    ("industrial software", "Systèmes"),
    ("well-known consumer brands", "Brands"),
    ("biomedicine", "Biopharma"),
    ("insurance", "Assurances"),
    ("logistics", "Logistics"),
    ("aviation", "Aéro"),
    ("renewable energy", "Energi"),
    ("semiconductors", "Microelectronics"),
    ("chemicals", "Chemie"),
    ("shipbuilding", "Shipyards"),
    ("food processing", "Foods"),
    ("telecommunications", "Telecom"),
    ("rail equipment", "Rail"),
    ("medical devices", "Medtech"),
    ("water treatment", "Aqua"),
)
THEMES = (
    "Scientific and technological innovation",
    "Strategic emerging industries",
    "Modern service industry",
    "Green development",
    "Biomedicine",
    "Insurance industry",
    "Automotive parts",
    "Industrial software",
    "Well-known consumer brands",
    "Carbon neutrality",
    "Smart cities",
    "Cultural exchange",
    "Tourism",
    "Higher education",
    "Vocational training",
    "Cross-border e-commerce",
    "Financial services",
    "Port logistics",
    "New energy vehicles",
    "Aerospace",
    "Digital economy",
    "Healthcare",
    "Food safety",
    "Sister-city relations",
    "Youth exchanges",
    "Talent attraction",
    "Intellectual property",
    "Urban renewal",
)
CLAUSES = (
    "the two sides have worked closely together for many years and achieved remarkable results",
    "they look forward to further deepening and expanding the cooperation with {city}",
    "{city} has perfect industrial support and abundant human resources",
    "the company is very optimistic about the development prospects of {theme} in {city}",
    "they hope to expand the business scope and optimize the resource layout",
    "they will continuously increase investment cooperation in the field of {theme}",
    "the good development of foreign-funded enterprises in {city} has benefited from "
    "long-term mutual trust",
    "R&D centres in {city} would be strengthened in the coming years",
    "more specialists, scholars and international students are welcome to start businesses "
    "in {city}",
    "the partnership in {theme} is an example of mutually beneficial and win-win cooperation",
    "the institute would send a delegation to {city} next spring",
    "{city} offers efficient government services and an internationalized urban environment",
)
EVENT_VERBS = ("attended", "visited", "took part in", "held", "joined")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Letters that Unicode does not decompose into a base letter and an accent.
_TRANSLIT = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "œ": "oe",
        "Œ": "Oe",
    }
)
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def ascii_spelling(text: str, german: bool = False) -> str:
    """'Müller' -> 'Muller' (or 'Mueller'), 'Łukasz' -> 'Lukasz', 'Ørsted' -> 'Orsted'."""
    if german:
        text = text.translate(_GERMAN)
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slug(text: str) -> str:
    return _NOT_SLUG.sub("-", ascii_spelling(text).lower()).strip("-")[:60] or "x"


# --- YAML formatting ----------------------------------------------------------------


@dataclass(frozen=True)
class Anchored:
    """A scalar written with an anchor (`&name`) the first time, as an alias after."""

    name: str
    text: str


_PLAIN = re.compile(r"[^\W\d_][^:#\n\"{}\[\],&*!|>%@`\\]*")
_RESERVED = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
_WRAP = re.compile(r"(\S.{0,74}\S)(?: |$)|(\S+)(?: |$)")
_FOLD_AT = 72


def _scalar(value: Any, indent: str, out: list[str], seen: set[str]) -> str:
    """The text after `key:` or `- ` for a scalar; may append wrapped lines to out."""
    if isinstance(value, Anchored):
        if value.name in seen:
            return f" *{value.name}"
        seen.add(value.name)
        head = _scalar(value.text, indent, out, seen)
        return f" &{value.name}{head}"
    if isinstance(value, int):
        return f" {value}"
    text = value
    if len(text) > _FOLD_AT and "  " not in text and text == text.strip():
        out_lines = [m.group(0).rstrip(" ") for m in _WRAP.finditer(text)]
        return " >-\n" + "\n".join(indent + "  " + line for line in out_lines)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and text[-1] != " ":
        return " " + text
    return " " + json.dumps(text, ensure_ascii=False)


def _mapping(data: dict[str, Any], indent: str, out: list[str], seen: set[str]) -> None:
    for key, value in data.items():
        _entry(indent, key, value, indent, out, seen)


def _entry(prefix: str, key: str, value: Any, indent: str, out: list[str], seen: set) -> None:
    if isinstance(value, dict):
        if value and all(isinstance(v, int) for v in value.values()):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items())
            out.append(f"{prefix}{key}: {{{inner}}}")
        else:
            out.append(f"{prefix}{key}:")
            _mapping(value, indent + "  ", out, seen)
    elif isinstance(value, list):
        if not value:
            out.append(f"{prefix}{key}: []")
            return
        out.append(f"{prefix}{key}:")
        _sequence(value, indent + "  ", out, seen)
    else:
        out.append(f"{prefix}{key}:{_scalar(value, indent, out, seen)}")


def _sequence(items: list[Any], indent: str, out: list[str], seen: set[str]) -> None:
    for item in items:
        if isinstance(item, dict):
            inner = indent + "  "
            first = True
            for key, value in item.items():
                _entry(indent + "- " if first else inner, key, value, inner, out, seen)
                first = False
        else:
            out.append(f"{indent}-{_scalar(item, indent, out, seen)}")


def to_yaml(briefing: dict[str, Any]) -> str:
    out = ["# A synthetic briefing written by benchmarks/generate.py."]
    _mapping(briefing, "", out, set())
    # _scalar returns wrapped blocks as one string with newlines in it; join keeps them.
    return "\n".join(out) + "\n"


# --- one briefing -------------------------------------------------------------------


@dataclass(frozen=True)
class Generated:
    index: int
    stem: str
    data: dict[str, Any]
    source: str


class _Source:
    """The source text, built sentence by sentence; each sentence can be quoted."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.paragraphs: list[list[str]] = []

    def paragraph(self) -> None:
        self.paragraphs.append([])

    def say(self, sentence: str) -> str:
        self.paragraphs[-1].append(sentence)
        return sentence

    def text(self, rng: random.Random) -> str:
        wrap = rng.random() < 0.5
        parts = [self.title, ""]
        for sentences in self.paragraphs:
            if not sentences:
                continue
            body = " ".join(sentences)
            if wrap:
                body = "\n  ".join(m.group(0).rstrip(" ") for m in _WRAP.finditer(body))
            parts.append("  " + body)
            parts.append("")
        return "\n".join(parts)


def _pinyin_person(rng: random.Random) -> tuple[str, str, str, str]:
    """(surname, given, full name, original script)."""
    surname = rng.choice(_PINYIN_SURNAME_KEYS)
    syllables = [rng.choice(_PINYIN_GIVEN_KEYS) for _ in range(1 if rng.random() < 0.3 else 2)]
    given = "".join(syllables).capitalize()
    script = PINYIN_SURNAMES[surname] + "".join(PINYIN_GIVEN[s] for s in syllables)
    return surname, given, f"{surname} {given}", script


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base[:56]}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def _quote(rng: random.Random, sentence: str) -> str:
    """A whole sentence or, now and then, a fragment of it (still verbatim)."""
    words = sentence.rstrip(".").split(" ")
    if len(words) > 8 and rng.random() < 0.3:
        start = rng.randrange(0, len(words) // 3)
        return " ".join(words[start : start + rng.randint(5, len(words) - start)])
    return sentence


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def _date(rng: random.Random, month: int, day: int, year: int | None) -> dict[str, Any]:
    stated = f"On {MONTHS[month - 1]} {day}" + (f", {year}" if year else "")
    date: dict[str, Any] = {"as_stated": stated}
    if year:
        date["year"] = year
    date["start"] = {"month": month, "day": day}
    return date


def generate_briefing(index: int, seed: int = DEFAULT_SEED) -> Generated:
    rng = random.Random(seed * 1_000_003 + index)
    city = rng.choice(CHINESE_CITIES)
    country, host_cities = rng.choice(HOSTS)
    visited = rng.sample(host_cities, k=min(len(host_cities), rng.randint(1, 3)))
    _, _, leader, _ = _pinyin_person(rng)
    leader_title = rng.choice(LEADER_TITLES)
    year = rng.randint(2014, 2026) if rng.random() < 0.3 else None
    month, day = rng.randint(1, 12), rng.randint(1, 25)
    days = rng.randint(2, 5)
    title = f"{leader} Leads {city} Delegation on a Visit to {country}"
    bid = f"{slug(city)}-{slug(country)}-visit-{index:06d}"
    source = _Source(title)
    source.paragraph()
    fmt_vars = {"city": city}

    stated_dates = f"From {MONTHS[month - 1]} {day} to {day + days - 1}, local time"
    intro = source.say(
        f"{stated_dates}, {leader_title} {leader} led a {city} delegation to visit {country}."
    )
    places_sentence = source.say(f"The delegation travelled to {_listed(visited)}.")
    dates: dict[str, Any] = {"as_stated": stated_dates}
    if year:
        dates["year"] = year
    dates["start"] = {"month": month, "day": day}
    dates["end"] = {"month": month, "day": day + days - 1}

    # Organizations.
    used_ids: set[str] = set()
    organizations: list[dict[str, Any]] = []
    source.paragraph()
    for _ in range(rng.randint(5, 25)):
        kind = rng.choice(
            (
                "company",
                "company",
                "company",
                "bank",
                "insurer",
                "government",
                "diplomatic-mission",
                "association",
                "university",
                "research",
                "other",
            )
        )
        surname = rng.choice(WESTERN_SURNAMES)
        place = rng.choice(host_cities)
        sector, word = rng.choice(INDUSTRIES)
        name = {
            "company": f"{surname} {word} Group",
            "bank": f"Banque {surname}" if rng.random() < 0.5 else f"{place} Commercial Bank",
            "insurer": f"{surname} Assurances",
            "government": f"{place} Municipal Bureau of Commerce",
            "diplomatic-mission": rng.choice(
                (f"Chinese Embassy in {country}", f"Consulate General in {place}")
            ),
            "association": f"{place} Region SME Union",
            "university": rng.choice(
                (f"University of {place}", f"{place} University of Technology")
            ),
            "research": f"{surname} Institute for {sector.capitalize()}",
            "other": f"{surname} Foundation",
        }[kind]
        if any(o["name"] == name for o in organizations):
            continue
        oid = _unique(slug(name), used_ids)
        org: dict[str, Any] = {"id": oid, "name": name}
        sentence = source.say(
            rng.choice(
                (
                    f"The delegation visited {name}.",
                    f"Representatives of {name} attended the exchanges.",
                    f"{leader} held talks with the leadership of {name}.",
                )
            )
        )
        quotes = [_quote(rng, sentence)]
        words = name.split()
        if len(words) >= 3 and rng.random() < 0.25:
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) >= 2:
                org["aliases"] = [initials]
                quotes.append(source.say(f"{name} ({initials}) has long been active in {city}."))
        org["kind"] = kind
        if kind in ("company", "research") and rng.random() < 0.7:
            org["sector"] = sector
            if rng.random() < 0.5:
                org["inferred"] = {"sector": f"Taken from its name ({word})."}
        if kind == "diplomatic-mission" and "Embassy" in name:
            org["country"] = "China"
            org["inferred"] = {"country": 'The source calls it the "Chinese" Embassy.'}
        org["quotes"] = quotes
        organizations.append(org)
    for org in organizations:
        if len(organizations) > 1 and rng.random() < 0.15:
            other = rng.choice([o for o in organizations if o is not org])
            sentence = source.say(
                f"{org['name']} is an important strategic partner of {other['name']}."
            )
            org["relations"] = [
                {"kind": "strategic partner of", "target": other["id"], "quotes": [sentence]}
            ]

    # Themes: in one briefing in five, several share one passage through an anchor.
    themes: list[dict[str, Any]] = []
    source.paragraph()
    names = rng.sample(THEMES, k=rng.randint(3, 12))
    shared = rng.random() < 0.2 and len(names) >= 4
    if shared:
        listed = names[:3]
        passage = source.say(
            f"We hope to focus on key areas such as {listed[0].lower()}, {listed[1].lower()} "
            f"and {listed[2].lower()}, to further explore the potential for cooperation."
        )
        anchored = Anchored("key-areas", passage)
    for position, theme in enumerate(names):
        tid = _unique(slug(theme), used_ids)
        entry: dict[str, Any] = {"id": tid, "name": theme}
        if shared and position < 3:
            entry["quotes"] = [anchored]
        else:
            sentence = source.say(
                f"Both sides agreed to deepen cooperation in {theme.lower()} between {city} "
                f"and {country}."
            )
            entry["quotes"] = [sentence]
            if rng.random() < 0.3:
                entry["description"] = f"Cooperation in {theme.lower()} with partners in {country}."
        themes.append(entry)
    fmt_vars["theme"] = themes[0]["name"].lower()

    # Counterparts.
    counterparts: list[dict[str, Any]] = []
    source.paragraph()
    for _ in range(10 + int(90 * rng.random() ** 2)):
        entry = {}
        aliases: list[str] = []
        honorific = rng.choice(("Mr.", "Ms.", "Dr."))
        if rng.random() < 0.45:
            surname, given, name, script = _pinyin_person(rng)
            roll = rng.random()
            if roll < 0.25:
                aliases.append(f"{given} {surname}")
            elif roll < 0.35:
                syllables = re.findall(r"[^aeiouü]*[aeiouü]+(?:ng|n|r)?", given.lower())
                if len(syllables) == 2:
                    aliases.append(f"{surname} {syllables[0].capitalize()}-{syllables[1]}")
            original = script if rng.random() < 0.3 else None
        else:
            surname = rng.choice(WESTERN_SURNAMES)
            name = surname if rng.random() < 0.15 else f"{rng.choice(WESTERN_GIVEN)} {surname}"
            roll = rng.random()
            plain = ascii_spelling(name, german=rng.random() < 0.5)
            if plain != name and roll < 0.35:
                aliases.append(plain)
            elif " " in surname and roll < 0.6:
                aliases.append(name.replace(surname, surname.replace(" ", "").capitalize()))
            original = None
        cid = _unique(slug(name), used_ids)
        org = rng.choice(organizations) if organizations and rng.random() < 0.85 else None
        title_ = rng.choice(COUNTERPART_TITLES)
        if org is not None:
            sentence = source.say(
                rng.choice(
                    (
                        f"{leader} met the {title_.lower()} of {org['name']}, {honorific} {name}.",
                        f"{org['name']}'s {title_} {name} attended the meeting.",
                        f"{honorific} {name}, {title_} of {org['name']}, welcomed the delegation.",
                    )
                )
            )
        else:
            sentence = source.say(f"{leader} also met {title_} {name}.")
        quotes = [_quote(rng, sentence)] if org is None else [sentence]
        entry = {"id": cid, "name": name}
        if aliases:
            entry["aliases"] = aliases
            quotes.append(
                source.say(
                    f"{honorific} {aliases[0]} said that {rng.choice(CLAUSES).format(**fmt_vars)}."
                )
            )
            entry["inferred"] = {
                "aliases": (
                    f'"{honorific} {aliases[0]}" speaks in the same meeting in which '
                    f'"{name}" is introduced; taken to be one person, spelt two ways.'
                )
            }
        entry["title"] = title_
        if org is not None:
            entry["organization"] = org["id"]
        if original:
            entry["original_script"] = original
            quotes.append(source.say(f"{name} ({original}) also joined the talks."))
        entry["quotes"] = quotes
        counterparts.append(entry)

    # Members of the delegation.
    members = []
    source.paragraph()
    for _ in range(rng.randint(0, 4)):
        _, _, member, _ = _pinyin_person(rng)
        sentence = source.say(f"{member}, a member of the delegation, accompanied the visit.")
        members.append({"name": member, "quotes": [_quote(rng, sentence)]})

    # Events.
    itinerary: list[dict[str, Any]] = []
    for _ in range(rng.randint(10, 20)):
        source.paragraph()
        kind = rng.choice(("conference", "symposium", "meeting", "visit", "signing", "other"))
        org = rng.choice(organizations)
        theme = rng.choice(themes)
        person = rng.choice(counterparts)
        place = rng.choice(visited)
        event_title = {
            "conference": f"{city}-{country}-{place} {theme['name']} Cooperation Conference",
            "symposium": f"Symposium on {theme['name'].lower()} with {org['name']}",
            "meeting": f"Meeting with {person['name']} of {org['name']}",
            "visit": f"Visit to {org['name']}",
            "signing": f"Signing ceremony on {theme['name'].lower()}",
            "other": f"Dinner hosted by {org['name']}",
        }[kind]
        eid = _unique(slug(event_title), used_ids)
        event: dict[str, Any] = {"id": eid, "title": event_title}
        has_date = rng.random() < 0.7
        event_day = rng.randint(day, day + days - 1)
        when = f"On {MONTHS[month - 1]} {event_day}, " if has_date else ""
        verb = rng.choice(EVENT_VERBS)
        sentence = source.say(f"{when}{leader} {verb} the {event_title} in {place}.")
        event["kind"] = kind
        if rng.random() < 0.7:
            event["place"] = place
        if has_date:
            event["date"] = _date(rng, month, event_day, year)
        event["quotes"] = [_quote(rng, sentence)]
        people = rng.sample(counterparts, k=rng.randint(0, min(8, len(counterparts))))
        if kind == "meeting" and person not in people:
            people.append(person)
        if people:
            event["counterparts"] = [p["id"] for p in people]
        met = {p.get("organization") or org["id"] for p in people[:2]}
        event["organizations"] = sorted({org["id"], *met})
        event["themes"] = [theme["id"]]
        statements = []
        for _ in range(rng.randint(0, 3)):
            speaker = rng.choice(people)["name"] if people and rng.random() < 0.6 else leader
            clause = rng.choice(CLAUSES).format(**fmt_vars)
            said = source.say(f"{speaker} said that {clause}.")
            statements.append(
                {
                    "speaker": speaker,
                    "text": clause[0].upper() + clause[1:] + ".",
                    "quotes": [_quote(rng, said)],
                }
            )
        if statements:
            event["statements"] = statements
        if kind in ("signing", "conference") or rng.random() < 0.2:
            count = rng.randint(2, 12)
            outcome = source.say(
                f"{count} cooperation agreements on {theme['name'].lower()} were signed "
                "on the spot."
            )
            event["outcomes"] = [
                {
                    "text": f"{count} agreements on {theme['name'].lower()} were signed.",
                    "quotes": [outcome],
                }
            ]
        itinerary.append(event)

    stem = f"{index:06d}-{bid}"
    data: dict[str, Any] = {
        "format": 1,
        "id": bid,
        "title": title,
        "summary": (
            f"{leader_title} {leader} led a {city} delegation to {country} "
            f"({stated_dates}), meeting {len(counterparts)} counterparts at "
            f"{len(itinerary)} events."
        ),
        "quotes": [title, intro],
        "source": {"title": title, "path": f"../sources/{stem}.txt", "language": "en"},
        "dates": dates,
        "places": [country, *visited],
        "delegation": {
            "name": f"{city} delegation",
            "quotes": [intro],
            "lead": {"name": leader, "title": leader_title, "quotes": [f"{leader_title} {leader}"]},
            "members": members,
        },
        "organizations": organizations,
        "counterparts": counterparts,
        "themes": themes,
        "itinerary": itinerary,
    }
    data["quotes"].append(places_sentence)
    return Generated(index, stem, data, source.text(rng))


# --- writing an archive -------------------------------------------------------------


def _write_range(out: str, start: int, stop: int, seed: int) -> int:
    root = Path(out)
    for index in range(start, stop):
        generated = generate_briefing(index, seed)
        (root / "sources" / f"{generated.stem}.txt").write_text(generated.source, "utf-8")
        (root / "briefings" / f"{generated.stem}.yaml").write_text(to_yaml(generated.data), "utf-8")
    return stop - start


def write_archive(out: Path, count: int, seed: int = DEFAULT_SEED, jobs: int = 1) -> Path:
    """Write `count` briefings under out/briefings and their sources under out/sources."""
    (out / "briefings").mkdir(parents=True, exist_ok=True)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    chunk = 250
    ranges = [(start, min(start + chunk, count)) for start in range(0, count, chunk)]
    if jobs <= 1 or len(ranges) <= 1:
        for start, stop in ranges:
            _write_range(str(out), start, stop, seed)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_write_range, str(out), a, b, seed) for a, b in ranges]
            for future in futures:
                future.result()
    return out / "briefings"


def iter_counterparts(seed: int = DEFAULT_SEED) -> Iterator[tuple[str, dict[str, Any]]]:
    """(briefing id, counterpart) for briefing after briefing, without writing files."""
    index = 0
    while True:
        generated = generate_briefing(index, seed)
        for counterpart in generated.data["counterparts"]:
            yield generated.data["id"], counterpart
        index += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--count", type=int, required=True, help="how many briefings")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    folder = write_archive(args.out, args.count, args.seed, args.jobs)
    elapsed = time.perf_counter() - started
    print(f"{args.count} briefings in {folder} ({elapsed:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
