"""Attributions inside attributions: one claim with the longer chain.

``laut ČTK hatte Konvička gefordert, …``, ``The News of the World reports that Anelka told a French
magazine: …``, ``She told the court that a lawyer had told her …``, ``A, sagte X, wie Y laut Z
berichtete``: a frame whose content holds another frame's cue and speaker is that frame's relay
(guidelines of chains-dev: *A told B that C suggested …* is C > A > B). Also here: frames that read
the same words twice (*quoted X as saying*, a speaker phrase that swallowed another cue, *hieß es*
inside a named frame).
"""

from __future__ import annotations

from provenance.extract.sentence_context import (
    Frame,
    Mention,
    SentenceContext,
    overlaps,
    token_indexes,
    word_end_before,
)

Span = tuple[int, int]

# Content words an outer frame may keep beside the inner attribution and still be only its relay.
NESTED_REMAINDER = 6


def without_crossed_readings(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """Of two frames that each hold the other's cue and speaker, drop the one whose content opens with the other's attribution.

    ``Both sides … did not agree on a joint statement, Reuters reported, citing …``: *agree* read
    *Reuters reported, citing people …* as its content, while *reported* holds the whole clause of *agree*.
    """
    dropped = set()
    for position, frame in enumerate(frames):
        for other in frames:
            if other is frame or not frame.content or not other.content or not frame.sources or not other.sources:
                continue
            if not other.cue:
                continue
            start = min(s for s, _ in frame.content)
            speaker = other.sources[-1]
            cue_start = min(s for s, _ in other.cue)
            # "Reuters reported, …" or "reported Reuters, …": the content opens with the other's speaker and verb together.
            cue_end = min(e for _, e in other.cue)
            adjacent = (speaker.end <= cue_start and not context.text[speaker.end : cue_start].strip()) or (
                cue_end <= speaker.start and not context.text[cue_end : speaker.start].strip()
            )
            opens_with_other = start in (speaker.start, cue_start) and adjacent
            if _holds(frame, other) and _holds(other, frame) and opens_with_other:
                dropped.add(position)
    return [frame for position, frame in enumerate(frames) if position not in dropped]


def _holds(outer: Frame, inner: Frame) -> bool:
    """Whether the inner frame's cue and speaker lie within the stretch of the outer frame's content."""
    start = min(s for s, _ in outer.content)
    end = max(e for _, e in outer.content)
    speaker = inner.sources[-1]
    return all(start <= s and e <= end for s, e in [*inner.cue, (speaker.start, speaker.end)])


def merge_nested(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """Merge an outer frame whose content holds another frame's cue and speaker into that frame.

    ``laut ČTK hatte Konvička gefordert, …``, ``The News of the World reports that Anelka told a
    French magazine: …``, ``She told the court that a lawyer had told her …``: the inner frame keeps
    its content and gets the outer frame's sources after its own; the outer frame goes when little
    else of its content is left (else it stays a claim of its own).
    """
    dropped: set[int] = set()
    # The last attribution first: in "A, sagte X, wie Y laut Z berichtete" Z goes into Y's frame before Y's into X's.
    order = sorted(range(len(frames)), key=lambda i: -min((s for s, _ in frames[i].cue), default=0))
    for position_inner in order:
        inner = frames[position_inner]
        if not inner.content or not inner.sources or position_inner in dropped:
            continue
        if inner.anaphoric:
            # "Nach Zahlen des SMMT liefen demnach …": *demnach* inside another attribution is its relay.
            host = next(
                (f for f in frames if f is not inner and f.content and f.sources and not f.anaphoric and _inside_content(f, inner)),
                None,
            )
            if host is not None:
                mention = inner.sources[-1]
                host.relays = list(host.relays) + [Mention(mention.start, mention.end, "anaphor")]
                host.cue = sorted(set(host.cue) | set(inner.cue))
                host.content = _without(host.content, inner.cue)
                dropped.add(position_inner)
            continue
        for position in sorted(range(len(frames)), key=lambda i: _content_width(frames[i])):
            outer = frames[position]
            if outer is inner or position in dropped or not outer.content or not outer.sources:
                continue
            if outer.anaphoric and not _statement_before(context, outer):
                continue
            if not (_inside_content(outer, inner) or _right_after_content(context, outer, inner)):
                continue
            if _first_person(context, inner.sources[-1]) and _inside_content(outer, inner):
                # "Wir gehen davon aus, dass …, sagte Staatsanwalt Holzner": the speaker's own words, one claim.
                dropped.add(frames.index(inner))
                break
            outer_mentions = list(outer.sources) + list(outer.relays)
            _trim_speaker_before(context, inner, outer_mentions)
            outer_mentions = [m for m in outer_mentions if not _bare_report_noun(context, m)]
            if any(overlaps((m.start, m.end), (o.start, o.end)) for m in inner.sources for o in outer_mentions):
                continue
            inner.relays = list(inner.relays) + [Mention(m.start, m.end, _outer_role(outer, m)) for m in outer_mentions]
            inner.cue = sorted(set(inner.cue) | set(outer.cue))
            inner.hedged = inner.hedged or outer.hedged
            if _remainder_words(context, outer, inner) <= NESTED_REMAINDER:
                dropped.add(position)
            break
    return [frame for position, frame in enumerate(frames) if position not in dropped]


def _outer_role(outer: Frame, mention: Mention) -> str:
    """How an outer frame's hop is named inside the inner one: a statement named before, *demnach*, or as is."""
    if outer.anaphoric:
        return "outer-statement"
    return "outer-anaphor" if mention.role == "anaphor" else "outer"


STATEMENT_NOUNS = frozenset("mitteilung erklärung stellungnahme".split())


def _statement_before(context: SentenceContext, frame: Frame) -> bool:
    """``Der Mitteilung zufolge versicherte X, …``: a statement named before, whose source passes X's words on."""
    mention = frame.sources[-1]
    return any(context.lower(i) in STATEMENT_NOUNS for i in token_indexes(context, mention.start, mention.end))


BARE_REPORT_ENDINGS = ("bericht", "meldung", "vorabmeldung", "report", "reports")


def _bare_report_noun(context: SentenceContext, mention: Mention) -> bool:
    """``laut Vorausbericht``: a report noun with no article and no name is the article's own wording, no hop."""
    indexes = token_indexes(context, mention.start, mention.end)
    return len(indexes) == 1 and context.lower(indexes[0]).endswith(BARE_REPORT_ENDINGS) and mention.role != "anaphor"


FIRST_PERSON = frozenset("ich wir i we".split())


def _first_person(context: SentenceContext, mention: Mention) -> bool:
    indexes = token_indexes(context, mention.start, mention.end)
    return len(indexes) == 1 and context.lower(indexes[0]) in FIRST_PERSON


def _inside_content(outer: Frame, inner: Frame) -> bool:
    """Whether the inner frame's cue and speaker lie inside the outer frame's content."""
    start = min(s for s, _ in outer.content)
    end = max(e for _, e in outer.content)
    speaker = inner.sources[-1]
    inside = [(s, e) for s, e in inner.cue] + [(speaker.start, speaker.end)]
    return all(start <= s and e <= end for s, e in inside) and not any(
        cs <= s and e <= ce for s, e in outer.cue for cs, ce in inner.content
    )


def unnamed_inside_named(frames: list[Frame]) -> list[Frame]:
    """``A sei B, hieß es nach nordkoreanischen Angaben``: the named frame around *hieß es* takes its cue."""
    kept = []
    for frame in frames:
        host = None
        if not frame.sources and not frame.relays and frame.cue:
            host = next(
                (
                    other
                    for other in frames
                    if other is not frame
                    and other.sources
                    and other.content
                    and all(min(s for s, _ in other.content) <= s and e <= max(e for _, e in other.content) for s, e in frame.cue)
                ),
                None,
            )
        if host is None:
            kept.append(frame)
            continue
        host.cue = sorted(set(host.cue) | set(frame.cue))
        host.content = [span for span in frame.content] or host.content
    return kept


def quoted_as_saying(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """``The BBC quoted Jones as saying the vote was rigged``: Jones > BBC for the content after *saying*."""
    if context.lexicon.language != "en":
        return frames
    for quoting in frames:
        cue_words = [i for s, e in quoting.cue for i in token_indexes(context, s, e)]
        verb = next((i for i in cue_words if context.lower(i) in ("quoted", "quotes", "quoting")), None)
        if verb is None or not quoting.sources:
            continue
        saying = next((i for i in range(verb + 2, min(verb + 10, len(context.tokens) - 1))
                       if context.lower(i) == "as" and context.lower(i + 1) in ("saying", "telling", "stating")), None)
        if saying is None:
            continue
        said = next((f for f in frames if f is not quoting and any(s == context.tokens[saying + 1].start for s, _ in f.cue)), None)
        if said is None:
            continue
        said.sources = [Mention(*context.span(verb + 1, saying - 1))]
        said.relays = [Mention(m.start, m.end, "relay") for m in quoting.sources]
        said.cue = sorted(set(said.cue) | set(quoting.cue))
        return [frame for frame in frames if frame is not quoting]
    return frames


def _content_width(frame: Frame) -> int:
    if not frame.content:
        return 1 << 30
    return max(e for _, e in frame.content) - min(s for s, _ in frame.content)


def without_swallowing_duplicates(context: SentenceContext, frames: list[Frame]) -> list[Frame]:
    """Of two frames with one content, drop the one whose speaker phrase holds the other's cue or is a possessive.

    ``Mr Houston was quoted in the Herald newspaper saying: …`` gives *quoted* (speaker Mr Houston) and
    *saying* (speaker the whole clause before it); ``Mr Houston's reported views`` is no attribution.
    """
    kept = []
    for frame in frames:
        speaker = frame.sources[-1] if frame.sources else None
        swallowing = speaker is not None and any(
            other is not frame
            and other.content == frame.content
            and any(speaker.start <= s and e <= speaker.end for s, e in other.cue)
            for other in frames
        )
        possessive = speaker is not None and context.text[speaker.start : speaker.end].endswith(("'s", "’s"))
        if not swallowing and not possessive:
            kept.append(frame)
    return kept


def _without(spans: list[Span], holes: list[Span]) -> list[Span]:
    """``spans`` with ``holes`` cut out (and the spaces beside them): *liefen … im vergangenen Jahr*."""
    result = list(spans)
    for hole_start, hole_end in holes:
        pieces = []
        for start, end in result:
            if start < hole_start and hole_end < end:
                pieces += [(start, hole_start - 1), (hole_end + 1, end)]
            else:
                pieces.append((start, end))
        result = pieces
    return [(start, end) for start, end in result if end > start]


def _right_after_content(context: SentenceContext, outer: Frame, inner: Frame) -> bool:
    """``She told the court that in the aftermath, a lawyer had told her …``: the outer content was cut where the inner frame begins.

    The outer cue stands before its content, the inner frame's speaker follows the outer content with
    only punctuation between them, and the inner content comes after its cue.
    """
    if not outer.cue or max(e for _, e in outer.cue) > min(s for s, _ in outer.content):
        return False
    speaker = inner.sources[-1]
    outer_end = max(e for _, e in outer.content)
    gap = context.text[outer_end : speaker.start]
    if speaker.start < outer_end or gap.strip(" ,;:–—") or not inner.cue:
        return False
    return min(s for s, _ in inner.content) > max(e for _, e in inner.cue)


def _trim_speaker_before(context: SentenceContext, inner: Frame, outer_mentions: list[Mention]) -> None:
    """``sagte Lukasz Kaminski der Agentur PAP zufolge``: the speaker phrase ends before the outer source."""
    speaker = inner.sources[-1]
    for mention in outer_mentions:
        if speaker.start < mention.start < speaker.end:
            end = word_end_before(context, mention.start, speaker.start)
            if end is not None:
                inner.sources[-1] = Mention(speaker.start, end, speaker.role)
            return


def _remainder_words(context: SentenceContext, outer: Frame, inner: Frame) -> int:
    covered = list(inner.content) + list(inner.cue) + [(m.start, m.end) for m in inner.sources]
    count = 0
    for token in context.tokens:
        if not token.is_word:
            continue
        in_outer = any(s <= token.start and token.end <= e for s, e in outer.content)
        if in_outer and not any(s <= token.start and token.end <= e for s, e in covered):
            count += 1
    return count
