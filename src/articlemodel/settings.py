"""Typed tunables, in one place.

Every threshold a rule uses is a named constant here, so a change of policy is one edit and
the tests can name what they exercise.
"""

from __future__ import annotations

from typing import Final

#: Version of the Article JSON layout; bumped when a field changes meaning or shape.
SCHEMA_VERSION: Final = "1.0"

# --- input -------------------------------------------------------------------------------
#: Largest text parse_article accepts, in characters (about 50 MB of ASCII).
MAX_TEXT_CHARS: Final = 50_000_000

# --- layout ------------------------------------------------------------------------------
#: A headline is at most this many characters ...
MAX_HEADLINE_CHARS: Final = 300
#: ... and this many words.
MAX_HEADLINE_WORDS: Final = 30
#: A dateline opens one of the first this-many paragraphs after the headline.
MAX_DATELINE_PARAGRAPH: Final = 3
#: A dateline's place is at most this many characters.
MAX_DATELINE_PLACE_CHARS: Final = 60
#: A standfirst is at most this many paragraphs between the headline and the dateline.
MAX_STANDFIRST_PARAGRAPHS: Final = 2
#: A line of more than this many characters is never a credit line.
MAX_CREDIT_CHARS: Final = 400

# --- dates -------------------------------------------------------------------------------
#: Read ``06/04/2018`` as 6 April (True) or 4 June (False, the US convention of wire copy).
DAY_FIRST: Final = False

# --- quotes ------------------------------------------------------------------------------
#: A direct quote longer than this many characters is cut at its paragraph's end.
MAX_QUOTE_CHARS: Final = 5_000
#: How far before an opening mark or after a closing mark an attribution is looked for.
QUOTE_CONTEXT_CHARS: Final = 300
#: A speaker phrase has at most this many words (longer ones speak through the name ending them).
QUOTE_MAX_SPEAKER_WORDS: Final = 10
#: Earlier speakers a pronoun or a lone surname is resolved against (keeps resolution linear).
QUOTE_SPEAKER_HISTORY: Final = 100
#: A person shown to be of a pronoun's gender wins over a nearer one of unknown gender only
#: within this many characters before the pronoun.
QUOTE_GENDER_WINDOW_CHARS: Final = 1_500
#: "they"/"it" resolve to an organization or plural speaker at most this many characters back.
QUOTE_PLURAL_WINDOW_CHARS: Final = 3_000

# --- people ------------------------------------------------------------------------------
#: A role after a name (``Jane Doe, a spokesperson for the ministry,``) has at most this many
#: characters; so has an appositive between a speaker and the cue.
MAX_APPOSITIVE_ROLE_CHARS: Final = 160
#: A run of capitalised words that is a person only because it opens with a known given name
#: has at most this many words (``Luiz Inácio Lula Silva``).
MAX_GIVEN_NAME_RUN_WORDS: Final = 4
#: A role before a name (``former Iraqi Defence Minister``) has at most this many words.
MAX_ROLE_WORDS_BEFORE: Final = 6
#: Of a longer run of capitalised words only the last this-many are read (role and name).
MAX_RUN_WORDS: Final = 12

# --- organizations -----------------------------------------------------------------------
#: A headline whose words of four letters or more are at least this share capitalized is in
#: title case: it creates no organization names by pattern.
ORG_TITLE_CASE_RATIO: Final = 0.8
#: A body paragraph of at most this many words without a sentence end is a subhead.
ORG_SUBHEAD_WORDS: Final = 12
#: A name made by the organization-noun pattern has at most this many words (the longest in
#: the lexicon has seven): a longer run of capitalized words before a head is no name.
ORG_MAX_NAME_WORDS: Final = 16
#: Count an acronym definition whose capitalized long form has no organization noun
#: ("United Auto Workers (UAW)") as an organization.
ORG_ACCEPT_HEADLESS_ACRONYMS: Final = False

# --- locations ---------------------------------------------------------------------------
#: In a line written in capitals, a city is a place only from this many people up.
LOC_CAPS_MIN_POPULATION: Final = 100_000
#: A city is ambiguous (no coordinates, no geonames id) when a namesake in another country
#: has at least 1/this of its population.
LOC_AMBIGUITY_RATIO: Final = 3
#: A one-word place matched only through the spelling folds (not as the gazetteer spells it)
#: needs at least this many characters: ``Hasakeh`` joins ``Al Hasakah``, ``They`` no ``Thai``.
LOC_MIN_FOLDED_CHARS: Final = 6
