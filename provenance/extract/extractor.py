"""Text -> Article with claims: sentences, frames, chains, run-on reported speech, in document order.

The pipeline is cheap on purpose: regex tokens and sentences, set look-ups for cue words, and the
noun-phrase and naming work only at the few places where a cue was found.
"""

from __future__ import annotations

import hashlib

from provenance.errors import InvalidInput
from provenance.extract.confidence import filter_for
from provenance.extract.continuations import (
    continued,
    continues,
    is_run_on_report,
    main_clause_konjunktiv,
    quotations_of_run_on,
    run_on_claims,
)
from provenance.extract.coreference import one_name_per_source
from provenance.extract.frames import Frame, find_frames
from provenance.extract.language import SUPPORTED_LANGUAGES, detect_language
from provenance.extract.lexicon import Lexicon, lexicon_for
from provenance.extract.naming import SourceNamer
from provenance.extract.outlets import own_outlet, publisher_of
from provenance.extract.reading import InputDocument
from provenance.extract.registry import load_registry
from provenance.extract.reportatives import hedged_by_words
from provenance.extract.reported_speech import (
    SUBORDINATORS,
    MORE_RUN_ON_MARKERS,
    RUN_ON_MARKERS,
    content_sentence_span,
    embedded_speaker,
    inner_quotations,
    is_quotation,
    split_reported_clauses,
)
from provenance.extract.segmentation import CLOSING_QUOTES, Sentence, split_sentences, tokenize
from provenance.extract.stances import own_speaker, stance_speaker
from provenance.model.core import Article, Claim, Cue, Hop

Span = tuple[int, int]
# "Trump said on Monday." is a speaker tail; longer sentences say something of their own.
SPEAKER_TAIL_TOKENS = 9
# How many sentences that report nothing may stand between a claim and free indirect speech that goes on with
# its chain (same paragraph, Konjunktiv in the main clause; see ``_ArticleReader.read``).
HELD_GAP = 1


def extract_article(document: InputDocument, *, include_unattributed: bool = False, filtered: bool = True) -> Article:
    """Find the attributed claims of one document, each with its chain (origin first).

    The language is ``document.lang`` or detected from the text. With ``include_unattributed``,
    sentences without attribution become claims of mode ``unattributed`` with an empty chain.
    With ``filtered`` (the default), claims the language's shipped model finds unlikely are
    dropped (:mod:`~provenance.extract.confidence`); training that model reads them all.
    """
    language = document.lang or detect_language(document.text)
    if language not in SUPPORTED_LANGUAGES:
        raise InvalidInput(f"document {document.id!r}: language {language!r} is not supported; use de or en")
    reader = _ArticleReader(document.text, lexicon_for(language), include_unattributed)
    reader.namer.publisher = publisher_of(document.publisher, document.url, load_registry())
    analysed = reader.analysed
    for sentence in _speakers_joined_to_quotes(split_sentences(analysed, tokenize(analysed)), reader.lexicon):
        reader.read(sentence)
    article = Article(
        id=document.id,
        text=document.text,
        lang=language,
        title=document.title,
        publisher=document.publisher,
        url=document.url,
        published=document.published,
        claims=_distinct(_likely(document.text, reader.claims, language) if filtered else reader.claims),
    )
    one_name_per_source(article.claims, reader.namer.personal_names())
    for claim in article.claims:
        claim.id = claim_identifier(article.id, claim)
    return article


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per content: of claims with the same spans and text (two frames read the same clause), the one
    with the longest chain, then the one whose cue stands nearest the content.

    An article cannot hold two claims with the same spans and text (their identifiers would be equal). The
    longer chain is the fuller reading (``A habe X dargelegt, Y sei Z, berichtete dpa unter Berufung auf B``
    is B -> dpa for ``Y sei Z``, not A), and the nearer cue the one that introduces it (``Er sagte, …
    und fügte hinzu: „…“``: the quotation goes with ``fügte hinzu``).
    """
    best: dict[tuple, Claim] = {}
    for claim in claims:
        key = (tuple(map(tuple, claim.spans)), claim.text)
        if key not in best or _reading_rank(claim) < _reading_rank(best[key]):
            best[key] = claim
    kept = {id(claim) for claim in best.values()}
    return [claim for claim in claims if id(claim) in kept]


def _reading_rank(claim: Claim) -> tuple[int, int]:
    """Lower is better: the longer chain first, then the smaller gap between cue and content."""
    if claim.cue is None:
        return (-len(claim.chain), 1 << 30)
    start, end = claim.spans[0][0], claim.spans[-1][1]
    gap = min(max(cue_start - end, start - cue_end, 0) for cue_start, cue_end in claim.cue.spans)
    return (-len(claim.chain), gap)


def _likely(text: str, claims: list[Claim], language: str) -> list[Claim]:
    """The claims the language's model keeps; unattributed claims and languages without a model keep all."""
    model = filter_for(language)
    if model is None:
        return claims
    return [claim for claim in claims if not claim.chain or model.keep(text, claim)]


class _ArticleReader:
    """Reads one article sentence by sentence, carrying what the next sentence may refer back to."""

    def __init__(self, text: str, lexicon: Lexicon, include_unattributed: bool) -> None:
        self.text = text
        # Frames are found in a copy with plain quote marks; its offsets are the text's.
        self.analysed = _with_plain_quotes(text)
        self.lexicon = lexicon
        self.include_unattributed = include_unattributed
        self.namer = SourceNamer(text, lexicon, load_registry())
        self.claims: list[Claim] = []
        self.last_chain: tuple[Hop, ...] = ()
        # The cue that opened the report the next sentence may continue: its quotations share it.
        self.last_cue: Cue | None = None
        self.previous_sentence: Sentence | None = None
        # The cue-less claim of free indirect speech in the sentence before, which this one may go on.
        self.free_indirect: Claim | None = None
        # The last chain of a claim, held over a few sentences that report nothing in the same paragraph.
        self.held_chain: tuple[Hop, ...] = ()
        self.held_gap = 0

    def read(self, sentence: Sentence) -> None:
        frames = find_frames(self.analysed, sentence, self.lexicon)
        for frame in frames:
            if frame.content_in_previous_sentence:
                self._take_previous_sentence(frame)
        reported = [frame for frame in frames if frame.content]
        new_claims = []
        for frame in reported:
            claims = _claims_of_frame(self.text, frame, self.namer, self.lexicon)
            if frame.reported_by_previous and self.last_chain:
                # "Auf die Frage … habe Nguyen Van Ly geantwortet: …": his answer reaches us through the source before.
                for claim in claims:
                    if not any(hop.source == self.last_chain[-1].source for hop in claim.chain):
                        claim.chain = claim.chain + self.last_chain
            new_claims += claims
        free_indirect = None
        if self.previous_sentence is not None and "\n" in self.text[self.previous_sentence.end : sentence.start]:
            self.held_chain = ()
        last_chain = self.last_chain
        if not new_claims and not last_chain and self.held_chain and main_clause_konjunktiv(sentence, self.lexicon):
            # "X sagte, A sei B. <narration>. Bisher habe man C.": free indirect speech goes on after one sentence
            # of narration in the same paragraph when its main clause is in Konjunktiv. Why: on train such
            # sentences had the last claim's source 10 times in 17 (joint F1 0.6774 -> 0.6784).
            last_chain = self.held_chain
        if not new_claims and last_chain and is_run_on_report(sentence, self.lexicon) and continues(last_chain, sentence, self.lexicon.language):
            own = own_speaker(self.text, sentence, self.lexicon)
            chain = (self.namer.hop(*own),) if own is not None else last_chain
            new_claims = run_on_claims(self.text, sentence, chain, self.lexicon, self.last_cue)
            new_claims += quotations_of_run_on(self.text, new_claims, self.last_cue, self.lexicon)
            free_indirect = next((claim for claim in new_claims if claim.cue is None), None)
            if free_indirect is not None and self.free_indirect is not None:
                new_claims.remove(free_indirect)
                free_indirect = continued(self.text, self.free_indirect, free_indirect)
        self.free_indirect = free_indirect
        self.previous_sentence = sentence
        # A content that is only a relative clause is no claim, but its speaker may go on in the next sentence.
        self.claims.extend(claim for claim in new_claims if not _relative_clause(self.text, claim, self.lexicon))
        # Run-on reported speech continues only the sentence right before it; a speech act without
        # content ("Lammert würdigte die Bundeswehr als ...") may be continued as well.
        speakers = [frame for frame in frames if not frame.content]
        self.held_gap += 1
        if self.held_gap > HELD_GAP:
            self.held_chain = ()
        if new_claims:
            self.last_chain = new_claims[-1].chain
            self.held_chain, self.held_gap = self.last_chain, 0
            self.last_cue = next((claim.cue for claim in reversed(new_claims) if claim.cue), self.last_cue)
        elif speakers:
            self.last_chain = _chain(speakers[-1], self.namer)
            self.last_cue = _cue(self.text, speakers[-1])
        else:
            stance = stance_speaker(self.text, sentence, self.lexicon)
            self.last_chain = (self.namer.hop(*stance),) if stance is not None else ()
            self.last_cue = None
        if not new_claims and self.include_unattributed:
            self.claims.extend(_unattributed_claim(self.text, sentence))

    def _take_previous_sentence(self, frame: Frame) -> None:
        """``Dies sagte X``: the previous sentence joins the content and is no run-on report of its own."""
        if self.previous_sentence is None:
            return
        previous = content_sentence_span(self.previous_sentence)
        if previous is None:
            return
        frame.content = [previous, *frame.content]
        self.claims = [claim for claim in self.claims if claim.cue is not None or claim.spans[0][0] < previous[0]]


def _speakers_joined_to_quotes(sentences: list[Sentence], lexicon: Lexicon) -> list[Sentence]:
    """Join ``“Who are they?” Trump said.`` back into one sentence: the splitter broke it after the quote."""
    joined: list[Sentence] = []
    for sentence in sentences:
        tokens = sentence.tokens
        is_speaker_tail = (
            joined
            and len(tokens) <= SPEAKER_TAIL_TOKENS
            and joined[-1].tokens[-1].text in CLOSING_QUOTES
            and any(token.lower in lexicon.cue_verbs for token in tokens)
        )
        if is_speaker_tail:
            joined[-1] = Sentence(joined[-1].tokens + tokens)
        else:
            joined.append(sentence)
    return joined


def _with_plain_quotes(text: str) -> str:
    """The text with typewriter quotes (``...'') as one '"' and a space: same length, so offsets stay valid."""
    return text.replace("''", '" ').replace("``", '" ')


def claim_identifier(article_id: str, claim: Claim) -> str:
    """A stable id from the article and the claim's spans: extracting twice gives the same ids."""
    key = f"{article_id}|{claim.spans}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _claims_of_frame(text: str, frame: Frame, namer: SourceNamer, lexicon: Lexicon) -> list[Claim]:
    chain = _chain(frame, namer)
    if not chain:
        return []
    namer.remember_hop(chain[-1])
    cue = _cue(text, frame)
    pieces = _content_pieces(text, frame, lexicon)
    if lexicon.language == "de" and frame.mode != "direct":
        pieces += [[quotation] for spans in list(pieces) for quotation in inner_quotations(text, spans)]
    claims = []
    for spans in pieces:
        if cue is not None and _adverbial_clause(text, spans, lexicon):
            continue
        claim_chain = chain
        if len(spans) == 1:
            speaker = embedded_speaker(text, spans[0], lexicon)
            if speaker is not None:
                claim_chain = (namer.hop(*speaker),) + chain
        claims.append(
            Claim(
                text=" … ".join(text[start:end] for start, end in spans),
                spans=tuple(spans),
                chain=claim_chain,
                cue=cue,
                mode="direct" if is_quotation(text, spans[0]) else frame.mode,
                hedged=frame.hedged or hedged_by_words(text, spans, frame.cue, lexicon),
            )
        )
    return claims


# Conjunctions and relative words that open an adverbial or relative clause, never reported content.
ADVERBIAL_OPENERS = frozenset("da als um wenn was denen welcher welche welches weshalb wodurch worauf".split())


def _adverbial_clause(text: str, spans, lexicon: Lexicon) -> bool:
    """``…, sagte er, da …``: a German content that opens with a conjunction of time or cause or a relative word.

    Why: on train such contents were right 4 times in 23 (a cause, a time, a relative clause after the object).
    """
    if lexicon.language != "de":
        return False
    first = tokenize(text, *spans[0])
    return bool(first) and first[0].lower in ADVERBIAL_OPENERS and not _main_clause_after(first)


# Words after the comma of a fronted clause that open another subordinate clause or a list, not the main clause.
NOT_A_FINITE_VERB = SUBORDINATORS | frozenset("und oder aber sondern doch so etwa also auch nicht".split())


def _main_clause_after(tokens) -> bool:
    """``Wenn A hätte, wäre B``: a fronted subordinate clause followed by its main clause, verb first.

    After a fronted clause the German main clause opens with its finite verb (lower case after the
    comma); that content reports a whole sentence, not a time or a cause.
    """
    depth = 0
    for index, token in enumerate(tokens[:-1]):
        if token.text in "„»(":
            depth += 1
        elif token.text in "“«)":
            depth = max(0, depth - 1)
        elif token.text == "," and depth == 0:
            following = tokens[index + 1]
            return following.is_word and following.text.islower() and following.lower not in NOT_A_FINITE_VERB
    return False


RELATIVE_OPENERS = frozenset("der die das".split())


def _relative_clause(text: str, claim: Claim, lexicon: Lexicon) -> bool:
    """``…, die am Montag stattgefunden hat``: a German content that is only a relative clause, not reported speech.

    *der*/*die*/*das* before a lower-case word, no comma, no Konjunktiv-I form and no *zu*-infinitive at the
    end (*das neue Gesetz könne …*, *der Klage stattzugeben* are content). Why: on train such contents were
    right 2 times in 21 (joint F1 0.6745 -> 0.6765; half A 0.6716 -> 0.6732, half B 0.6788 -> 0.6814).
    """
    if lexicon.language != "de" or claim.cue is None or len(claim.spans) != 1:
        return False
    tokens = tokenize(text, *claim.spans[0])
    words = [token for token in tokens if token.is_word]
    if not tokens or not tokens[0].is_word or len(words) < 2 or words[0].text not in RELATIVE_OPENERS or words[1].text[0].isupper():
        return False
    if any(token.text == "," for token in tokens):
        return False
    if words[-2].lower == "zu" or _zu_infinitive(words[-1].lower):
        return False
    return not any(word.lower in RUN_ON_MARKERS or word.text in MORE_RUN_ON_MARKERS for word in words)


def _zu_infinitive(word: str) -> bool:
    """*stattzugeben*, *anzuwenden*: a separable verb's infinitive with *zu* inside."""
    inside = word.find("zu", 1)
    return inside > 0 and word.endswith("en") and len(word) - inside > 4


def _cue(text: str, frame: Frame) -> Cue | None:
    cue_spans = _joined_spans(text, frame.cue)
    return Cue(spans=cue_spans, text=" … ".join(text[start:end] for start, end in cue_spans)) if cue_spans else None


def _joined_spans(text: str, spans: list[Span]) -> tuple[Span, ...]:
    """Spans in order, neighbours separated only by spaces joined: "hieß" + "es" is one span "hieß es"."""
    joined: list[Span] = []
    for start, end in sorted(spans):
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return tuple(joined)


def _chain(frame: Frame, namer: SourceNamer) -> tuple[Hop, ...]:
    """The frame's hops, origin first; the speaker is named first so that *ihren Informanten* can refer to it.

    Relays follow the speaker: outlets addressed or quoting, *demnach* (the source the article
    followed last), and an unnamed relay for *reportedly* (see :mod:`~provenance.extract.relays`).
    """
    if not frame.sources:
        return _relay_hops(frame, namer) or (namer.unnamed_hop(),)
    if frame.anaphoric:
        mention = frame.sources[-1]
        return (namer.anaphor_hop(mention.start, mention.end),) + _relay_hops(frame, namer)
    *origins, speaker_mention = frame.sources
    relays = _relay_hops(frame, namer)
    if speaker_mention.antecedent is not None:
        # "nach eigenen Angaben": the hop stands at the mention and is named after the one it refers to.
        named = namer.hop(*speaker_mention.antecedent, medium=frame.medium)
        speaker = Hop(
            source=named.source,
            start=speaker_mention.start,
            end=speaker_mention.end,
            mention=text_of(namer, speaker_mention),
            antecedent=speaker_mention.antecedent,
        )
    else:
        speaker = namer.hop(speaker_mention.start, speaker_mention.end, medium=frame.medium)
    origin_hops = [namer.hop(mention.start, mention.end, owner=speaker.source) for mention in origins]
    return tuple(origin_hops) + (speaker,) + relays


def text_of(namer: SourceNamer, mention) -> str:
    return namer.text[mention.start : mention.end]


def _relay_hops(frame: Frame, namer: SourceNamer) -> tuple[Hop, ...]:
    """The relays' hops; *demnach* is resolved before the frame's own sources are remembered."""
    hops = []
    for mention in frame.relays:
        if mention.role in ("anaphor", "outer-anaphor"):
            hops.append(namer.relay_anaphor_hop(mention.start, mention.end))
        elif mention.role == "outer-statement":
            # "Der Mitteilung zufolge versicherte X": the statement is the one whose source the text followed last.
            hops.append(namer.anaphor_hop(mention.start, mention.end))
        elif mention.role == "unnamed":
            hops.append(namer.unknown_relay_hop())
        else:
            hop = namer.hop(mention.start, mention.end)
            if own_outlet(namer.publisher, hop.source):
                # "told BBC News" in a BBC article: the article's own publisher is the addressee, no hop.
                continue
            hops.append(hop)
    return tuple(hops)


def _content_pieces(text: str, frame: Frame, lexicon: Lexicon) -> list[list[Span]]:
    """The content as one claim, or one claim per reported clause when it is a single span before its cue.

    Why: after the cue (*X sagte, A sei B, C sei D*) annotators mark the clauses as one content: on
    train 13 of 14 such frames had one gold attribution over all clauses (joint F1 0.6727 -> 0.6745,
    both halves of train gain). Before a postposed cue (*A sei B, C sei D, sagte X*) they stay apart.
    """
    if len(frame.content) == 1 and frame.mode != "direct" and not _cue_before(frame):
        clauses = split_reported_clauses(text, frame.content[0], lexicon)
        return [[clause] for clause in clauses]
    return [list(frame.content)]


def _cue_before(frame: Frame) -> bool:
    """Whether the frame's cue stands before its content (*X sagte, A sei B, C sei D*)."""
    return bool(frame.cue) and min(start for start, _ in frame.cue) < frame.content[0][0]


def _unattributed_claim(text: str, sentence: Sentence) -> list[Claim]:
    span = content_sentence_span(sentence)
    if span is None:
        return []
    return [Claim(text=text[span[0] : span[1]], spans=(span,), mode="unattributed")]


