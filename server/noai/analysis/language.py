"""Which language a document is written in, from its most common function words.

A small stopword vote, no model and no dependency: each word of the text that is a stopword of
exactly one language counts for it. Good enough to tell an English contract from a German,
French, Spanish, Italian, Dutch or Portuguese one, which is all the analysis needs to decide
whether its English patterns apply.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

UNKNOWN = "unknown"

# Frequent function words; words shared between languages ("de", "a", "en", "die") are dropped
# below, so each list only needs to be right, not disjoint.
_STOPWORDS = {
    "en": "the of and to in that is for by this with shall be or any such as are on not which "
    "will its from other may have all under has their it an at if without",
    "de": "der die das und ist nicht mit für auf des dem den ein eine einer oder sich von zu im "
    "wird werden sind nach bei durch auch gemäß vertrag diese dieser als",
    "fr": "le la les et des du est pour par une dans sur qui que pas sont aux au ou ce cette "
    "avec il elle être sera ses leur contrat doit",
    "es": "el la los las y del que por para con una en es no se al su sus como lo contrato será este esta o cualquier",
    "it": "il lo la gli le e del della dei delle che per con una un non è sono al alla nel nella "
    "questo questa contratto sarà o per sui dal dai tutti senza come presente degli ai nei suo sua essere",
    "nl": "de het een en van in is op te dat die voor met niet zijn aan door bij als worden wordt "
    "deze of overeenkomst onder",
    "pt": "o a os as e do da dos das que para com uma um não é são ao pelo pela no na em este esta contrato será ou",
}
_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 5000  # enough for a clear vote; keeps the pass short on long contracts
_MIN_VOTES = 5


def _unique_stopwords() -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for lang, words in _STOPWORDS.items():
        for w in words.split():
            owners.setdefault(w, set()).add(lang)
    return {w: next(iter(langs)) for w, langs in owners.items() if len(langs) == 1}


_OWNER = _unique_stopwords()


def detect_language(texts: Iterable[str]) -> str:
    """The ISO 639-1 code of the texts' language ("en", "de", "fr", "es", "it", "nl", "pt"),
    or ``"unknown"`` when there is too little text or no clear winner."""
    votes: Counter[str | None] = Counter()
    left = _MAX_WORDS
    for text in texts:
        words = _WORD.findall(text)[:left]
        votes.update(map(_OWNER.get, map(str.lower, words)))  # a word of no language votes None
        left -= len(words)
        if not left:
            break
    del votes[None]
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < _MIN_VOTES:
        return UNKNOWN
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return UNKNOWN
    return ranked[0][0] or UNKNOWN  # never None: its votes were deleted above
