"""The lexicon of protected attributes and group terms (rules/bias/lexicon.yaml)."""

from __future__ import annotations

import pytest

from auditor.bias.lexicon import load_lexicon, normalize_literal, words


@pytest.mark.parametrize(
    ("identifier", "attribute"),
    [
        ("gender", "gender"), ("applicantGender", "gender"), ("getSex", "gender"), ("pregnant", "gender"),
        ("race_ethnicity", "race"), ("skinColor", "race"), ("religion", "religion"), ("faith", "religion"),
        ("country_of_birth", "nationality"), ("citizenship", "nationality"), ("date_of_birth", "age"),
        ("applicant_age", "age"), ("birthYear", "age"), ("has_disability", "disability"),
        ("sexual_orientation", "sexual_orientation"), ("orientation", "sexual_orientation"),
        ("maritalStatus", "marital_status"), ("political_party", "political_affiliation"),
        ("party", "political_affiliation"), ("job_title", "occupation"), ("social_class", "socioeconomic_status"),
        ("zipCode", "zip_code"), ("postal_code", "zip_code"), ("first_name", "name"), ("name", "name"),
        ("native_language", "language"),
    ],
)
def test_identifiers_name_their_attribute(identifier: str, attribute: str) -> None:
    assert load_lexicon().attribute_of(identifier) == attribute


@pytest.mark.parametrize(
    "identifier",
    ["income", "credit_score", "file_name", "page", "usage", "mileage", "message", "third_party",
     "screen_orientation", "storage", "coverage", "years_experience", "test_score"],
)
def test_ordinary_identifiers_name_no_attribute(identifier: str) -> None:
    assert load_lexicon().attribute_of(identifier) is None


@pytest.mark.parametrize(
    ("literal", "attribute", "group"),
    [
        ("Latina", "race", "hispanic"), ("African-American", "race", "black"), ("F", "gender", "female"),
        ("woman", "gender", "female"), ("M", "gender", "male"), ("non-binary", "gender", "nonbinary"),
        ("Moslem", "religion", "muslim"), ("LDS", "religion", "christian"), ("nigeria", "nationality", "nigerian"),
        ("U.S.", "nationality", "american"), ("GOP", "political_affiliation", "republican"),
        ("LGBTQ", "sexual_orientation", "queer"), ("wheelchair user", "disability", "mobility"),
        ("ADHD", "disability", "neurodivergent"), ("retiree", "age", "senior"), ("working class", "socioeconomic_status", "low"),
        ("divorced", "marital_status", "divorced"), ("janitor", "occupation", "manual"),
    ],
)
def test_literals_name_their_group(literal: str, attribute: str, group: str) -> None:
    assert load_lexicon().groups_of(literal, attribute) == (group,)


def test_group_terms_stay_in_their_dimension_and_proxies_reach_theirs() -> None:
    lex = load_lexicon()
    assert lex.groups_of("muslim", "gender") == ()  # a religion term says nothing about gender
    assert lex.groups_of("hispanic", "name") == ("hispanic",)  # name proxies race
    assert lex.is_proxy("zip_code") and not lex.is_proxy("race")


@pytest.mark.parametrize(
    ("identifier", "flag"),
    [("is_female", ("gender", "female")), ("isMuslim", ("religion", "muslim")), ("is_valid", None),
     ("is_senior", ("age", "senior")), ("is_old", None), ("is_high", None), ("is_single", None)],
)
def test_identifiers_naming_a_group(identifier: str, flag: tuple[str, str] | None) -> None:
    assert load_lexicon().group_flag(identifier) == flag


def test_words_and_normalization() -> None:
    assert words("applicantGenderCode") == ("applicant", "gender", "code")
    assert words("HTTPResponse_code") == ("http", "response", "code")
    assert normalize_literal("  African-American ") == "african american"


def test_no_term_names_two_groups_of_one_dimension() -> None:
    """A spelling listed under two groups would silently resolve to the first; the data must not do that."""
    import yaml

    from auditor.bias.lexicon import LEXICON_PATH

    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    clashes = []
    for dimension, groups in data["groups"].items():
        seen: dict[str, str] = {}
        for group, terms in groups.items():
            for term in (group, *terms):
                key = normalize_literal(term)
                if key in seen and seen[key] != group:
                    clashes.append(f"{dimension}: {term!r} in {seen[key]} and {group}")
                seen.setdefault(key, group)
    assert clashes == []
