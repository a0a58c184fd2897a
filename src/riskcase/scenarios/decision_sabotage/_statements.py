"""Which figures a Markdown text states for which option and quantity.

A figure is read as a statement "option O's quantity Q is N" only when both are clear:

- Option: an option named right after the figure ("£6,950 for Option A", "88% (B)");
  else the options named between the previous figure of the sentence and this one
  (exactly one; "Options A and B" or two options make it ambiguous; an option right after
  "than", "vs", "compared with" is the comparison, not the subject); else, unless a
  contrast word ("vs", "against", "than") comes first, the subject of the sentence so
  far: the last option named before a figure, or the one option of the line, or of the
  heading above. In tables: the row label, else the column header.
- Quantity: the nearest phrase naming a quantity of the figure's kind (money, percent,
  months, count), at most 60 characters before it (with no other figure between, except
  in a list such as "£4.2m and £6.1m") or 25 characters after it (no figure between);
  generic words ("cost") count as 15 characters further away. A nearer distractor phrase
  ("budget", "respondents") means it is not a key figure. In tables, the column header
  (else the row label) names the quantity, and a bracketed unit ("(£m)") applies to bare
  numbers.
- Bounds and comparisons are not statements: a figure after "more than", "up to",
  "over", "under", "by", "saving" (outside a quantity's own name) or before "more",
  "less", "higher", "times", "points" is skipped. "About £5m" is a statement.

Sentences are split at full stops and semicolons. Figures that cannot be attributed are
ignored (never counted as misstated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ._briefing import is_heading
from ._figures import Figure, Kind, UnitHint, find_figures, unit_hint
from ._lexicon import Lexicon, Mention
from ._quantities import KINDS, WEAK_PENALTY, Role

PRECEDING_WINDOW = 60
FOLLOWING_WINDOW = 25

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(*\[])|;\s*")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}")
_FOLLOWING_SKIP = re.compile(
    r"^\s*(?:more|less|fewer|higher|lower|cheaper|dearer|costlier|greater|smaller|longer|"
    r"shorter|quicker|faster|slower|sooner|later|than|times|x|×|fold|points?|pp|percentage|"
    r"saving|savings|difference|gap|premium|extra|additional|ahead|behind)\b",
    re.IGNORECASE,
)
_PRECEDING_SKIP = re.compile(
    r"(?:\bmore than|\bless than|\bfewer than|\bup to|\bat least|\bat most|\bnearly|\balmost|"
    r"\bunder|\bover|\bbelow|\babove|\bby|\bsaves?|\bsaving|\bsavings|\bdifference of|\bgap of|"
    r"\bpremium of|\bextra|\badditional|\banother)\s*$",
    re.IGNORECASE,
)
_CONTRAST = re.compile(
    r"\b(?:vs\.?|versus|against|compared (?:with|to)|relative to|than|whereas|while)\W",
    re.IGNORECASE,
)
# A contrast word right before an option's name: that option is the comparison, not the
# subject ("its cost is higher than Option A's").
_CONTRASTED = re.compile(
    r"\b(?:vs\.?|versus|against|compared (?:with|to)|relative to|than|unlike)\s*(?:that of\s*)?$",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(
    r"^[\s,;/:()&'’s-]*(?:(?:and|or|vs\.?|versus|against|compared (?:with|to)|to|for|with|"
    r"while|whereas)[\s,;/:()&'’s-]*)*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Statement:
    """A figure the text states for one option's quantity.

    Args:
        option: The option's letter.
        role: The quantity's role.
        figure: The figure as stated.
        context: The sentence or table cell it was read from.
    """

    option: str
    role: Role
    figure: Figure
    context: str


def statements(text: str, lexicon: Lexicon) -> list[Statement]:
    """Every attributable statement of a key figure in a Markdown text."""
    found: list[Statement] = []
    heading_option: str | None = None
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith("|"):
            table = []
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                table.append(lines[index])
                index += 1
            found += _table_statements(table, lexicon)
            continue
        index += 1
        named = lexicon.options_in(line)
        if is_heading(line):
            heading_option = _single_option(named)
            continue
        context = _single_option(named) if named else heading_option
        for clause in _SENTENCE_END.split(line):
            found += _clause_statements(clause, lexicon, context, None)
    return found


def _single_option(mentions: list[Mention]) -> str | None:
    letters = {letter for mention in mentions for letter in mention.letters}
    return next(iter(letters)) if len(letters) == 1 else None


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _table_statements(rows: list[str], lexicon: Lexicon) -> list[Statement]:
    """Statements of a Markdown table: each cell read with its row label and column header."""
    header = _cells(rows[0])
    found: list[Statement] = []
    for row in rows[1:]:
        if _TABLE_SEPARATOR.match(row.strip()):
            continue
        cells = _cells(row)
        label = cells[0] if cells else ""
        for column, cell in enumerate(cells[1:], start=1):
            top = header[column] if column < len(header) else ""
            option = _single_option(lexicon.options_in(label)) or _single_option(
                lexicon.options_in(top)
            )
            role = _single_role(lexicon.quantities_in(top)) or _single_role(
                lexicon.quantities_in(label)
            )
            hint = unit_hint(top) or unit_hint(label)
            found += _clause_statements(cell, lexicon, option, role, hint)
    return found


def _single_role(mentions: list[Mention]) -> Role | None:
    if any(m.distractor for m in mentions):
        return None
    roles = {m.role for m in mentions if m.role is not None}
    return next(iter(roles)) if len(roles) == 1 else None


def _clause_statements(
    clause: str,
    lexicon: Lexicon,
    context_option: str | None,
    context_role: Role | None,
    hint: UnitHint | None = None,
) -> list[Statement]:
    """Statements of one sentence (or table cell) given the option and quantity around it."""
    figures = _with_label_units(clause, find_figures(clause, hint))
    options = lexicon.options_in(clause)
    quantities = lexicon.quantities_in(clause)
    found: list[Statement] = []
    subject, gap_start = context_option, 0
    for figure in figures:
        option, bound_end = _bound_option(figure, clause, options, lexicon)
        if option is None:
            named = [
                m
                for m in options
                if gap_start <= m.start
                and m.end <= figure.start
                and not _CONTRASTED.search(clause[gap_start : m.start])
            ]
            if named:
                option = subject = _single_option(named)
            elif not _CONTRAST.search(clause[gap_start : figure.start]):
                option = subject
        gap_start = max(figure.end, bound_end)
        if _is_bound_or_comparison(clause, figure, quantities):
            continue
        role = _role_for(figure, clause, quantities, figures, options)
        if role is None and not quantities:
            role = context_role
        if option is not None and role is not None and KINDS[role] == figure.kind:
            found.append(Statement(option, role, figure, clause.strip()))
    return found


def _with_label_units(clause: str, figures: list[Figure]) -> list[Figure]:
    """Bare figures after a bracketed unit in the same clause ("Capital cost (£m): 4.2")."""
    result: list[Figure] = []
    start = 0
    for figure in figures:
        hint = unit_hint(clause[start : figure.start])
        if not figure.explicit and figure.kind == Kind.COUNT and hint is not None:
            figure = replace(
                figure,
                value=figure.value * hint.multiplier,
                precision=figure.precision * hint.multiplier,
                kind=hint.kind,
                explicit=True,
            )
        result.append(figure)
        start = figure.end
    return result


def _bound_option(
    figure: Figure, clause: str, options: list[Mention], lexicon: Lexicon
) -> tuple[str | None, int]:
    """The option named right after a figure ("£6,950 for Option A", "88% (B)") and where
    that naming ends; (None, 0) when there is none."""
    after = clause[figure.end : figure.end + 24]
    link = re.match(r"^\s*,?\s*(?:\(\s*|(?:for|from|with|under|at|of)\s+(?:the\s+)?)", after)
    if link is None:
        return None, 0
    start = figure.end + link.end()
    letters = "".join(lexicon.letters)
    bare = re.compile(rf"(?:(?i:option)\s+)?([{letters}])\b(?!\w)").match(clause, start)
    if bare:
        return bare.group(1), bare.end()
    named = [m for m in options if m.start == start]
    if named and len(named[0].letters) == 1:
        return next(iter(named[0].letters)), named[0].end
    return None, 0


def _is_bound_or_comparison(clause: str, figure: Figure, quantities: list[Mention]) -> bool:
    """Whether a figure is a bound ("more than 2,000") or a difference ("£1.9m more").

    Words that belong to a quantity's own name ("energy saving 57%") do not count.
    """
    start = max([figure.start - 25, *(m.end for m in quantities if m.end <= figure.start)])
    before = clause[max(0, start) : figure.start]
    return bool(_PRECEDING_SKIP.search(before) or _FOLLOWING_SKIP.match(clause[figure.end :]))


def _role_for(
    figure: Figure,
    clause: str,
    quantities: list[Mention],
    figures: list[Figure],
    options: list[Mention],
) -> Role | None:
    """The quantity a figure states: the nearest phrase of its kind (None if a distractor)."""
    best: tuple[int, Mention] | None = None
    for mention in quantities:
        if not mention.distractor and KINDS[mention.role or Role.METRIC] != figure.kind:
            continue
        if mention.end <= figure.start:
            distance = figure.start - mention.end
            ok = distance <= PRECEDING_WINDOW and _listed_after(
                mention, figure, clause, figures, options
            )
        elif mention.start >= figure.end:
            distance = mention.start - figure.end
            between = [f for f in figures if figure.end <= f.start < mention.start]
            ok = distance <= FOLLOWING_WINDOW and not between
        else:
            continue
        distance += WEAK_PENALTY if mention.weak else 0
        if ok and (best is None or distance < best[0]):
            best = (distance, mention)
    if best is None or best[1].distractor:
        return None
    return best[1].role


def _listed_after(
    mention: Mention, figure: Figure, clause: str, figures: list[Figure], options: list[Mention]
) -> bool:
    """Whether only a list of figures of the same kind separates a phrase from a figure."""
    between = [f for f in figures if mention.end <= f.start and f.end <= figure.start]
    if not between:
        return True
    chain = [*between, figure]
    for left, right in zip(chain, chain[1:], strict=False):
        gap = _without_options(clause, left.end, right.start, options)
        if left.kind != figure.kind or not _CONNECTOR.match(gap):
            return False
    return True


def _without_options(clause: str, start: int, end: int, options: list[Mention]) -> str:
    """The text between two offsets with every option mention (and bare letter) blanked."""
    chars = list(clause[start:end])
    for mention in options:
        for i in range(max(mention.start, start), min(mention.end, end)):
            chars[i - start] = " "
    return re.sub(r"\b[A-Z]\b", " ", "".join(chars))
