"""German reported speech beyond the cue's own clause: one claim per Konjunktiv-I clause, run-on
sentences that keep reporting the same source, and speech acts embedded in reported content.
"""

from __future__ import annotations

from provenance.extract.lexicon import Lexicon
from provenance.extract.segmentation import CLOSING_QUOTES, OPENING_QUOTES, Sentence, Token, tokenize

Span = tuple[int, int]

SUBORDINATORS = frozenset(
    "der die das dem den deren dessen welche welcher welches dass ob weil wenn wie um als da damit obwohl "
    "während nachdem bevor sodass wo was wer zu wenngleich obgleich obwohl sofern falls indem solange sobald "
    "zumal seitdem wobei weshalb weswegen wodurch womit".split()
)
# Prepositions that open a relative clause before a relative pronoun (*, an dem mehr los sei*).
RELATIVE_PREPOSITIONS = frozenset(
    "an auf aus bei durch für gegen in mit nach über um unter von vor zu zwischen".split()
)
RELATIVE_PRONOUNS = frozenset("dem der den denen deren dessen die das welchem welcher welchen welches welche".split())
# Konjunktiv-I forms that are not also indicative or conditional: a sentence with one of them is
# reported speech even without a cue.
RUN_ON_MARKERS = frozenset(
    "sei seien habe gebe werde könne müsse solle wolle dürfe wisse stehe liege komme koste gelte fehle drohe "
    "bestehe plane zeige brauche trage bringe hätte hätten wäre wären würde würden".split()
)
# Further Konjunktiv-I forms (third person singular) that only reported speech uses; kept apart from
# RUN_ON_MARKERS, which the English claim filter's features read.
MORE_RUN_ON_MARKERS = frozenset(
    "dürfe möge gehe bleibe handle handele bedeute fühle betreibe halte gelte diene gehöre richte führe mache "
    "lasse sehe erhalte arbeite biete verfüge erwarte entspreche erfolge gelinge laufe lebe leide nehme sitze "
    "spreche stelle suche treffe tue verliere warte wirke zähle ziehe beginne betrage beruhe bedürfe erscheine "
    "ermögliche fahre falle finde folge gewinne glaube hoffe kenne lege nutze reiche schaffe sorge stamme stimme "
    "verstoße verfolge vertrete weigere wünsche befinde verlange benötige erlaube fordere sehe bekomme".split()
)
# A single quoted word ("„positiv“") is a scare quote or a label, not a claim of its own.
SHORTEST_QUOTED_CLAIM = 2
ARTICLES = frozenset("der die das den dem".split())
# German reportative "sollen": "Der Täter soll das Gebäude gestürmt haben" reports what others say.
REPORTATIVE_MODALS = frozenset({"soll", "sollen"})


def split_reported_clauses(text: str, span: Span, lexicon: Lexicon) -> list[Span]:
    """Split ``A sei X, B habe Y`` into one span per clause that has its own reported-speech verb."""
    if lexicon.language != "de":
        return [span]
    tokens = tokenize(text, *span)
    pieces: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.text in "„»(":
            depth += 1
        elif token.text in "“«)":
            depth = max(0, depth - 1)
        if token.text == "," and depth == 0:
            pieces.append([])
        else:
            pieces[-1].append(token)
    if len(pieces) < 2:
        return [span]
    clauses: list[list[Token]] = []
    for piece in pieces:
        starts_own_clause = (
            piece
            and clauses
            and not _subordinate(piece)
            # "Wenn A hätte, wäre B": the main clause after a fronted subordinate clause goes with it.
            and not (len(clauses) == 1 and clauses[0][0].lower in FRONTED_CONJUNCTIONS)
            and _reported_verb_in(piece, lexicon)
            and _reported_verb_in(clauses[-1], lexicon)
        )
        if starts_own_clause:
            clauses.append(_without_coordinator(piece, lexicon))
        elif clauses:
            clauses[-1].extend(piece)
        else:
            clauses.append(piece)
    return [(clause[0].start, clause[-1].end) for clause in clauses if clause]


def _reported_verb_in(piece: list[Token], lexicon: Lexicon) -> bool:
    """Whether a clause has a Konjunktiv-I verb: a common one, or a rarer one (*befinde*) not after *ich*."""
    return any(
        token.lower in lexicon.reported_speech_verbs
        or token.lower in SPLIT_KONJUNKTIV_TWO
        or token.lower in MORE_RUN_ON_MARKERS and (position == 0 or piece[position - 1].lower != "ich")
        for position, token in enumerate(piece)
    )


# Conjunctions of a fronted adverbial clause, whose main clause follows after the comma.
FRONTED_CONJUNCTIONS = frozenset(
    "wenn als da weil falls sofern obwohl nachdem sobald solange bevor während um damit ob wie".split()
)
# Konjunktiv II that reported speech uses in place of Konjunktiv I (*A wäre X, B könnten Y, sagte Z*).
SPLIT_KONJUNKTIV_TWO = frozenset("wäre hätte würde könnte könnten müsste müssten dürfte dürften".split())


def _subordinate(piece: list[Token]) -> bool:
    """Whether a comma-separated piece opens a subordinate clause (``, die ...``) rather than a main one.

    ``der``/``die``/``das`` before a capitalised noun is an article (``, der Verkehr werde ...``).
    """
    if piece[0].lower in RELATIVE_PREPOSITIONS and len(piece) > 1 and piece[1].lower in RELATIVE_PRONOUNS:
        return not (piece[1].lower in ARTICLES and len(piece) > 2 and piece[2].capitalized)
    if piece[0].lower not in SUBORDINATORS:
        return False
    is_article = piece[0].lower in ARTICLES and len(piece) > 1 and piece[1].capitalized
    return not is_article


def _without_coordinator(piece: list[Token], lexicon: Lexicon) -> list[Token]:
    while piece and piece[0].lower in lexicon.coordinators:
        piece = piece[1:]
    return piece


def is_quotation(text: str, span: Span) -> bool:
    """Whether the span is one quotation from its opening to its closing mark."""
    return text[span[0]] in OPENING_QUOTES and text[span[1] - 1] in CLOSING_QUOTES


def embedded_speaker(text: str, span: Span, lexicon: Lexicon) -> Span | None:
    """``Die Ukraine habe ... bewertet``: the subject of a reported speech act, as the origin's span."""
    if lexicon.language != "de":
        return None
    tokens = tokenize(text, *span)
    words = [token for token in tokens if token.is_word]
    if len(words) < 3 or words[-1].lower not in lexicon.embedded_speech_participles:
        return None
    for index, token in enumerate(tokens):
        if token.lower in lexicon.reported_speech_verbs:
            if index == 0 or not tokens[index - 1].capitalized:
                return None
            return (tokens[0].start, tokens[index - 1].end)
    return None


def content_sentence_span(sentence: Sentence) -> Span | None:
    """A whole sentence as content, its final punctuation left out."""
    tokens = sentence.tokens
    last = len(tokens) - 1
    while last >= 0 and tokens[last].text in ".!?":
        last -= 1
    if last < 0:
        return None
    return (tokens[0].start, tokens[last].end)


def _quoted_name(text: str, opening: int, words: list[Token]) -> bool:
    """„Ruhr Nachrichten“, die „Rundschau am Sonntag“: a quoted title names something, it claims nothing."""
    before = text[max(0, opening - 30) : opening].split()
    previous = before[-1].lower() if before else ""
    if previous in ("zeitung", "magazin", "blatt", "sender"):
        return True
    return len(words) <= 4 and all(
        word.text[:1].isupper() or word.lower in ("am", "of", "der", "die", "das") for word in words
    )


def inner_quotations(text: str, spans: list[Span]) -> list[Span]:
    """Quotations inside reported content (``er sei „tief enttäuscht“``): the quoted words are a claim too."""
    found = []
    for start, end in spans:
        opened = None
        for token in tokenize(text, start, end):
            if token.text in ("„", "»") and opened is None:
                opened = token.start
            elif token.text in ("“", "«") and opened is not None:
                words = [word for word in tokenize(text, opened, token.end) if word.is_word]
                if (
                    (opened, token.end) != (start, end)
                    and len(words) >= SHORTEST_QUOTED_CLAIM
                    and not _quoted_name(text, opened, words)
                ):
                    found.append((opened, token.end))
                opened = None
    return found
